"""Reads an iCalendar file written by `koers export ical` with an independent parser (Debian's
python3-icalendar) and prints what a calendar program would see, as JSON, for the Swift tests.

Usage: /usr/bin/python3 ical_summary.py FILE

Besides the parsed calendar it reports on the raw bytes, which the parser forgives: whether
every line ends in CRLF, the longest physical line in octets, and the physical lines that are
not valid UTF-8 on their own (a fold inside a multi-byte character).

TEXT values (SUMMARY, DESCRIPTION, UID) are taken from icalendar's unfolded content lines and
unescaped here in one pass as RFC 5545 section 3.3.11 says. Debian's icalendar (4.0.3) unescapes
them twice, so two backslashes in a text come back as one and a backslash before an "n" as a line
break (collective/icalendar#1008, fixed in later versions). icalendar's own reading is reported
beside it ("parsedSummary", "parsedDescription") for texts without a backslash.
"""
import datetime
import json
import re
import sys

import icalendar
from icalendar.parser import Contentlines

TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")


def unescape(value):
    return TEXT_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def value_of(line):
    """The value of an unfolded content line: after the first colon outside quotes."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return line[:i].split(";")[0].upper(), line[i + 1:]
    raise ValueError("content line without a colon: %r" % line)


def texts(data):
    """Per VEVENT, in order: its TEXT properties and those of its alarms, unescaped."""
    events, stack = [], []
    for line in Contentlines.from_ical(data.decode("utf-8")):
        if not line:
            continue
        name, value = value_of(line)
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                events.append({"alarms": []})
            elif value == "VALARM":
                events[-1]["alarms"].append({})
        elif name == "END":
            stack.pop()
        elif stack and stack[-1] == "VEVENT" and name in ("UID", "SUMMARY", "DESCRIPTION"):
            events[-1][name.lower()] = unescape(value)
        elif stack and stack[-1] == "VALARM" and name == "DESCRIPTION":
            events[-1]["alarms"][-1]["description"] = unescape(value)
    return events


def raw_lines(data):
    physical = data.split(b"\r\n")
    ends_with_crlf = physical[-1] == b""
    if ends_with_crlf:
        physical = physical[:-1]
    invalid = []
    for number, line in enumerate(physical, start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            invalid.append(number)
    return {
        "count": len(physical),
        "endsWithCRLF": ends_with_crlf,
        "bareLF": sum(1 for line in physical if b"\n" in line),
        "bareCR": sum(1 for line in physical if b"\r" in line),
        "maxOctets": max((len(line) for line in physical), default=0),
        "invalidUTF8Lines": invalid,
    }


def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)


def day(component, name):
    value = component.get(name)
    if value is None:
        return None
    dt = value.dt
    # A DATE, not a DATE-TIME: all-day.
    return {"value": dt.isoformat(), "isDate": not isinstance(dt, datetime.datetime)}


def categories(component):
    value = component.get("categories")
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [str(c) for v in values for c in v.cats]


def trigger(alarm):
    value = alarm.get("trigger")
    if value is None:
        return None
    dt = value.dt
    if isinstance(dt, datetime.timedelta):
        return {"days": dt.days + dt.seconds / 86400, "related": value.params.get("RELATED", "START")}
    return {"absolute": dt.isoformat()}


def main():
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    calendar = icalendar.Calendar.from_ical(data)
    errors = []
    for component in calendar.walk():
        errors += ["%s: %s" % (component.name, e) for e in getattr(component, "errors", [])]
    events = []
    raw = texts(data)
    if len(raw) != len(calendar.walk("VEVENT")):
        errors.append("%d VEVENTs in the content lines, %d parsed" % (len(raw), len(calendar.walk("VEVENT"))))
    for event, text_values in zip(calendar.walk("VEVENT"), raw):
        events.append({
            "uid": text_values.get("uid"),
            "summary": text_values.get("summary"),
            "description": text_values.get("description"),
            "parsedSummary": text(event, "summary"),
            "parsedDescription": text(event, "description"),
            "start": day(event, "dtstart"),
            "end": day(event, "dtend"),
            "stamp": event.get("dtstamp").dt.isoformat() if event.get("dtstamp") is not None else None,
            "categories": categories(event),
            "sequence": event.get("sequence"),
            "transparency": text(event, "transp"),
            "alarms": [{"action": text(a, "action"), "trigger": trigger(a), "description": t.get("description")}
                       for a, t in zip(event.walk("VALARM"), text_values["alarms"])],
        })
    result = {
        "name": calendar.name,
        "version": text(calendar, "version"),
        "prodid": text(calendar, "prodid"),
        "method": text(calendar, "method"),
        "calname": text(calendar, "x-wr-calname"),
        "events": events,
        "errors": errors,
        "lines": raw_lines(data),
    }
    json.dump(result, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main()
