import CCurl
import KoersSystem

// The one place in Koers that touches libcurl's pointers. Everything else talks to `CurlEasy`.

/// libcurl's global initialisation, run exactly once, the first time a handle is made. Swift
/// initialises a global `let` lazily and thread-safely (`swift_once`), so this needs no lock.
/// SIGPIPE is ignored at the same time: with CURLOPT_NOSIGNAL libcurl leaves SIGPIPE alone, and a
/// peer that closes a TLS connection (or a sendmail that exits before reading all of its input)
/// must produce an error, not kill the daemon.
private let curlGlobalInitResult: UInt32 = {
    ignoreSIGPIPE()
    return koers_curl_global_init_all().rawValue
}()

/// Ignores SIGPIPE for the process, once. Writes to a closed pipe or socket then fail with EPIPE.
let sigpipeIgnored: Bool = {
    Signals.ignore(.brokenPipe)
    return true
}()

func ignoreSIGPIPE() { _ = sigpipeIgnored }

/// A libcurl failure: its result code (CURLcode) and message.
struct CurlError: Error, Sendable, Equatable {
    let code: UInt32
    let message: String

    init(_ code: CURLcode, message: String? = nil) {
        self.code = code.rawValue
        self.message = message ?? String(cString: curl_easy_strerror(code))
    }

    func `is`(_ other: CURLcode) -> Bool { code == other.rawValue }
}

/// A line the server sent (CURLINFO_HEADER_IN), without its line end, and the SMTP command it
/// answered: what was refused, the login or the recipient, decides what a failure means.
struct ServerLine: Sendable, Equatable {
    /// The verb of the last SMTP command Koers sent before this line (`EHLO`, `STARTTLS`, `AUTH`,
    /// `MAIL`, `RCPT`, `DATA` …); nil for the greeting.
    let answering: String?
    let text: String
}

/// What one `curl_easy_perform` produced.
struct CurlTransfer: Sendable {
    /// CURLE_OK (0) on success.
    let code: UInt32
    /// CURLINFO_RESPONSE_CODE: the last SMTP reply code, 0 if there was none.
    let responseCode: Int
    /// libcurl's error message (the error buffer, or `curl_easy_strerror`); empty on success.
    let errorMessage: String
    /// The lines the server sent during this transfer.
    let serverLines: [ServerLine]

    var succeeded: Bool { code == CURLE_OK.rawValue }
    func failed(with other: CURLcode) -> Bool { code == other.rawValue }
}

