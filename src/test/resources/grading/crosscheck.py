#!/usr/bin/env python3
"""Reads a labtutor gradebook with independent parsers (csv, json, xml.etree, html.parser),
fails unless grades.csv, results.json, junit.xml and report.html agree student by student and
report.html is self-contained, and prints what they agree on as JSON:
{"students": {id: {"total", "maximum", "cells": {lesson: state}, "all_unreachable", "unreachable", "error", "graded",
"remarks"}}}. A student who is not graded has no total (null in JSON, empty in CSV) and no percent.
"""
import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

FORMULA = "=+-@\t\r"


def fail(msg):
    print("crosscheck: " + msg, file=sys.stderr)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


d = sys.argv[1]

raw = open(d + "/grades.csv", "rb").read()
check(raw.startswith(b"\xef\xbb\xbf"), "grades.csv does not start with a UTF-8 BOM")
rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
header = rows[0]
TAIL = ["total", "maximum", "percent", "unreachable hosts", "error hosts", "remarks"]
check(header[:2] == ["id", "name"] and header[-6:] == TAIL, "unexpected CSV header " + repr(header))
lesson_columns = header[2:-6]
maxima = {}
for col in lesson_columns:
    m = re.fullmatch(r"(\S+) \(max (\d+)\)", col)
    check(m is not None, "lesson column %r is not 'LESSON (max N)'" % col)
    maxima[m.group(1)] = int(m.group(2))
lessons = list(maxima)
csv_students = {}
for r in rows[1:]:
    check(len(r) == len(header), "CSV row with %d cells, header has %d: %r" % (len(r), len(header), r))
    rec = dict(zip(header, r))
    for col, lesson_id in zip(lesson_columns, lessons):
        rec[lesson_id] = rec[col]
    csv_students[rec["id"].lstrip("'")] = rec

j = json.load(open(d + "/results.json", encoding="utf-8"))
check(j["lessons"] == lessons, "lessons differ: csv %r json %r" % (lessons, j["lessons"]))
check({l["lesson"]: l["maximum"] for l in j["graded-lessons"]} == maxima, "lesson maxima differ: csv %r json %r"
      % (maxima, j["graded-lessons"]))
check(len(j["students"]) == len(csv_students), "student count differs")

junit = ET.parse(d + "/junit.xml").getroot()
suites = {}
for suite in junit.findall("testsuite"):
    props = {p.get("name"): p.get("value") for p in suite.find("properties").findall("property")}
    suites[props["id"]] = (suite, props)


