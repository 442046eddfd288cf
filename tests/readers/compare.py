#!/usr/bin/env python3
"""Compares two JSON reports of one bundle: the plain-text run and a run on
the same story in markup (tests/readers/run).

  compare.py TEXT.json MARKUP.json

Passes when both have the same findings (check, severity, message, with the
line numbers messages name left out: those differ by design, each names a
line of its own file) and when every position of the markup run points at
the text in the markup file: the bytes [start, end) of the file, references
and escapes decoded and white space collapsed, are the bytes [start, end)
of the text file, and line and column are those of start.  Prints what differs and exits 1."""
import html
import json
import re
import sys


def key(f, versions):
    """A finding without its position: its version (by order in the report:
    a bilingual file is two versions of one path), check, severity, message."""
    msg = re.sub(r"line \d+", "line #", f["message"])
    v = (f["path"], f["lang"])
    return (versions.index(v) if v in versions else -1, f["check"], f["severity"], msg)


def versions(report):
    return [(v["path"], v["lang"]) for v in [report["source"]] + report["versions"]]


def decoded(path, raw):
    s = raw.decode("utf-8")
    if path.endswith(".json"):
        try:
            s = json.loads('"%s"' % s)
        except ValueError:
            pass
    return html.unescape(s)


def position(data, start):
    pre = data[:start].decode("utf-8")
    return pre.count("\n") + 1, len(pre) - (pre.rfind("\n") + 1) + 1


def main():
    t, m = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
    tp, mp = versions(t), versions(m)
    tf = sorted(t["findings"], key=lambda f: key(f, tp) + (f["start"] or 0,))
    mf = sorted(m["findings"], key=lambda f: key(f, mp) + (f["start"] or 0,))
    bad = []
    if [key(f, tp) for f in tf] != [key(f, mp) for f in mf]:
        a = {key(f, tp) for f in tf}
        b = {key(f, mp) for f in mf}
        bad.append("findings differ: only in text %s; only in markup %s" % (sorted(a - b), sorted(b - a)))
    files = {}
    for f, g in zip(tf, mf):
        if g["start"] is None or f["start"] is None:
            continue
        for p in (f["path"], g["path"]):
            if p not in files:
                files[p] = open(p, "rb").read()
        # White space as the markup readers collapse it.
        want = re.sub(r"\s+", " ", files[f["path"]][f["start"]:f["end"]].decode("utf-8"))
        got = re.sub(r"\s+", " ", decoded(g["path"], files[g["path"]][g["start"]:g["end"]]))
        if got != want:
            bad.append("%s %s: %s:%d points at %r, the text has %r"
                       % (g["check"], g["message"][:40], g["path"], g["start"], got, want))
        if position(files[g["path"]], g["start"]) != (g["line"], g["column"]):
            bad.append("%s: line:column %d:%d is not that of byte %d"
                       % (g["check"], g["line"], g["column"], g["start"]))
    for b in bad:
        print(b)
    print("%d findings, %d position(s) checked, %d problem(s)"
          % (len(mf), sum(1 for g in mf if g["start"] is not None), len(bad)))
    return 1 if bad else 0


sys.exit(main())
