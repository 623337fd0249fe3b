#!/usr/bin/env python3
"""bench.py - how many instructions lab 2's IPC and lab 3's POSIX calls cost.

    python3 grade/bench.py --build build/lab2     ('make bench' in lab 2)
    python3 grade/bench.py --build build/lab3 --ipc-build build/lab3/lab2-ipc
                                                  ('make bench' from lab 3 on)

Boots the lab-2 system with test=bench under QEMU's -icount shift=0, where
the guest's time-stamp counter advances by one per instruction executed.
The tester (lab2-ipc/user/tests/tester.c) times, with rdtsc, 1000 of each
operation and prints the averages; this script checks the counter's
calibration and prints a table:

    sendrec     a null SENDREC round trip tester -> peer -> tester
    notify      a NOTIFY to a process that is not receiving (a pending bit)
    kernelcall  a null kernel call (SYS_GETINFO GET_TICKS)
    switch      half a round trip: one message and one context switch

From lab 3 on, a second boot runs the program lab3-servers/tests/bench.c
(run=bench), which times, the same way:

    getpid      a getpid() round trip through PM
    fork        fork() + the child's exit() + the parent's wait()
    read4k      a 4 KiB read() of a cached file through FS
    write4k     a 4 KiB write() of a cached file through FS

Counts include the user-mode stubs and loop around each operation.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sys
import tempfile

from gradelib import Run, TestFailure

RESULT_LINE = re.compile(r"^bench: sendrec (\d+) notify (\d+) kernelcall (\d+) switch (\d+)$",
                         re.MULTILINE)
CALIBRATION_LINE = re.compile(r"^bench: calibration (\d+) for (\d+) instructions$", re.MULTILINE)
POSIX_LINE = re.compile(r"^bench: getpid (\d+) fork (\d+) read4k (\d+) write4k (\d+)$",
                        re.MULTILINE)
POSIX_DESCRIPTIONS = {
    "getpid": "getpid() round trip through PM",
    "fork": "fork() + exit() + wait()",
    "read4k": "4 KiB read() of a cached file through FS",
    "write4k": "4 KiB write() of a cached file through FS",
}
DESCRIPTIONS = {
    "sendrec": "null SENDREC round trip, tester -> peer -> tester",
    "notify": "NOTIFY to a process not receiving",
    "kernelcall": "null kernel call (SYS_GETINFO GET_TICKS)",
    "switch": "half a round trip: one message, one switch",
}


def measure(build: str, params: dict[str, str], line: re.Pattern,
            names: dict[str, str]) -> tuple[dict[str, int], int, int]:
    """Boot build with params; return (costs by name, counter steps, instructions)."""
    workdir = tempfile.mkdtemp(prefix="cairn-bench-")
    run = Run(build, workdir, random.Random(0), timeout=60)
    try:
        run.boot(params=params)
        calibration = run.expect(CALIBRATION_LINE)
        result = run.expect(line)
    finally:
        run.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    costs = dict(zip(names, (int(v) for v in result.groups())))
    return costs, int(calibration.group(1)), int(calibration.group(2))


def print_table(costs: dict[str, int], steps: int, instructions: int,
                names: dict[str, str]) -> None:
    """The calibration, then one line per operation."""
    ratio = steps / instructions
    print(f"calibration: {steps} counter steps for a {instructions}-instruction loop "
          f"({ratio:.3f} per instruction)")
    if not 0.9 <= ratio <= 1.1:
        print("warning: the counter does not count instructions; the numbers below are "
              "counter steps, not instructions")
    print(f"{'operation':12} {'instructions':>12}  what")
    for name, cost in costs.items():
        print(f"{name:12} {cost:12}  {names[name]}")


def main() -> int:
    """The command line: prints the table; exit status 1 if the run failed."""
    parser = argparse.ArgumentParser(description="Measure lab 2's IPC in instructions.")
    parser.add_argument("--build", required=True, metavar="DIR",
                        help="a build directory, holding disk.img")
    parser.add_argument("--ipc-build", metavar="DIR",
                        help="from lab 3 on: a lab-2 build for the IPC figures")
    args = parser.parse_args()
    ipc_build = args.ipc_build or args.build
    for build in {args.build, ipc_build}:
        if not os.path.isfile(os.path.join(build, "disk.img")):
            print(f"bench.py: {build}/disk.img does not exist: build first", file=sys.stderr)
            return 2
    try:
        print("lab 2: message passing")
        print_table(*measure(ipc_build, {"test": "bench"}, RESULT_LINE, DESCRIPTIONS),
                    DESCRIPTIONS)
        if args.ipc_build:
            print("\nlab 3: POSIX calls through the servers")
            print_table(*measure(args.build, {"run": "bench"}, POSIX_LINE, POSIX_DESCRIPTIONS),
                        POSIX_DESCRIPTIONS)
    except TestFailure as failure:
        print(f"bench.py: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
