#!/usr/bin/python3
"""A small SMTP server for Koers's transport tests, built on Debian's python3-aiosmtpd.

Run it with /usr/bin/python3 (Debian's aiosmtpd is importable only there):

    /usr/bin/python3 Tests/Support/smtp_server.py --mode accept --dir /tmp/x

It listens on 127.0.0.1 on a free port, prints one line

    READY <port> <certpath>

on stdout when it accepts connections, and exits 0 on SIGTERM or SIGINT, or when the process
that started it goes away (its parent process id changes), so it never outlives a crashed test.
It unblocks those signals first: a child of a Swift test inherits the spawning thread's signal
mask, in which they may be blocked.

Modes (--mode, or the first word of --control FILE, re-read for every command, so a test can
switch behaviour while the server runs):

  accept                STARTTLS required, AUTH PLAIN/LOGIN (and XOAUTH2) required, 250 for all
  hang-on-quit          as accept, but never answers QUIT
  tempfail-then-accept  as accept, but 451 for the first --tempfail N DATA commands (default 1)
  reject                as accept, but 550 for every RCPT
  plain-no-tls          no STARTTLS offered, no AUTH, accepts everything
  implicit-tls          TLS from the first byte (smtps), AUTH required, 250 for all
  hang                  greets, answers EHLO, then never answers anything again
  tls-broken            greets, offers STARTTLS and AUTH, answers STARTTLS with 220, then sends
                        bytes that are not TLS and closes: a failed TLS handshake

A closed port ("refuse") needs no server: tests use a port nobody listens on. A wrong password
needs none either: give the client another one than --password.

--reject-rcpt ADDRESS (repeatable, any mode but hang and tls-broken): 550 for RCPT TO that address only, so one
message of a batch is refused permanently while the others are delivered.

--hold-file PATH (any mode but hang and tls-broken): when PATH holds a number N, the reply to the N-th message
stored (counting from 1 since the server started) is held back for as long as PATH still holds N.
The message is already recorded below, so a test can kill the client after the server accepted a
message and before the client heard so.

Everything that arrives is recorded in --dir:

  messages/NNNN.eml     the message bytes exactly as received after DATA (dot-unstuffed)
  log.jsonl             one JSON object per line: {"event": "connection", "connection": ID,
                        "peer_port": P} when a client says EHLO/HELO for the first time on a
                        connection, and {"event": "message", "connection": ID, "peer_port": P,
                        "mail_from": ..., "rcpt_tos": [...], "file": "messages/NNNN.eml",
                        "login": USER or null, "tls": bool, "helo": NAME} per accepted message,
                        and {"event": "auth", "connection": ID, "mechanism": M, "success": bool}
                        per AUTH command (never the credentials).

Credentials: user "koers-test", password "correct horse battery staple" (override with --user and
--password); XOAUTH2 accepts the bearer token given by --token (default "test-oauth-token").
Passwords and tokens are never logged.
"""

import argparse
import asyncio
import base64
import json
import logging
import os
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

MODES = ("accept", "hang-on-quit", "tempfail-then-accept", "reject", "plain-no-tls", "implicit-tls", "hang", "tls-broken")


class Recorder:
    """Writes the log and the message files; shared by all connections (one lock)."""

    def __init__(self, folder):
        self.folder = folder
        self.messages = os.path.join(folder, "messages")
        os.makedirs(self.messages, exist_ok=True)
        self.lock = threading.Lock()
        self.next_connection = 0
        self.next_message = 0
        self.data_commands = 0

    def new_connection(self, peer_port):
        with self.lock:
            self.next_connection += 1
            ident = self.next_connection
            self._log({"event": "connection", "connection": ident, "peer_port": peer_port})
            return ident

    def auth(self, connection, mechanism, success):
        with self.lock:
            self._log({"event": "auth", "connection": connection, "mechanism": mechanism, "success": success})

    def count_data(self):
        with self.lock:
            self.data_commands += 1
            return self.data_commands

    def store(self, entry, content):
        with self.lock:
            self.next_message += 1
            name = "messages/%04d.eml" % self.next_message
            path = os.path.join(self.folder, name)
            with open(path + ".tmp", "wb") as f:
                f.write(content)
            os.rename(path + ".tmp", path)
            entry["file"] = name
            self._log(entry)
            return self.next_message

    def _log(self, entry):
        with open(os.path.join(self.folder, "log.jsonl"), "a", encoding="utf-8") as f:
            f.write(json.dumps(entry) + "\n")


