#!/usr/bin/env python3
"""skelgen.py - write the students' files with holes from their solutions.

Every file with holes lives once, complete, under solutions-private/. Inside
it, each hole is marked like this:

    /* LAB 1: your code here.
     * Hint: ... */
    /* SOLUTION BEGIN lab1:page */
    ... the solution ...
    /* SOLUTION ELSE
    panic("LAB 1: page_init() is not written yet");
       SOLUTION END */

The student's copy (the same path without the solutions-private/ prefix)
keeps everything outside the markers, drops the solution and keeps the stub
lines, which are a comment in the solution file and code in the student's.

    skelgen.py --write           write every student file (and common/holes.json)
    skelgen.py --check           fail when a student file differs from what
                                 its solution generates (drift), or a hole is
                                 malformed or its solution empty
    skelgen.py --open ID[,ID] --out DIR
                                 write variants into DIR/<path> where only the
                                 named holes are stubs and every other hole is
                                 solved (the kit's self-test builds these)
    skelgen.py --list            one line per hole: id, file, function
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOLUTIONS = "solutions-private"
HOLES_JSON = os.path.join("common", "holes.json")

BEGIN = re.compile(r"^\s*/\* SOLUTION BEGIN (lab(\d):[a-z0-9_-]+) \*/\s*$")
ELSE = re.compile(r"^\s*/\* SOLUTION ELSE\s*$")
END = re.compile(r"^\s*SOLUTION END \*/\s*$")
YOUR_CODE = re.compile(r"LAB (\d): your code here")
FUNCTION = re.compile(r"^[A-Za-z_][\w \t\*]*?\b([A-Za-z_]\w*)\s*\(")


class HoleError(Exception):
    """A solution file whose markers are not well formed."""


@dataclass
class Hole:
    """One marked hole: where it is and what the student is told."""
    id: str
    lab: int
    file: str                 # student path, relative to the repository
    function: str
    line: int                 # line of SOLUTION BEGIN in the solution file
    hint: str
    solution: list[str] = field(default_factory=list)
    stub: list[str] = field(default_factory=list)


@dataclass
class SolutionFile:
    """A solution file split into plain text and holes, in order."""
    path: str                 # student path, relative to the repository
    parts: list               # str (a plain line) or Hole


def parse(path: str, text: str) -> SolutionFile:
    """Split the text of solutions-private/<path> into lines and holes."""
    lines = text.splitlines(keepends=True)
    parts: list = []
    index = 0
    while index < len(lines):
        line = lines[index]
        begin = BEGIN.match(line)
        if not begin:
            for marker in ("SOLUTION BEGIN", "SOLUTION ELSE", "SOLUTION END"):
                if marker in line:
                    raise HoleError(f"{path}:{index + 1}: stray or malformed '{marker}'")
            parts.append(line)
            index += 1
            continue
        hole = Hole(id=begin.group(1), lab=int(begin.group(2)), file=path,
                    function=enclosing_function(lines, index), line=index + 1,
                    hint=preceding_hint(path, lines, index, int(begin.group(2))))
        index += 1
        while index < len(lines) and not ELSE.match(lines[index]):
            if BEGIN.match(lines[index]) or END.match(lines[index]):
                raise HoleError(f"{path}:{index + 1}: hole {hole.id} has no SOLUTION ELSE")
            hole.solution.append(lines[index])
            index += 1
        index += 1
        while index < len(lines) and not END.match(lines[index]):
            if BEGIN.match(lines[index]) or ELSE.match(lines[index]):
                raise HoleError(f"{path}:{index + 1}: hole {hole.id} has no SOLUTION END")
            hole.stub.append(lines[index])
            index += 1
        if index >= len(lines):
            raise HoleError(f"{path}:{hole.line}: hole {hole.id} is not closed")
        index += 1
        check_hole(hole)
        parts.append(hole)
    return SolutionFile(path, parts)


def check_hole(hole: Hole) -> None:
    """Refuse a hole that the generator would turn into a silent stub."""
    where = f"{hole.file}:{hole.line}: hole {hole.id}"
    if not any(line.strip() for line in hole.solution):
        raise HoleError(f"{where}: the solution is empty")
    stub = "".join(hole.stub)
    if f'"LAB {hole.lab}: ' not in stub:
        raise HoleError(f'{where}: the stub must fail loudly with a "LAB {hole.lab}: ..." message')
    if "*/" in stub:
        raise HoleError(f"{where}: the stub may not contain '*/'")


def preceding_hint(path: str, lines: list[str], begin: int, lab: int) -> str:
    """The 'LAB N: your code here' comment right above a hole, as one string."""
    comment: list[str] = []
    index = begin - 1
    while index >= 0 and lines[index].strip().startswith(("/*", "*", "//")):
        comment.insert(0, lines[index].strip())
        if YOUR_CODE.search(lines[index]):
            break
        index -= 1
    text = " ".join(comment)
    found = YOUR_CODE.search(text)
    if not found:
        raise HoleError(f"{path}:{begin + 1}: a hole must follow a 'LAB {lab}: your code here' comment")
    if int(found.group(1)) != lab:
        raise HoleError(f"{path}:{begin + 1}: the comment says LAB {found.group(1)}, the marker lab{lab}")
    text = text[found.end():]
    text = re.sub(r"/\*|\*/|(^|\s)\*(?=\s)|//", " ", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def enclosing_function(lines: list[str], index: int) -> str:
    """The name of the C function a line is in (the last definition above)."""
    for line in reversed(lines[:index]):
        found = FUNCTION.match(line)
        if found and not line.startswith(("#", "typedef")) and not line.rstrip().endswith(";"):
            return found.group(1) + "()"
    return "?"


def render(solution: SolutionFile, open_holes: set[str] | None) -> str:
    """The file's text with the holes in open_holes as stubs (None: all)."""
    out: list[str] = []
    for part in solution.parts:
        if isinstance(part, str):
            out.append(part)
        elif open_holes is None or part.id in open_holes:
            out.extend(part.stub)
        else:
            out.extend(part.solution)
    return "".join(out)