/// One libcurl easy handle, with its error buffer, its recipient list and a transcript of what
/// the server said. libcurl keeps the connection open between performs on the same handle, so
/// one `CurlEasy` is one reusable connection. Not thread-safe: use it from one thread at a time.
///
/// A transfer can be cut off from outside: `perform` and `performReceiving` take a check that
/// libcurl's progress callback asks about once a second, even while the server sends nothing.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let transcript = ServerTranscript()
    /// CURLOPT_MAIL_RCPT does not copy the list: it lives until replaced or until `deinit`.
    private var recipients: UnsafeMutablePointer<curl_slist>?

    init() throws(CurlError) {
        let global = curlGlobalInitResult
        guard global == CURLE_OK.rawValue else { throw CurlError(CURLcode(rawValue: global)) }
        guard let handle = curl_easy_init() else {
            throw CurlError(CURLE_FAILED_INIT, message: "curl_easy_init failed")
        }
        self.handle = handle
        let size = koers_curl_error_size()
        errorBuffer = .allocate(capacity: size)
        errorBuffer.initialize(repeating: 0, count: size)

        try check(koers_curl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(koers_curl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        // The debug callback sees the server's reply lines and the commands Koers sends. It keeps
        // the replies and, of each command, only a known SMTP verb: never the rest of what Koers
        // sends, which includes AUTH data and the message.
        try check(koers_curl_easy_setopt_pointer(handle, CURLOPT_DEBUGDATA,
                                                 Unmanaged.passUnretained(transcript).toOpaque()))
        try check(koers_curl_easy_setopt_debug_callback(handle) { _, type, data, size, context in
            guard type == CURLINFO_HEADER_IN || type == CURLINFO_HEADER_OUT, let data, let context else { return 0 }
            let transcript = Unmanaged<ServerTranscript>.fromOpaque(context).takeUnretainedValue()
            let bytes = UnsafeRawBufferPointer(start: data, count: size)
            if type == CURLINFO_HEADER_IN { transcript.record(bytes) } else { transcript.sent(bytes) }
            return 0
        })
        // The progress callback asks the current transfer's abort check; between transfers there
        // is none (XFERINFODATA is nil) and it never aborts.
        try check(koers_curl_easy_setopt_long(handle, CURLOPT_NOPROGRESS, 0))
        try check(koers_curl_easy_setopt_pointer(handle, CURLOPT_XFERINFODATA, nil))
        try check(koers_curl_easy_setopt_xferinfo_callback(handle) { context, _, _, _, _ in
            guard let context else { return 0 }
            return Unmanaged<AbortCheck>.fromOpaque(context).takeUnretainedValue().shouldAbort() ? 1 : 0
        })
        try check(koers_curl_easy_setopt_long(handle, CURLOPT_VERBOSE, 1))
        try check(koers_curl_easy_setopt_read_callback(handle) { buffer, size, count, context in
            guard let buffer, let context else { return koers_curl_readfunc_abort() }
            return Unmanaged<UploadBody>.fromOpaque(context).takeUnretainedValue()
                .copy(into: UnsafeMutableRawPointer(buffer), capacity: size * count)
        })
    }

    deinit {
        // Closes the connection (SMTP QUIT when it is healthy). The transcript is still alive
        // here, so the debug callback may run.
        curl_easy_cleanup(handle)
        curl_slist_free_all(recipients)
        errorBuffer.deallocate()
    }

    /// Shuts the connection's socket down, so that the QUIT libcurl sends when the handle goes
    /// away fails at once instead of waiting for a server that may never answer it. libcurl runs
    /// that QUIT on an internal handle of its own, which no progress callback reaches.
    func shutDownConnection() {
        var socket = curl_socket_t(-1)
        guard koers_curl_easy_getinfo_socket(handle, CURLINFO_ACTIVESOCKET, &socket) == CURLE_OK, socket >= 0 else { return }
        try? FileDescriptor(rawValue: socket, path: "the SMTP connection").shutDown()
    }

    func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
        try check(koers_curl_easy_setopt_long(handle, option, value))
    }

    func set(_ option: CURLoption, _ value: Bool) throws(CurlError) {
        try check(koers_curl_easy_setopt_long(handle, option, value ? 1 : 0))
    }

    /// libcurl copies string options, so the Swift string need not outlive the call.
    func set(_ option: CURLoption, _ value: String) throws(CurlError) {
        try check(value.withCString { koers_curl_easy_setopt_string(handle, option, $0) })
    }

    func set(_ option: CURLoption, offset value: Int64) throws(CurlError) {
        try check(koers_curl_easy_setopt_off_t(handle, option, curl_off_t(value)))
    }

    /// CURLOPT_MAIL_RCPT. The list is kept until the next call or `deinit`.
    func setRecipients(_ addresses: [String]) throws(CurlError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for address in addresses {
            guard let longer = curl_slist_append(list, address) else {
                curl_slist_free_all(list)
                throw CurlError(CURLE_OUT_OF_MEMORY)
            }
            list = longer
        }
        let result = koers_curl_easy_setopt_slist(handle, CURLOPT_MAIL_RCPT, list)
        guard result == CURLE_OK else {
            curl_slist_free_all(list)
            throw CurlError(result, message: errorText(result))
        }
        curl_slist_free_all(recipients)
        recipients = list
    }

    /// Runs one transfer that uploads `body` (CURLOPT_UPLOAD must be set). Blocks until the
    /// transfer ends, a timeout fires, or `shouldAbort` returns true (CURLE_ABORTED_BY_CALLBACK).
    /// `body` stays alive until libcurl has returned.
    func perform(uploading body: [UInt8], abortWhen shouldAbort: @escaping () -> Bool = { false }) -> CurlTransfer {
        let upload = UploadBody(body)
        errorBuffer[0] = 0
        transcript.reset()
        var code = koers_curl_easy_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque())
        if code == CURLE_OK {
            code = koers_curl_easy_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(body.count))
        }
        if code == CURLE_OK {
            code = withExtendedLifetime(upload) { performAborting(when: shouldAbort) }
        }
        // Never leave a pointer to a released object in the handle.
        _ = koers_curl_easy_setopt_pointer(handle, CURLOPT_READDATA, nil)
        var response = 0
        if koers_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &response) != CURLE_OK { response = 0 }
        return CurlTransfer(code: code.rawValue, responseCode: response,
                            errorMessage: code == CURLE_OK ? "" : errorText(code),
                            serverLines: transcript.lines)
    }

    /// Runs one transfer that downloads a response (an HTTP request; POST fields set beforehand
    /// with CURLOPT_COPYPOSTFIELDS). Keeps at most `limit` bytes of the body: a larger one makes
    /// the transfer fail with CURLE_WRITE_ERROR. `shouldAbort` as for `perform`.
    func performReceiving(limit: Int = 1 << 20,
                          abortWhen shouldAbort: @escaping () -> Bool = { false }) -> (transfer: CurlTransfer, body: [UInt8]) {
        let download = DownloadBody(limit: limit)
        errorBuffer[0] = 0
        transcript.reset()
        var code = koers_curl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(download).toOpaque())
        if code == CURLE_OK {
            code = koers_curl_easy_setopt_write_callback(handle) { data, size, count, context in
                guard let data, let context else { return 0 }
                return Unmanaged<DownloadBody>.fromOpaque(context).takeUnretainedValue()
                    .append(UnsafeRawBufferPointer(start: data, count: size * count))
            }
        }
        if code == CURLE_OK {
            code = withExtendedLifetime(download) { performAborting(when: shouldAbort) }
        }
        _ = koers_curl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, nil)
        var response = 0
        if koers_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &response) != CURLE_OK { response = 0 }
        let transfer = CurlTransfer(code: code.rawValue, responseCode: response,
                                    errorMessage: code == CURLE_OK ? "" : errorText(code),
                                    serverLines: transcript.lines)
        return (transfer, download.bytes)
    }

    /// `curl_easy_perform` with `shouldAbort` reachable from the progress callback while it runs.
    private func performAborting(when shouldAbort: @escaping () -> Bool) -> CURLcode {
        let abort = AbortCheck(shouldAbort)
        var code = koers_curl_easy_setopt_pointer(handle, CURLOPT_XFERINFODATA, Unmanaged.passUnretained(abort).toOpaque())
        if code == CURLE_OK {
            code = withExtendedLifetime(abort) { curl_easy_perform(handle) }
        }
        _ = koers_curl_easy_setopt_pointer(handle, CURLOPT_XFERINFODATA, nil)
        return code
    }

    private func check(_ result: CURLcode) throws(CurlError) {
        guard result == CURLE_OK else { throw CurlError(result, message: errorText(result)) }
    }

    private func errorText(_ code: CURLcode) -> String {
        let buffered = String(cString: errorBuffer)
        return buffered.isEmpty ? String(cString: curl_easy_strerror(code)) : buffered
    }
}