class Html(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows = {}
        self.row = None
        self.cell = None
        self.in_table = False
        self.refs = []
        self.tags = set()
        self.code = []
        self.in_code = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        self.in_code = tag in ("style", "script")
        for k, v in attrs:
            if k in ("src", "srcset", "data", "action", "background", "poster") or (k == "href" and not (v or "").startswith("#")):
                self.refs.append("%s %s=%s" % (tag, k, v))
            if k == "style" and v and "url(" in v:
                self.refs.append("%s style url(" % tag)
        if tag == "table" and a.get("id") == "grades":
            self.in_table = True
        elif tag == "tr" and self.in_table:
            self.row = {"lessons": {}, "cells": []}
        elif tag == "td" and self.row is not None:
            self.cell = a
            self.row["cells"].append(a)
            if "data-lesson" in a:
                self.row["lessons"][a["data-lesson"]] = a["class"].split()[1]
            if "total" in a.get("class", "").split():
                self.row["total"] = int(a["data-sort"])

    def handle_data(self, data):
        if self.in_code:
            self.code.append(data)
        if self.row is not None and len(self.row["cells"]) == 1 and "id" not in self.row and data.strip():
            self.row["id"] = data.strip()

    def handle_endtag(self, tag):
        self.in_code = False
        if tag == "tr" and self.row is not None:
            if "id" in self.row:
                self.rows[self.row["id"]] = self.row
            self.row = None
        if tag == "table":
            self.in_table = False


html_text = open(d + "/report.html", encoding="utf-8").read()
h = Html()
h.feed(html_text)
check(not h.refs, "report.html refers to outside files: %r" % h.refs)
check("link" not in h.tags and "iframe" not in h.tags and "img" not in h.tags, "report.html has link/iframe/img tags")
# Style and script are what could load anything; a host's text shown in the page may name an address.
code_text = "".join(h.code)
check("@import" not in code_text and "url(" not in code_text and not re.search(r"https?://", code_text),
      "report.html's style or script has @import, url( or an http(s) address")
check("<script>" in html_text and "<style>" in html_text, "report.html lacks its inline script or style")

out = {}
for s in j["students"]:
    sid = s["id"]
    c = csv_students.get(sid)
    check(c is not None, "student %s missing from CSV" % sid)
    name = c["name"][1:] if c["name"].startswith("'") and s["name"][:1] in FORMULA else c["name"]
    check(name == s["name"], "%s: name differs: csv %r json %r" % (sid, c["name"], s["name"]))
    if s["graded"]:
        check(int(c["total"]) == s["total"] and float(c["percent"]) == s["percent"], "%s: total differs" % sid)
    else:
        check(c["total"] == "" and c["percent"] == "" and s["total"] is None and s["percent"] is None,
              "%s: not graded, yet a total or percent: csv %r %r json %r %r" % (sid, c["total"], c["percent"], s["total"], s["percent"]))
    check(int(c["maximum"]) == s["maximum"], "%s: maximum differs" % sid)
    check(c["unreachable hosts"].split() == s["unreachable-hosts"], "%s: unreachable hosts differ" % sid)
    check(c["error hosts"].split() == s["error-hosts"], "%s: error hosts differ" % sid)
    check(c["remarks"].lstrip("'") == s["remarks"], "%s: remarks differ" % sid)
    cells = {}
    fails = errors = tests = 0
    statuses = {}
    for lesson in s["lessons"]:
        state = lesson["state"]
        cells[lesson["lesson"]] = state
        want = state.upper() if state in ("unreachable", "error") else str(lesson["score"])
        check(c[lesson["lesson"]] == want, "%s/%s: csv %r json %r" % (sid, lesson["lesson"], c[lesson["lesson"]], want))
        check(lesson["score"] == sum(ch["earned"] for ch in lesson["checks"]), "%s/%s: score is not the sum" % (sid, lesson["lesson"]))
        check(lesson["maximum"] == maxima[lesson["lesson"]], "%s/%s: maximum differs from the header" % (sid, lesson["lesson"]))
        for ch in lesson["checks"]:
            tests += 1
            fails += ch["status"] == "fail"
            errors += ch["status"] in ("error", "unreachable")
            statuses[lesson["lesson"] + "/" + ch["check"]] = ch["status"]
            check(ch["earned"] == (ch["points"] if ch["status"] == "pass" else 0), "%s: earned without a pass" % ch["check"])
    check(sid in suites, "student %s missing from junit.xml" % sid)
    suite, props = suites[sid]
    check(int(suite.get("tests")) == tests and int(suite.get("failures")) == fails and int(suite.get("errors")) == errors,
          "%s: junit counts %s/%s/%s, json %d/%d/%d" % (sid, suite.get("tests"), suite.get("failures"), suite.get("errors"),
                                                        tests, fails, errors))
    for case in suite.findall("testcase"):
        key = case.get("classname").split(".", 1)[1] + "/" + case.get("name")
        got = "fail" if case.find("failure") is not None else ("error" if case.find("error") is not None else "pass")
        want = statuses[key]
        check(got == ("error" if want == "unreachable" else want), "%s %s: junit %s json %s" % (sid, key, got, want))
    check(props["score"] == ("%d/%d" % (s["total"], s["maximum"]) if s["graded"] else "not graded"), "%s: junit score differs" % sid)
    check(props["graded"] == ("true" if s["graded"] else "false") and props["error-hosts"].split() == s["error-hosts"],
          "%s: junit graded or error hosts differ" % sid)
    row = h.rows.get(sid)
    check(row is not None, "student %s missing from report.html" % sid)
    check(row["total"] == (s["total"] if s["graded"] else -1), "%s: html total differs" % sid)
    check(row["lessons"] == cells, "%s: html cells %r json %r" % (sid, row["lessons"], cells))
    out[sid] = {"total": s["total"], "maximum": s["maximum"], "cells": cells, "all_unreachable": s["all-unreachable"],
                "unreachable": s["unreachable-hosts"], "error": s["error-hosts"], "graded": s["graded"], "remarks": s["remarks"],
                "statuses": statuses}

print(json.dumps({"students": out}, ensure_ascii=False))
