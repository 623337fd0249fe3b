"""report.py - how a grader explains a test's verdict: the failure
report a student reads (last console lines, symbolised addresses, the
hole to look at, the command that reruns the test), the one-line result,
and Gradescope's results.json.

Entry points: Result, Settings, test_random, failure_report, result_line,
results_json, print_result, symbolise, load_hole_table, hole_hints.
"""
from __future__ import annotations

import json
import os
import random
import re
import sys
from dataclasses import dataclass, field
from typing import Optional

from guest import ROOT, Run, find_tool, host_tool
from registry import Test, TestFailure

HOLES_JSON = os.path.join(ROOT, "common", "holes.json")
CONSOLE_LINES_SHOWN = 25
SYMBOLISED_ADDRESSES_SHOWN = 12


def symbolise(build: str, output: str) -> list[str]:
    """Name the "eip 0x........" addresses that follow a panic or a trap.

    A frame line ("ebp 0x...  eip 0x...") holds a return address, which
    points just past the call; it is looked up one byte earlier so the line
    is the call's own. Returns "eip 0x... is function at file:line" lines.
    """
    start = min([i for i in (output.find("kernel panic"), output.find("trap "))
                 if i >= 0], default=-1)
    addr2line = find_tool("addr2line")
    kernel = os.path.join(build, "kernel")
    if start < 0 or addr2line is None or not os.path.isfile(kernel):
        return []
    addresses: list[tuple[int, bool]] = []
    for line in output[start:].splitlines():
        for found in re.finditer(r"eip 0x([0-9a-fA-F]{8})", line):
            address = int(found.group(1), 16)
            if all(address != known for known, _ in addresses):
                addresses.append((address, "ebp 0x" in line))
    addresses = addresses[:SYMBOLISED_ADDRESSES_SHOWN]
    if not addresses:
        return []
    lookups = [f"0x{a - 1 if is_return else a:x}" for a, is_return in addresses]
    try:
        done = host_tool([addr2line, "-f", "-e", kernel] + lookups, [build])
    except TestFailure:
        return []
    answers = done.stdout.splitlines()
    lines = []
    for index, (address, _) in enumerate(addresses):
        function, place = answers[2 * index: 2 * index + 2] or ["??", "??:0"]
        place = place.split(" (discriminator")[0]
        if place.startswith(ROOT + os.sep):
            place = os.path.relpath(place, ROOT)
        lines.append(f"eip 0x{address:08x} is {function} at {place}")
    return lines

# ---- hole hints ----

def load_hole_table(path: str = HOLES_JSON) -> dict[str, list[dict]]:
    """Hole id -> its entries {id, lab, file, function, hint} in common/holes.json.

    One hole may span several functions, so an id can have several entries.
    """
    table: dict[str, list[dict]] = {}
    try:
        with open(path, encoding="utf-8") as f:
            for entry in json.load(f):
                table.setdefault(entry["id"], []).append(entry)
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return table


def holes_named_on_console(console: str, table: dict[str, list[dict]]) -> list[str]:
    """Holes whose stub spoke on the console ("LAB 1: print_number() is not
    written yet"): the likeliest cause of a failure, whatever the test."""
    named = set(re.findall(r"LAB \d+: (\w+\(\))", console))
    return [hole for hole, entries in table.items()
            if any(entry["function"] in named for entry in entries)]


def hole_hints(holes: list[str], table: dict[str, list[dict]]) -> list[str]:
    """One "hint: look at <function> in <file> (hole <id>)" line per hole and file."""
    lines = []
    for hole in dict.fromkeys(holes):           # each once, in order
        functions_by_file: dict[str, list[str]] = {}
        for entry in table.get(hole, []):
            functions = functions_by_file.setdefault(entry["file"], [])
            if entry["function"] not in functions:
                functions.append(entry["function"])
        for file, functions in functions_by_file.items():
            lines.append(f"hint: look at {', '.join(functions)} in {file} (hole {hole})")
        if not functions_by_file:
            lines.append(f"hint: look at hole {hole}")
    return lines

# ---- a test's verdict ----

@dataclass
class Result:
    """The verdict of one test."""
    test: Test
    passed: bool
    seconds: float
    report: list[str] = field(default_factory=list)     # the explanation lines
    console: str = ""

    @property
    def score(self) -> int:
        return self.test.points if self.passed else 0


@dataclass
class Settings:
    """What the command line asked for, as the test runner needs it."""
    build: str
    seed: int
    jobs: int = 1
    gdb_port: Optional[int] = None
    script: str = "grade/lab1.py"
    shown_build: str = ""       # the build directory rerun commands name (default: build)


def test_random(seed: int, name: str) -> random.Random:
    """The random source of a test: the same seed and name give the same values."""
    return random.Random(f"{seed}:{name}")


def rerun_command(settings: Settings, test_case: Test, with_gdb: bool) -> str:
    """The command that reruns one test, under gdb when it boots QEMU."""
    if test_case.hidden:
        return "(a hidden test: the student's tree does not have it)"
    which = f"--gdb {test_case.name}" if with_gdb else test_case.name
    build = settings.shown_build or settings.build
    return f"python3 {settings.script} --build {build} --seed {settings.seed} {which}"


def failure_report(message: str, run: Run, test_case: Test, settings: Settings,
                   holes: dict[str, list[dict]]) -> list[str]:
    """The lines that explain a failure, in the order a student reads them."""
    lines = message.rstrip().splitlines() or ["failed"]
    console = run.output.rstrip("\n").splitlines()
    if console:
        shown = console[-CONSOLE_LINES_SHOWN:]
        lines.append(f"last {len(shown)} console lines:")
        lines += ["  | " + line for line in shown]
    else:
        lines.append("the console stayed empty")
    lines += symbolise(settings.build, run.output[run.boot_start:])
    lines += hole_hints(holes_named_on_console(run.output, holes) + test_case.holes, holes)
    lines.append("rerun: " + rerun_command(settings, test_case,
                                            run.used_qemu and not run.used_gdb_batch))
    return lines


def result_line(result: Result) -> str:
    return f"{result.test.name}: {'OK' if result.passed else 'FAIL'} ({result.seconds:.1f}s)"


def results_json(results: list[Result]) -> dict:
    """Gradescope's results.json for these results."""
    tests = []
    for result in results:
        tests.append({
            "name": result.test.name,
            "score": result.score,
            "max_score": result.test.points,
            "output": "\n".join([result_line(result)] + result.report),
            "status": "passed" if result.passed else "failed",
            "extra_data": {"holes": result.test.holes},
        })
        if result.test.hidden:
            # Gradescope shows a hidden test's output once the grades are published.
            tests[-1]["visibility"] = "after_published"
    return {"score": sum(r.score for r in results), "tests": tests}


def print_result(result: Result, verbose: bool, after_console: bool = False) -> None:
    """One line per test, then the indented explanation of a failure.

    after_console: the console was echoed live (--gdb); start a fresh line.
    """
    if after_console and result.console and not result.console.endswith("\n"):
        print()
    print(result_line(result))
    for line in result.report:
        print("  " + line)
    if verbose and result.passed and result.console:
        print("  console:")
        for line in result.console.rstrip("\n").splitlines():
            print("  | " + line)
    sys.stdout.flush()
