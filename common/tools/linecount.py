#!/usr/bin/env python3
"""linecount.py - count a program's non-blank, non-comment lines.

    linecount.py [--limit N] [-v] FILE...

C and assembly (.c .h .S): /* */ and // comments are dropped, as are lines
that hold nothing else; in .S files, lines starting with '#' followed by a
space are assembler comments too (directives like #include are counted).
With --limit, exits 1 when the total is over N.
"""
from __future__ import annotations

import argparse
import re
import sys

BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
LINE_COMMENT = re.compile(r"//[^\n]*")
STRING = re.compile(r'"(?:\\.|[^"\\\n])*"')


def code_lines(text: str, assembly: bool = False) -> int:
    """How many lines of text hold code once comments are removed."""
    # Keep newlines inside block comments so each line is judged alone,
    # and blank out strings first so "/*" inside one is not a comment.
    strings: list[str] = []

    def keep_string(match: re.Match) -> str:
        strings.append(match.group(0))
        return '""'

    text = STRING.sub(keep_string, text)
    text = BLOCK_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = LINE_COMMENT.sub("", text)
    count = 0
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if assembly and (stripped == "#" or stripped.startswith("# ")):
            continue
        count += 1
    return count


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="fail when the total exceeds this")
    parser.add_argument("-v", "--verbose", action="store_true", help="a line per file")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    total = 0
    for path in args.files:
        with open(path, encoding="utf-8") as source:
            lines = code_lines(source.read(), assembly=path.endswith(".S"))
        total += lines
        if args.verbose:
            print(f"{lines:6} {path}")
    verdict = ""
    if args.limit is not None:
        verdict = f" (limit {args.limit}: {'ok' if total <= args.limit else 'OVER'})"
    print(f"{total:6} lines of code in {len(args.files)} files{verdict}")
    return 1 if args.limit is not None and total > args.limit else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