/// The message being uploaded and how far libcurl has read it.
private final class UploadBody {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func copy(into buffer: UnsafeMutableRawPointer, capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}

/// A response body being received, up to a limit.
private final class DownloadBody {
    let limit: Int
    var bytes: [UInt8] = []

    init(limit: Int) { self.limit = limit }

    /// Returns how many bytes were taken; anything short of all of them makes libcurl stop.
    func append(_ chunk: UnsafeRawBufferPointer) -> Int {
        guard bytes.count + chunk.count <= limit else { return 0 }
        bytes.append(contentsOf: chunk)
        return chunk.count
    }
}

/// The check the progress callback asks during one transfer.
private final class AbortCheck {
    let shouldAbort: () -> Bool

    init(_ shouldAbort: @escaping () -> Bool) { self.shouldAbort = shouldAbort }
}

/// The server's reply lines of the current transfer (the last 64, each at most 512 bytes), each
/// with the SMTP command it answered.
private final class ServerTranscript {
    private(set) var lines: [ServerLine] = []
    private var command: String?

    /// The SMTP commands whose verb is kept. Anything else Koers sends (AUTH continuation lines,
    /// which carry credentials, or HTTP request lines) is not looked at further.
    private static let verbs: Set<String> = ["EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA", "QUIT", "RSET", "NOOP"]

    func reset() {
        lines.removeAll(keepingCapacity: true)
        command = nil
    }

    func record(_ bytes: UnsafeRawBufferPointer) {
        // libcurl hands over one line per call for SMTP; split anyway, in case.
        for piece in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            var line = Array(piece.prefix(512))
            while let last = line.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") { line.removeLast() }
            if line.isEmpty { continue }
            lines.append(ServerLine(answering: command, text: String(decoding: line, as: UTF8.self)))
        }
        if lines.count > 64 { lines.removeFirst(lines.count - 64) }
    }

    /// Notes the verb of a command Koers sent, when it is one of `verbs`.
    func sent(_ bytes: UnsafeRawBufferPointer) {
        let word = bytes.prefix(9).prefix { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        guard word.count < 9 else { return }
        let verb = String(decoding: word, as: UTF8.self)
        if Self.verbs.contains(verb) { command = verb }
    }
}
