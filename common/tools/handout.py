#!/usr/bin/env python3
"""handout.py - write the student tree: the kit without its solutions.

    handout.py OUT [--release-solutions N[,N]] [--force]

OUT receives every file of the kit (the files git tracks, when the kit is a
git checkout) except solutions-private/ and the hidden tests
(grade/hidden_*.py). Student files with holes are checked against their
solutions first, so a handout never ships a stale skeleton.

--release-solutions 1,2 puts the complete files of labs 1 and 2 into the
handout in place of the skeletons, for a course that hands out earlier
labs' solutions before a later lab.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys

import skelgen

ROOT = skelgen.ROOT
EXCLUDED_PREFIXES = ("solutions-private/", "build/", ".git/")


def is_excluded(path: str, hidden_tests: bool = False) -> bool:
    """Files a student never receives (hidden_tests: except the hidden tests,
    which an autograder package carries)."""
    name = os.path.basename(path)
    return path.startswith(EXCLUDED_PREFIXES) or (
        not hidden_tests and path.startswith("grade/") and name.startswith("hidden_"))


def kit_files(hidden_tests: bool = False) -> list[str]:
    """The kit's files, relative to the root: git's list, or a walk.
    Without solutions-private/, builds and (unless hidden_tests) hidden tests."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                                 "--exclude-standard"], cwd=ROOT, check=True,
                                capture_output=True).stdout.decode()
        files = [f for f in listed.split("\0") if f]
    except (OSError, subprocess.CalledProcessError):
        files = []
        for directory, subdirectories, names in os.walk(ROOT):
            subdirectories[:] = [d for d in subdirectories if d not in (".git", "build")]
            files += [os.path.relpath(os.path.join(directory, n), ROOT) for n in names]
    return sorted(f for f in files
                  if not is_excluded(f, hidden_tests) and os.path.isfile(os.path.join(ROOT, f)))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="write the student handout tree")
    parser.add_argument("out", help="directory to write (must not exist, or --force)")
    parser.add_argument("--release-solutions", default="", metavar="LABS",
                        help="comma-separated lab numbers whose solutions to include")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    args = parser.parse_args(argv)

    out = os.path.abspath(args.out)
    if os.path.abspath(ROOT) == out or out.startswith(os.path.abspath(ROOT) + os.sep + "lab"):
        print("handout: OUT must be outside the kit's sources", file=sys.stderr)
        return 2
    if os.path.exists(out):
        if not args.force and os.listdir(out):
            print(f"handout: {out} exists; add --force to replace it", file=sys.stderr)
            return 2
        shutil.rmtree(out)
    try:
        solutions = skelgen.solution_files()
    except skelgen.HoleError as error:
        print("handout: error:", error, file=sys.stderr)
        return 1
    if skelgen.command_check(solutions) != 0:
        print("handout: the skeletons are out of sync; run 'make skeletons' first",
              file=sys.stderr)
        return 1

    released = {int(n) for n in args.release_solutions.split(",") if n.strip()}
    count = 0
    for path in kit_files():
        target = os.path.join(out, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(os.path.join(ROOT, path), target)
        count += 1
    for solution in solutions:
        lab = {hole.lab for hole in solution.parts if isinstance(hole, skelgen.Hole)}
        if lab <= released:
            with open(os.path.join(out, solution.path), "w", encoding="utf-8") as f:
                f.write(skelgen.render(solution, set()))
    print(f"handout: wrote {count} files to {out}"
          + (f", with the solutions of labs {sorted(released)}" if released else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
