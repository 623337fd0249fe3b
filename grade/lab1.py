#!/usr/bin/env python3
"""lab1.py - the grader of lab 1: boot, printf, memory, traps, clock.

    python3 grade/lab1.py --build build/lab1 [-v] [TEST ...]     ('make grade')
    python3 grade/lab1.py --list                                 the tests

Each test boots the kernel in a fresh QEMU and reads the monitor on its
serial line ("K> " prompt). Inputs a student could hard-code (printed
values, the amount of RAM, the recursion depth, the ticks to wait) come from
run.rand, so "--seed N" reruns the very same case.

The pure checks (expected_p_fields, expected_free_pages, parse_frames ...)
are plain functions so that grade/test_gradelib.py can test them.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Optional

from gradelib import PROMPT, Run, fail, function_range, main, test

BANNER = "cairn: kernel booting (lab 1)"
PAGE_SIZE = 4096
PHYS_MAP_LIMIT = 0x30000000     # memlayout.h: physical memory the kernel maps
MIB = 1024 * 1024


# ---- boot ----

@test(20, holes=["lab1:elf", "lab1:idt", "lab1:page"])
def test_boot(run: Run) -> None:
    """The kernel boots to the monitor prompt without a panic."""
    run.boot()
    for line in (BANNER, "page_check: ok", "clock: 100 Hz", PROMPT):
        run.expect(line)
    if "kernel panic" in run.output:
        fail("the kernel panicked while booting")


# ---- printf ----

# The conversions "p VALUE" prints, in order (see the monitor's p command).
P_CONVERSIONS = ["%d", "%u", "%x", "%X", "%o", "[%8d]", "[%-8d]", "[%08x]", "[%5s]"]
P_LINE = re.compile(r"^p: (\S+) (\S+) (\S+) (\S+) (\S+) (\[[^]]*\]) (\[[^]]*\]) "
                    r"(\[[^]]*\]) (\[[^]]*\])$", re.MULTILINE)


def expected_p_fields(value: int) -> list[str]:
    """What each conversion of P_CONVERSIONS prints for a 32-bit value."""
    unsigned = value & 0xffffffff
    signed = unsigned - (1 << 32) if unsigned & 0x80000000 else unsigned
    return [f"{signed}", f"{unsigned}", f"{unsigned:x}", f"{unsigned:X}", f"{unsigned:o}",
            f"[{signed:8d}]", f"[{signed:<8d}]", f"[{unsigned:08x}]", f"[{'ab':>5}]"]


def expected_p_line(value: int) -> str:
    """The whole line "p VALUE" must print."""
    return "p: " + " ".join(expected_p_fields(value))


def printf_values(rand) -> list[int]:
    """Three values: negative, eight hex digits, and narrower than the widths."""
    return [rand.randint(-9999999, -1),
            rand.randint(0x10000000, 0x7fffffff),
            rand.randint(0, 99999)]


def check_p_line(value: int, output: str) -> Optional[str]:
    """None if output holds the right "p:" line for value, else what is wrong."""
    expected = expected_p_line(value)
    if expected in output.splitlines():
        return None
    found = P_LINE.search(output)
    got = found.group(0) if found else next(
        (line for line in output.splitlines() if line.startswith("p:")), None)
    if got is None:
        return f"p {value}: no line starting with 'p:' came back"
    wrong = ""
    if found:
        for conversion, want, have in zip(P_CONVERSIONS, expected_p_fields(value),
                                          found.groups()):
            if want != have:
                wrong = f" ({conversion} printed {have!r}, should be {want!r})"
                break
    return f"p {value}: wrong output{wrong}\n  expected: {expected}\n  got:      {got}"


@test(15, holes=["lab1:printf"])
def test_printf(run: Run) -> None:
    """The p command prints random values right in every conversion."""
    run.boot()
    for value in printf_values(run.rand):
        problem = check_p_line(value, run.command(f"p {value}"))
        if problem:
            fail(problem)


# ---- memory ----

MEMORY_SIZES = [32, 48, 96, 128, 192]
MEMORY_LINE = re.compile(r"^memory: 0x([0-9a-fA-F]+)-0x([0-9a-fA-F]+) (\w+)", re.MULTILINE)
PAGES_LINE = re.compile(r"^pages: (\d+) free \((\d+) KiB\), first free page 0x([0-9a-fA-F]+)",
                        re.MULTILINE)


@dataclass
class Region:
    """One "memory:" line: [start, end) of one type."""
    start: int
    end: int
    kind: str


def parse_memory_map(text: str) -> list[Region]:
    """Every "memory: 0x...-0x... type" line in text."""
    return [Region(int(m.group(1), 16), int(m.group(2), 16), m.group(3))
            for m in MEMORY_LINE.finditer(text)]


def expected_free_pages(regions: list[Region], first_free: int) -> int:
    """The pages memory.h calls free: wholly inside a usable region, at or
    above first_free and below PHYS_MAP_LIMIT."""
    count = 0
    for region in regions:
        if region.kind != "usable":
            continue
        low = max(region.start, first_free)
        low = (low + PAGE_SIZE - 1) // PAGE_SIZE * PAGE_SIZE
        high = min(region.end, PHYS_MAP_LIMIT) // PAGE_SIZE * PAGE_SIZE
        count += max(0, high - low) // PAGE_SIZE
    return count


def check_memory(megabytes: int, regions: list[Region], free: int, kib: int,
                 first_free: int) -> Optional[str]:
    """None if the "pages:" numbers fit the memory map, else what is wrong."""
    if not regions:
        return "no 'memory: 0x...-0x... type' lines came before the 'pages:' line"
    usable = sum(r.end - r.start for r in regions if r.kind == "usable")
    if not (megabytes - 2) * MIB <= usable <= megabytes * MIB:
        return (f"the memory map shows {usable / MIB:.1f} MiB usable, "
                f"but QEMU was given {megabytes} MiB")
    top = max(r.end for r in regions if r.kind == "usable")
    if not 0x100000 <= first_free < top or first_free % PAGE_SIZE:
        return (f"the first free page 0x{first_free:08x} is not a page between 1 MiB "
                "and the top of RAM")
    expected = expected_free_pages(regions, first_free)
    if free != expected:
        return (f"with {megabytes} MiB of RAM the kernel counts {free} free pages; the memory map "
                f"and the first free page 0x{first_free:08x} give {expected}")
    if kib != free * PAGE_SIZE // 1024:
        return f"{free} free pages are {free * 4} KiB, not {kib} KiB"
    return None


@test(20, holes=["lab1:page"])
def test_memory(run: Run) -> None:
    """The free-page count fits the BIOS memory map for a random amount of RAM."""
    megabytes = run.rand.choice(MEMORY_SIZES)
    run.boot(memory=megabytes)
    pages = run.expect(PAGES_LINE)
    regions = parse_memory_map(run.output[:pages.start()])
    free, kib, first_free = int(pages.group(1)), int(pages.group(2)), int(pages.group(3), 16)
    problem = check_memory(megabytes, regions, free, kib, first_free)
    if problem:
        fail(problem)
    run.expect("page_check: ok")


# ---- backtrace ----

FRAME_LINE = re.compile(r"^\s*ebp 0x([0-9a-fA-F]{8})\s+eip 0x([0-9a-fA-F]{8})\s+"
                        r"(\S+?)\+0x([0-9a-fA-F]+)\s*$", re.MULTILINE)


@dataclass
class Frame:
    """One backtrace line."""
    ebp: int
    eip: int
    function: str
    offset: int


def parse_frames(text: str) -> list[Frame]:
    """The frame lines of the first "backtrace:" in text."""
    start = text.find("backtrace:")
    if start < 0:
        return []
    return [Frame(int(m.group(1), 16), int(m.group(2), 16), m.group(3), int(m.group(4), 16))
            for m in FRAME_LINE.finditer(text, start)]


def check_frames(depth: int, frames: list[Frame], recurse: tuple[int, int]) -> Optional[str]:
    """None if frames is the backtrace of "trace depth", else what is wrong.

    recurse is [start, end) of trace_recurse in the kernel, from nm.
    """
    if not frames:
        return ("no frame lines after 'backtrace:'; each should read "
                "'  ebp 0x........  eip 0x........  function+0xoffset'")
    leading = 0
    while leading < len(frames) and frames[leading].function == "trace_recurse":
        leading += 1
    if leading != depth + 1:
        return (f"trace {depth}: the backtrace should start with {depth + 1} trace_recurse "
                f"frames (the call and {depth} recursions), not {leading}")
    for index in range(1, len(frames)):
        if frames[index].ebp <= frames[index - 1].ebp:
            return (f"frame {index}: ebp 0x{frames[index].ebp:08x} is not above the frame "
                    f"before it (0x{frames[index - 1].ebp:08x}); the stack grows down, so "
                    "callers' frames lie at higher addresses")
    start, end = recurse
    for index, frame in enumerate(frames[:leading]):
        if not start <= frame.eip < end:
            return (f"frame {index}: eip 0x{frame.eip:08x} is not inside trace_recurse "
                    f"(0x{start:08x}-0x{end:08x}); eip is the return address above the "
                    "saved ebp")
        if frame.offset != frame.eip - start:
            return (f"frame {index}: trace_recurse+0x{frame.offset:x} should be "
                    f"+0x{frame.eip - start:x} for eip 0x{frame.eip:08x}")
    if not any(f.function in ("kernel_main", "monitor_run") for f in frames[leading:]):
        return ("the chain should go on through the monitor's functions up to monitor_run "
                "or kernel_main, and end there")
    return None


@test(15, holes=["lab1:backtrace"])
def test_backtrace(run: Run) -> None:
    """trace N for a random N: the frames, their order and their names."""
    depth = run.rand.randint(3, 9)
    recurse = function_range(run.build, "trace_recurse")
    run.boot()
    output = run.command(f"trace {depth}")
    if "backtrace:" not in output:
        fail(f"trace {depth} printed no 'backtrace:' line")
    problem = check_frames(depth, parse_frames(output), recurse)
    if problem:
        fail(problem)


# ---- exceptions ----

BREAKPOINT_TRAP = re.compile(r"trap 3 \(breakpoint\) at eip 0x[0-9a-fA-F]{8} fault_breakpoint\+0x")
DIVIDE_TRAP = re.compile(r"trap 0 \(divide error\) at eip 0x[0-9a-fA-F]{8} fault_divide\+0x")
PANIC_EXIT_CODE = 3


@test(15, holes=["lab1:idt"])
def test_exceptions(run: Run) -> None:
    """A breakpoint trap resumes; a divide error is reported and panics."""
    run.boot()
    output = run.command("fault breakpoint")
    if not BREAKPOINT_TRAP.search(output):
        fail("fault breakpoint: expected 'trap 3 (breakpoint) at eip 0x........ "
             "fault_breakpoint+0x..'")
    if "resumed after breakpoint" not in output:
        fail("fault breakpoint: the kernel did not resume after the breakpoint trap")

    run.boot()
    run.expect(PROMPT)
    run.type("fault divide\n")
    run.expect(DIVIDE_TRAP)
    run.expect("kernel panic")
    code = run.wait_exit()
    if code != PANIC_EXIT_CODE:
        fail(f"after the divide error the guest exited with code {code}, "
             f"not {PANIC_EXIT_CODE} (a panic with panic=exit)")


# ---- clock ----

TICKS_LINE = re.compile(r"^ticks: (\d+)$", re.MULTILINE)


def ticks_of(run: Run) -> int:
    """The count the ticks command prints."""
    output = run.command("ticks")
    found = TICKS_LINE.search(output)
    if not found:
        fail(f"ticks: expected 'ticks: N', got {output.strip()!r}")
    return int(found.group(1))


@test(5, holes=["lab1:idt"])
def test_clock(run: Run) -> None:
    """The tick count advances by at least N while the monitor waits N ticks."""
    wait = run.rand.randint(20, 60)
    run.boot()
    before = ticks_of(run)
    output = run.command(f"wait {wait}")
    if f"waited {wait} ticks" not in output:
        fail(f"wait {wait}: expected 'waited {wait} ticks', got {output.strip()!r}")
    after = ticks_of(run)
    if after - before < wait:
        fail(f"ticks went from {before} to {after} around 'wait {wait}': "
             f"{after - before} ticks, fewer than {wait}")


# ---- other emulators and debuggers ----

@test(5, holes=["lab1:elf"])
def test_bochs(run: Run) -> None:
    """The same disk image boots in Bochs and runs the mem command."""
    run.bochs(params={"run": "mem;exit 0"}, wall_timeout=20)
    run.expect("page_check: ok")
    run.expect("pages:")


@test(5, holes=["lab1:elf"])
def test_gdb(run: Run) -> None:
    """GDB attaches to QEMU, stops at kernel_main and names its line in main.c."""
    output = run.gdb_batch(["break kernel_main", "continue", "info line *$pc", "bt 1"])
    last = "\n".join(output.strip().splitlines()[-12:])
    if not re.search(r"Breakpoint 1, .*kernel_main", output):
        fail("gdb did not stop at kernel_main; its output ended with:\n" + last)
    if not re.search(r'Line \d+ of "[^"]*main\.c"', output):
        fail("gdb stopped, but named no source line in main.c; its output ended with:\n" + last)


if __name__ == "__main__":
    sys.exit(main(lab=1, hidden_points=10))