def solution_files() -> list[SolutionFile]:
    """Parse every file under solutions-private/ that has holes."""
    found: list[SolutionFile] = []
    base = os.path.join(ROOT, SOLUTIONS)
    for directory, subdirectories, names in os.walk(base):
        subdirectories.sort()
        for name in sorted(names):
            full = os.path.join(directory, name)
            relative = os.path.relpath(full, base)
            if relative.startswith("grade" + os.sep):
                continue        # hidden tests, not skeletons
            with open(full, encoding="utf-8") as source:
                parsed = parse(relative, source.read())
            if not any(isinstance(p, Hole) for p in parsed.parts):
                raise HoleError(f"{SOLUTIONS}/{relative}: has no holes; it belongs in {relative}")
            found.append(parsed)
    return found


def holes_table(files: list[SolutionFile]) -> list[dict]:
    """The hole list the graders read (common/holes.json)."""
    table = []
    for solution in files:
        for part in solution.parts:
            if isinstance(part, Hole):
                table.append({"id": part.id, "lab": part.lab, "file": part.file,
                              "function": part.function, "hint": part.hint})
    return table


def holes_json_text(files: list[SolutionFile]) -> str:
    return json.dumps(holes_table(files), indent=1) + "\n"


def read(path: str) -> str | None:
    try:
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return None


def write(path: str, text: str) -> None:
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


def command_check(files: list[SolutionFile]) -> int:
    """Report every student file that its solution no longer generates."""
    problems = []
    for solution in files:
        current = read(solution.path)
        if current is None:
            problems.append(f"{solution.path}: missing (run 'make skeletons')")
        elif current != render(solution, None):
            problems.append(f"{solution.path}: differs from what {SOLUTIONS}/{solution.path} "
                            "generates (edit the solution, then run 'make skeletons')")
    if read(HOLES_JSON) != holes_json_text(files):
        problems.append(f"{HOLES_JSON}: out of date (run 'make skeletons')")
    for problem in problems:
        print("check-skeletons:", problem, file=sys.stderr)
    count = sum(len(holes_table([f])) for f in files)
    if problems:
        return 1
    print(f"check-skeletons: {len(files)} files, {count} holes, in sync")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", action="store_true", help="write the student files")
    group.add_argument("--check", action="store_true", help="fail when they drift")
    group.add_argument("--list", action="store_true", help="list the holes")
    group.add_argument("--open", metavar="IDS", help="comma-separated hole ids to open")
    parser.add_argument("--out", help="with --open: the overlay directory to write")
    args = parser.parse_args(argv)
    try:
        files = solution_files()
    except HoleError as error:
        print("skelgen: error:", error, file=sys.stderr)
        return 1
    if args.check:
        return command_check(files)
    if args.list:
        for hole in holes_table(files):
            print(f"{hole['id']:20} {hole['file']:36} {hole['function']}")
        return 0
    if args.write:
        for solution in files:
            write(solution.path, render(solution, None))
        write(HOLES_JSON, holes_json_text(files))
        print(f"skelgen: wrote {len(files)} student files and {HOLES_JSON}")
        return 0
    wanted = set(args.open.split(","))
    known = {hole["id"] for hole in holes_table(files)}
    if not wanted <= known or not args.out:
        print(f"skelgen: --open needs --out and known hole ids: {sorted(wanted - known)}",
              file=sys.stderr)
        return 1
    for solution in files:
        text = render(solution, wanted)
        full = os.path.join(args.out, solution.path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
