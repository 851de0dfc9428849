"""An OAuth2 token endpoint for Koers's tests: HTTPS on 127.0.0.1 with a self-signed certificate,
speaking the client-credentials grant as Microsoft's identity platform does.

    /usr/bin/python3 Tests/Support/token_server.py --mode ok --dir /tmp/x

prints one line when it listens:

    READY <port> <certpath>

and serves POST /token until SIGTERM or until its parent process exits.

Modes (--mode, or the first word of --control FILE, re-read for every request):
  ok               200 {"access_token": <--token>, "token_type": "Bearer", "expires_in": <--expires-in>}
                   when grant_type, client_id, client_secret and scope are as expected; 401
                   invalid_client otherwise
  invalid-client   401 {"error": "invalid_client"} whatever is sent
  unavailable      503 with an HTML body
  hang             reads the request and never answers

Every request is appended to DIR/requests.jsonl: path, content type, the form fields except the
secret, and whether the secret matched.
"""
import argparse
import http.server
import json
import os
import signal
import ssl
import sys
import tempfile
import threading
import urllib.parse

from smtp_server import make_certificate


def make_handler(args, folder):
    lock = threading.Lock()

    def current_mode():
        if args.control and os.path.exists(args.control):
            with open(args.control) as f:
                words = f.read().split()
            if words:
                return words[0]
        return args.mode

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *_):
            pass

        def answer(self, status, body, content_type="application/json"):
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            form = urllib.parse.parse_qs(self.rfile.read(length).decode(), keep_blank_values=True)
            fields = {k: v[0] for k, v in form.items()}
            secret_ok = fields.pop("client_secret", None) == args.secret
            with lock, open(os.path.join(folder, "requests.jsonl"), "a") as log:
                log.write(json.dumps({"path": self.path, "content_type": self.headers.get("Content-Type"),
                                      "fields": fields, "secret_ok": secret_ok}) + "\n")
            mode = current_mode()
            if mode == "hang":
                threading.Event().wait()
            if mode == "unavailable":
                return self.answer(503, "<html><body>Service Unavailable</body></html>", "text/html")
            expected = (fields.get("grant_type") == "client_credentials" and fields.get("client_id") == args.client
                        and fields.get("scope") == args.scope and secret_ok)
            if mode == "invalid-client" or not expected:
                return self.answer(401, json.dumps({"error": "invalid_client",
                                                    "error_description": "AADSTS7000215: Invalid client secret provided."}))
            self.answer(200, json.dumps({"token_type": "Bearer", "expires_in": args.expires_in,
                                         "ext_expires_in": args.expires_in, "access_token": args.token}))

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["ok", "invalid-client", "unavailable", "hang"], default="ok")
    parser.add_argument("--control", help="file whose first word, when present, overrides --mode")
    parser.add_argument("--dir", help="folder for the request log and certificate (default: a new temp dir)")
    parser.add_argument("--client", default="koers-client")
    parser.add_argument("--secret", default="client secret value")
    parser.add_argument("--scope", default="https://outlook.office365.com/.default")
    parser.add_argument("--token", default="test-oauth-token")
    parser.add_argument("--expires-in", type=int, default=3599)
    args = parser.parse_args()

    folder = args.dir or tempfile.mkdtemp(prefix="koers-token-")
    os.makedirs(folder, exist_ok=True)
    cert, key = make_certificate(folder)
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make_handler(args, folder))
    server.socket = tls.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    parent = os.getppid()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})

    sys.stdout.write("READY {} {}\n".format(server.server_address[1], cert))
    sys.stdout.flush()
    while not stop.wait(0.2):
        if os.getppid() != parent:
            break
    server.shutdown()
    os._exit(0)


if __name__ == "__main__":
    main()
