#!/usr/bin/env python3
"""bench.py - how many instructions lab 2's IPC costs.

    python3 grade/bench.py --build build/lab2     ('make bench')

Boots the lab-2 system with test=bench under QEMU's -icount shift=0, where
the guest's time-stamp counter advances by one per instruction executed.
The tester (lab2-ipc/user/tests/tester.c) times, with rdtsc, 1000 of each
operation and prints the averages; this script checks the counter's
calibration and prints a table:

    sendrec     a null SENDREC round trip tester -> peer -> tester
    notify      a NOTIFY to a process that is not receiving (a pending bit)
    kernelcall  a null kernel call (SYS_GETINFO GET_TICKS)
    switch      half a round trip: one message and one context switch

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
DESCRIPTIONS = {
    "sendrec": "null SENDREC round trip, tester -> peer -> tester",
    "notify": "NOTIFY to a process not receiving",
    "kernelcall": "null kernel call (SYS_GETINFO GET_TICKS)",
    "switch": "half a round trip: one message, one switch",
}


def measure(build: str) -> tuple[dict[str, int], int, int]:
    """Boot build with test=bench; return (costs by name, counter steps, instructions)."""
    workdir = tempfile.mkdtemp(prefix="cairn-bench-")
    run = Run(build, workdir, random.Random(0), timeout=30)
    try:
        run.boot(params={"test": "bench"})
        calibration = run.expect(CALIBRATION_LINE)
        result = run.expect(RESULT_LINE)
    finally:
        run.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    costs = dict(zip(DESCRIPTIONS, (int(v) for v in result.groups())))
    return costs, int(calibration.group(1)), int(calibration.group(2))


def main() -> int:
    """The command line: prints the table; exit status 1 if the run failed."""
    parser = argparse.ArgumentParser(description="Measure lab 2's IPC in instructions.")
    parser.add_argument("--build", required=True, metavar="DIR",
                        help="a lab-2 build directory, holding disk.img")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.build, "disk.img")):
        print(f"bench.py: {args.build}/disk.img does not exist: build first", file=sys.stderr)
        return 2
    try:
        costs, steps, instructions = measure(args.build)
    except TestFailure as failure:
        print(f"bench.py: {failure}", file=sys.stderr)
        return 1
    ratio = steps / instructions
    print(f"calibration: {steps} counter steps for a {instructions}-instruction loop "
          f"({ratio:.3f} per instruction)")
    if not 0.9 <= ratio <= 1.1:
        print("warning: the counter does not count instructions; the numbers below are "
              "counter steps, not instructions")
    print(f"{'operation':12} {'instructions':>12}  what")
    for name, cost in costs.items():
        print(f"{name:12} {cost:12}  {DESCRIPTIONS[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
