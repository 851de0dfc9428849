/// The Python program that reads a built message with Python's own MIME parser (standard library
/// `email`, policy=default) and prints what a mail program would show, as JSON.
///
/// It lives in a Swift string rather than in `parse_mime.py` beside the tests: SwiftPM warns about
/// every file of a test target it cannot compile unless Package.swift excludes it.
package enum ParseMIMEScript {
    static let source = #"""
"""Reads a message built by Koers's MessageBuilder with Python's own MIME parser and prints
what a mail program would show, as JSON, so the Swift tests can compare it with their input.

Usage: /usr/bin/python3 parse_mime.py FILE   (standard library only)
"""
import email
import email.policy
import json
import sys


def mailboxes(header):
    if header is None:
        return None
    return [{"name": a.display_name, "address": a.addr_spec} for a in header.addresses]


def text_or_none(header):
    return None if header is None else str(header)


def main():
    # From bytes, not from the file object: that path reads through universal-newline text
    # mode, which would hide the CRLFs the message carries.
    with open(sys.argv[1], "rb") as f:
        msg = email.message_from_bytes(f.read(), policy=email.policy.default)

    defects = []
    for part in msg.walk():
        defects += [type(d).__name__ for d in part.defects]
        for name, value in part.items():
            defects += ["%s: %s" % (name, type(d).__name__) for d in getattr(value, "defects", ())]

    plain = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    date = msg["Date"]
    result = {
        "from": mailboxes(msg["From"]),
        "to": mailboxes(msg["To"]),
        "replyTo": mailboxes(msg["Reply-To"]),
        "subject": text_or_none(msg["Subject"]),
        "date": None if date is None or date.datetime is None else date.datetime.isoformat(),
        "messageID": text_or_none(msg["Message-ID"]),
        "autoSubmitted": text_or_none(msg["Auto-Submitted"]),
        "autoResponseSuppress": text_or_none(msg["X-Auto-Response-Suppress"]),
        "headers": [[name, str(value)] for name, value in msg.items()],
        "contentType": msg.get_content_type(),
        "partTypes": [part.get_content_type() for part in msg.walk()],
        "text": None if plain is None else plain.get_content(),
        "html": None if html is None else html.get_content(),
        "defects": defects,
    }
    json.dump(result, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main()
"""#
}