class Behaviour:
    def __init__(self, mode, control):
        self.mode = mode
        self.control = control

    def current(self):
        if self.control:
            try:
                with open(self.control, encoding="utf-8") as f:
                    words = f.read().split()
                if words and words[0] in MODES:
                    return words[0]
            except OSError:
                pass
        return self.mode


class Handler:
    def __init__(self, recorder, behaviour, tempfail, token, rejected=(), hold_file=None):
        self.recorder = recorder
        self.behaviour = behaviour
        self.tempfail = tempfail
        self.token = token
        self.rejected = {address.lower() for address in rejected}
        self.hold_file = hold_file

    def _held(self, number):
        """Whether the hold file names message `number`."""
        try:
            with open(self.hold_file, encoding="utf-8") as f:
                return f.read().strip() == str(number)
        except OSError:
            return False

    def _connection(self, server, session):
        ident = getattr(server, "koers_connection", None)
        if ident is None:
            ident = self.recorder.new_connection(session.peer[1])
            server.koers_connection = ident
        return ident

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self._connection(server, session)
        session.host_name = hostname
        return responses

    async def handle_HELO(self, server, session, envelope, hostname):
        self._connection(server, session)
        session.host_name = hostname
        return "250 {}".format(server.hostname)

    async def handle_QUIT(self, server, session, envelope):
        while self.behaviour.current() == "hang-on-quit":
            await asyncio.sleep(0.2)
        return "221 Bye"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.behaviour.current() == "reject" or address.lower() in self.rejected:
            return "550 5.1.1 <{}>: Recipient address rejected: User unknown in local recipient table".format(address)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        count = self.recorder.count_data()
        if self.behaviour.current() == "tempfail-then-accept" and count <= self.tempfail:
            return "451 4.3.0 Temporary local problem, try again later"
        login = None
        if isinstance(session.auth_data, LoginPassword):
            login = session.auth_data.login.decode("utf-8", "replace")
        number = self.recorder.store({
            "event": "message",
            "connection": self._connection(server, session),
            "peer_port": session.peer[1],
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "login": login,
            "tls": session.ssl is not None or getattr(server, "koers_implicit_tls", False),
            "helo": session.host_name,
        }, envelope.original_content)
        while self.hold_file and self._held(number):
            await asyncio.sleep(0.02)
        return "250 2.0.0 OK: queued as %04d" % number

    async def auth_XOAUTH2(self, server, args):
        """SASL XOAUTH2 as Microsoft 365 and Gmail speak it: base64 of
        "user=NAME^Aauth=Bearer TOKEN^A^A"."""
        if len(args) == 2:
            try:
                blob = base64.b64decode(args[1], validate=True)
            except ValueError:
                await server.push("501 5.5.2 Can't decode base64")
                return AuthResult(success=False, handled=True)
        else:
            blob = await server.challenge_auth("")
            if not isinstance(blob, bytes):
                return AuthResult(success=False, handled=True)
        fields = dict(
            part.split("=", 1) for part in blob.decode("utf-8", "replace").split("\x01") if "=" in part)
        user = fields.get("user", "")
        success = fields.get("auth") == "Bearer " + self.token
        self.recorder.auth(self._connection(server, server.session), "XOAUTH2", success)
        if success:
            return AuthResult(success=True, handled=False, auth_data=LoginPassword(user.encode(), b""))
        return AuthResult(success=False, handled=False)


class Authenticator:
    def __init__(self, recorder, user, password):
        self.recorder = recorder
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        success = (isinstance(auth_data, LoginPassword)
                   and auth_data.login == self.user and auth_data.password == self.password)
        self.recorder.auth(getattr(server, "koers_connection", None), mechanism, success)
        if success:
            return AuthResult(success=True, handled=False, auth_data=auth_data)
        return AuthResult(success=False, handled=False)


class ImplicitTLSSMTP(SMTP):
    koers_implicit_tls = True


