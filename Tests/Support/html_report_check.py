"""Reads an HTML report written by Koers with Python's own HTML parser (standard library
html.parser) and prints its structure as JSON, so the Swift tests can check what a mail client
or browser would get: one self-contained document, real table headers, nothing external.

Usage: /usr/bin/python3 html_report_check.py FILE   (standard library only)
"""
import json
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
FORBIDDEN = {"script", "style", "link", "img", "iframe", "object", "embed", "form", "input", "svg", "video", "audio"}


class Summary(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.doctype = None
        self.lang = None
        self.charset = None
        self.title = ""
        self.in_title = False
        self.counts = {}
        self.forbidden = []
        self.event_attributes = []
        self.external = []
        self.classes = 0
        self.th_without_scope = 0
        self.scopes = {}
        self.headings = []
        self.heading_text = None
        self.stack = []
        self.nesting_errors = []
        self.data_tables = 0
        self.presentation_tables = 0
        self.text = []

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag in FORBIDDEN:
            self.forbidden.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.event_attributes.append(name)
            if name in ("src", "href", "action", "background") and value:
                self.external.append(value)
            if name == "class":
                self.classes += 1
            if name == "style" and value and ("url(" in value or "@import" in value):
                self.external.append(value)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "meta" and "charset" in a:
            self.charset = a["charset"]
        if tag == "title":
            self.in_title = True
        if tag == "th":
            scope = a.get("scope")
            if scope is None:
                self.th_without_scope += 1
            else:
                self.scopes[scope] = self.scopes.get(scope, 0) + 1
        if tag == "table":
            if a.get("role") == "presentation":
                self.presentation_tables += 1
            else:
                self.data_tables += 1
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append([int(tag[1]), ""])
            self.heading_text = self.headings[-1]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading_text = None
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.nesting_errors.append("</%s> while open: %s" % (tag, "/".join(self.stack[-4:])))
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.heading_text is not None:
            self.heading_text[1] += data
        self.text.append(data)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        source = f.read()
    s = Summary()
    s.feed(source)
    s.close()
    levels = [level for level, _ in s.headings]
    skipped = [[a, b] for a, b in zip(levels, levels[1:]) if b > a + 1]
    result = {
        "doctype": s.doctype,
        "lang": s.lang,
        "charset": s.charset,
        "title": s.title,
        "tables": s.counts.get("table", 0),
        "dataTables": s.data_tables,
        "presentationTables": s.presentation_tables,
        "th": s.counts.get("th", 0),
        "thWithoutScope": s.th_without_scope,
        "scopes": s.scopes,
        "tags": s.counts,
        "forbidden": sorted(set(s.forbidden)),
        "eventAttributes": s.event_attributes,
        "external": s.external,
        "classAttributes": s.classes,
        "headings": [[level, " ".join(text.split())] for level, text in s.headings],
        "skippedHeadingLevels": skipped,
        "unclosed": s.stack,
        "nestingErrors": s.nesting_errors,
        "text": " ".join(" ".join(s.text).split()),
    }
    json.dump(result, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main()