class KoersController(Controller):
    """A Controller that binds port 0 and reports the port the kernel chose."""

    def __init__(self, *args, implicit=False, **kwargs):
        self.implicit = implicit
        super().__init__(*args, **kwargs)

    def factory(self):
        if self.implicit:
            return ImplicitTLSSMTP(self.handler, **self.SMTP_kwargs)
        return SMTP(self.handler, **self.SMTP_kwargs)

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def make_certificate(folder):
    key = os.path.join(folder, "key.pem")
    cert = os.path.join(folder, "cert.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", key, "-out", cert],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cert, key


class ScriptedServer:
    """A raw SMTP server for the failure modes aiosmtpd cannot play. Greets and answers EHLO
    (offering STARTTLS and AUTH); then, in mode hang, reads forever and never answers; in mode
    tls-broken, answers STARTTLS with 220 and sends bytes that are not a TLS handshake."""

    def __init__(self, recorder, mode):
        self.recorder = recorder
        self.mode = mode
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, peer = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn, peer), daemon=True).start()

    def _serve(self, conn, peer):
        with conn:
            try:
                conn.sendall(b"220 127.0.0.1 ESMTP " + self.mode.encode() + b"\r\n")
                reader = conn.makefile("rb")
                line = reader.readline()
                if not line:
                    return
                self.recorder.new_connection(peer[1])
                conn.sendall(b"250-127.0.0.1\r\n250-STARTTLS\r\n250-AUTH PLAIN LOGIN\r\n250 HELP\r\n")
                if self.mode == "tls-broken":
                    if reader.readline().strip().upper() == b"STARTTLS":
                        conn.sendall(b"220 2.0.0 Ready to start TLS\r\n")
                        conn.recv(4096)  # the client's hello; the answer is no TLS at all
                        conn.sendall(b"HTTP/1.1 400 This is not TLS\r\n\r\n")
                    return
                while reader.readline():
                    pass  # never answer
            except OSError:
                return

    def stop(self):
        self.sock.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=MODES, default="accept")
    parser.add_argument("--control", help="file whose first word, when present, overrides --mode")
    parser.add_argument("--dir", help="folder for messages, log and certificate (default: a new temp dir)")
    parser.add_argument("--tempfail", type=int, default=1, help="DATA commands answered 451 in tempfail-then-accept")
    parser.add_argument("--user", default="koers-test")
    parser.add_argument("--password", default="correct horse battery staple")
    parser.add_argument("--token", default="test-oauth-token")
    parser.add_argument("--reject-rcpt", action="append", default=[], metavar="ADDRESS",
                        help="answer 550 to RCPT TO this address (repeatable)")
    parser.add_argument("--hold-file", metavar="PATH",
                        help="hold the reply to the N-th stored message while PATH holds N")
    args = parser.parse_args()

    # aiosmtpd warns on every AUTH about its own deprecated attribute; keep stderr for real errors.
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    folder = args.dir or tempfile.mkdtemp(prefix="koers-smtp-")
    os.makedirs(folder, exist_ok=True)
    recorder = Recorder(folder)
    cert, key = make_certificate(folder)

    parent = os.getppid()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})

    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)

    if args.mode in ("hang", "tls-broken"):
        server = ScriptedServer(recorder, args.mode)
        port = server.port
    else:
        handler = Handler(recorder, Behaviour(args.mode, args.control), args.tempfail, args.token, args.reject_rcpt,
                          args.hold_file)
        common = dict(hostname="127.0.0.1", port=0, server_hostname="127.0.0.1",
                      authenticator=Authenticator(recorder, args.user, args.password))
        if args.mode == "plain-no-tls":
            server = KoersController(handler, **common)
        elif args.mode == "implicit-tls":
            # The whole connection is TLS, so AUTH needs no STARTTLS first.
            server = KoersController(handler, implicit=True, ssl_context=tls, auth_required=True,
                                     auth_require_tls=False, **common)
        else:
            server = KoersController(handler, tls_context=tls, require_starttls=True, auth_required=True,
                                     auth_require_tls=True, **common)
        server.start()
        port = server.port

    sys.stdout.write("READY {} {}\n".format(port, cert))
    sys.stdout.flush()

    while not stop.wait(0.2):
        if os.getppid() != parent:
            break
    try:
        server.stop()
    finally:
        sys.stdout.flush()
        os._exit(0)


if __name__ == "__main__":
    main()
