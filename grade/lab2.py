#!/usr/bin/env python3
"""lab2.py - the grader of lab 2: processes, message passing, privileges.

    python3 grade/lab2.py --build build/lab2 [-v] [TEST ...]     ('make grade')
    python3 grade/lab2.py --list                                 the tests

Each test boots the lab-2 system with the boot parameters test=NAME and
seed=N: the tester program (lab2-ipc/user/tests/tester.c) runs that one
scenario, prints its result lines and "NAME: ok" (or "NAME: FAIL why"),
then "tester: done", and shuts the machine down. The grader checks the
lines, recomputing from the seed every number a student could otherwise
hard-code ("--seed N" reruns the very same case).

The pure parts (xorshift32, the pingpong and grant checksums) are plain
functions so that grade/test_lab2.py can test them against the C code.
"""
from __future__ import annotations

import re
import sys

from gradelib import Run, TestFailure, fail, main, test

BANNER = "cairn: kernel booting (lab 2)"
BOOT_PROCESSES = "proc: 5 boot processes"
SCENARIO_TIMEOUT = 5            # guest seconds: a scenario takes well under one
PREEMPTION_TIMEOUT = 3          # ... and a spinning guest's seconds take wall seconds
MASK = 0xffffffff

# The salts of lab2-ipc/user/tests/tests.h: one random stream per use.
SALT_PINGPONG = 0x70696e67      # "ping"
SALT_PORTS = 0x706f7274         # "port"
SALT_GRANTS = 0x6772616e        # "gran"
GRANT_BYTES = 64


# ---- the numbers the tester computes from the seed ----

def random_start(seed: int, salt: int) -> int:
    """The first xorshift32 state of a stream (tests.h random_start)."""
    state = (seed ^ salt) & MASK
    return state if state else 1


def random_next(state: int) -> int:
    """The next xorshift32 state, which is also the number drawn."""
    state ^= (state << 13) & MASK
    state ^= state >> 17
    state ^= (state << 5) & MASK
    return state


def pingpong_answer(word: int) -> int:
    """What peer answers to a ping of word (tests.h pingpong_answer)."""
    return (word * 2654435761 + 1) & MASK


def expected_pingpong(seed: int) -> tuple[int, int]:
    """(round trips, checksum) of the pingpong scenario for seed."""
    trips = 200 + seed % 300
    state = random_start(seed, SALT_PINGPONG)
    checksum = 0
    for _ in range(trips):
        state = random_next(state)
        checksum ^= pingpong_answer(state)
    return trips, checksum


def granted_bytes(seed: int) -> bytes:
    """The GRANT_BYTES bytes peer offers in the grants scenario (little-endian words)."""
    state = random_start(seed, SALT_GRANTS)
    words = []
    for _ in range(GRANT_BYTES // 4):
        state = random_next(state)
        words.append(state.to_bytes(4, "little"))
    return b"".join(words)


def bytes_checksum(data: bytes) -> int:
    """c = c * 31 + byte over data, 32-bit (tests.h bytes_checksum)."""
    checksum = 0
    for byte in data:
        checksum = (checksum * 31 + byte) & MASK
    return checksum


# ---- running one scenario ----

def run_scenario(run: Run, name: str, if_stuck: str = "") -> tuple[int, str]:
    """Boot with test=name and a random seed; wait for the scenario's verdict.

    Returns (seed, the console text of this boot up to the verdict line).
    Fails if the tester reports FAIL, the kernel panics, or the run does not
    end with "tester: done" and exit code 0. if_stuck is the likely cause
    when no verdict comes in time, added to the failure.
    """
    seed = run.rand.randint(1, 999_999)
    run.boot(params={"test": name, "seed": str(seed)})
    try:
        verdict = run.expect(re.compile(rf"^{name}: (ok|FAIL.*)$", re.MULTILINE))
    except TestFailure as failure:
        if if_stuck and "timed out" in str(failure):
            fail(f"{failure}\n{if_stuck}")
        raise
    text = run.output[run.boot_start:verdict.end()]
    if verdict.group(1) != "ok":
        fail(f"the tester reports (seed {seed}): {verdict.group(0)}")
    run.expect("tester: done")
    code = run.wait_exit()
    if "kernel panic" in run.output[run.boot_start:]:
        fail("the kernel panicked")
    if code != 0:
        fail(f"the run should end with SYS_SHUTDOWN 0; the guest exited with code {code}")
    return seed, text


def expect_line(text: str, line: str, what: str) -> None:
    """Fail unless text holds line as a whole line."""
    if line not in text.splitlines():
        found = [l for l in text.splitlines() if l.startswith(line.split(":")[0] + ":")]
        shown = f"; the tester printed: {found[0]!r}" if found else ""
        fail(f"{what}: expected the line {line!r}{shown}")


# ---- the tests ----

@test(5)
def test_boot(run: Run) -> None:
    """The kernel creates the five boot processes and the tester runs in user mode."""
    run_scenario(run, "boot")
    output = run.output[run.boot_start:]
    for line in (BANNER, "page_check: ok", BOOT_PROCESSES, "boot: tester is endpoint 3"):
        if line not in output:
            fail(f"expected {line!r} on the console")
    if output.find(BOOT_PROCESSES) > output.find("boot: tester"):
        fail(f"{BOOT_PROCESSES!r} should come before the processes run")


@test(8, holes=["lab2:send", "lab2:schedule"], timeout=SCENARIO_TIMEOUT)
def test_pingpong(run: Run) -> None:
    """SENDREC round trips to peer carry random words; every answer is checked."""
    seed, text = run_scenario(run, "pingpong")
    trips, checksum = expected_pingpong(seed)
    expect_line(text, f"pingpong: {trips} round trips, checksum {checksum:08x}",
                f"seed {seed}")


@test(8, holes=["lab2:receive"], timeout=SCENARIO_TIMEOUT)
def test_receive(run: Run) -> None:
    """RECEIVE from peer skips driver's queued message; RECEIVE(ANY) then takes it."""
    seed, text = run_scenario(run, "receive", if_stuck="a RECEIVE never returned: does it take "
                              "the message of a sender already queued, when the source matches?")
    expect_line(text, f"receive: {1 + seed % 5} from peer, then driver's from ANY",
                f"seed {seed}")


@test(7, holes=["lab2:receive"], timeout=SCENARIO_TIMEOUT)
def test_notify(run: Run) -> None:
    """A NOTIFY reaches a receiver at once; N NOTIFYs pending coalesce into one."""
    seed, text = run_scenario(run, "notify", if_stuck="the tester waited for a notification "
                              "that never came: does RECEIVE deliver a pending notification?")
    expect_line(text, f"notify: 1 notification for {2 + seed % 6} notifies", f"seed {seed}")


@test(6, holes=["lab2:send"], timeout=SCENARIO_TIMEOUT)
def test_sendnb(run: Run) -> None:
    """SENDNB fails with ENOTREADY while peer is busy, and works once it receives."""
    _, text = run_scenario(run, "sendnb")
    expect_line(text, "sendnb: ENOTREADY then OK", "sendnb")


@test(8, holes=["lab2:deadlock"], timeout=SCENARIO_TIMEOUT)
def test_deadlock(run: Run) -> None:
    """A SEND to a process that is sending to us fails with ELOCKED."""
    _, text = run_scenario(run, "deadlock", if_stuck="the tester got stuck: did its SEND to "
                           "peer, which is blocked sending to the tester, block instead of "
                           "failing with ELOCKED?")
    expect_line(text, "deadlock: ELOCKED", "deadlock")


@test(6, holes=["lab2:privilege"], timeout=SCENARIO_TIMEOUT)
def test_targets(run: Run) -> None:
    """A SEND outside the sender's allowed targets fails with EPERM."""
    _, text = run_scenario(run, "targets")
    expect_line(text, "targets: EPERM", "targets")


@test(7, holes=["lab2:privilege"], timeout=SCENARIO_TIMEOUT)
def test_calls(run: Run) -> None:
    """Kernel calls outside the call mask, and a user's SEND, are refused."""
    _, text = run_scenario(run, "calls")
    expect_line(text, "calls: ECALLDENIED ECALLDENIED ETRAPDENIED", "calls")


@test(5, timeout=SCENARIO_TIMEOUT)
def test_ports(run: Run) -> None:
    """The driver's own port works; port 0x60 is refused, alone or in a vector;
    a whole privilege record given with SYS_PRIVCTL replaces the driver's ports."""
    _, text = run_scenario(run, "ports")
    expect_line(text, "ports: OK EPERM EPERM", "ports")
    expect_line(text, "record: EPERM OK", "a whole record (PRIV_SET_RECORD)")


@test(9, holes=["lab2:grant"], timeout=SCENARIO_TIMEOUT)
def test_grants(run: Run) -> None:
    """Safe copies through a grant: the bytes arrive; out-of-range, read-only refused."""
    seed, text = run_scenario(run, "grants")
    checksum = bytes_checksum(granted_bytes(seed))
    expect_line(text, f"grants: checksum {checksum:08x}, out of range EPERM, read-only EPERM",
                f"seed {seed}")


@test(5, timeout=SCENARIO_TIMEOUT)
def test_interrupts(run: Run) -> None:
    """A driver takes its IRQ line (not another's); the interrupt arrives as a
    notification from HARDWARE with the line's bit set."""
    _, text = run_scenario(run, "interrupts", if_stuck="the driver waited for a notification "
                           "from HARDWARE that never came: does the IRQ handler that "
                           "SYS_IRQCTL installs notify the line's owner?")
    expect_line(text, "interrupts: IRQ 1 EPERM, IRQ 7 OK, notification from HARDWARE "
                "with 0x00000080", "interrupts")


@test(5, timeout=SCENARIO_TIMEOUT)
def test_stale(run: Run) -> None:
    """A SEND to the endpoint of a killed process fails with EDEADEPT; a process
    blocked sending to it wakes with EDSTDIED; its own queued message is dropped."""
    _, text = run_scenario(run, "stale")
    expect_line(text, "stale: EDEADEPT, blocked sender woken with EDSTDIED, "
                "dead sender's message dropped", "stale")


KILLED_LINE = re.compile(r"^process user \(endpoint 5\) killed: trap 14 \(page fault\) "
                         r"at eip 0x[0-9a-f]{8}$", re.MULTILINE)


@test(8, timeout=SCENARIO_TIMEOUT)
def test_badpointer(run: Run) -> None:
    """Bad message addresses give EFAULT; a user page fault kills only that process,
    and the tester, waiting to receive from it, wakes with ESRCDIED."""
    _, text = run_scenario(run, "badpointer")
    if not KILLED_LINE.search(text):
        fail("expected the kernel's line 'process user (endpoint 5) killed: trap 14 "
             "(page fault) at eip 0x........'")
    expect_line(text, "badpointer: EFAULT EFAULT, user killed, receiver woken with ESRCDIED, "
                "system alive", "badpointer")


@test(8, holes=["lab2:schedule"], timeout=PREEMPTION_TIMEOUT)
def test_preemption(run: Run) -> None:
    """The clock preempts a spinning process so an equal-priority one runs."""
    _, text = run_scenario(run, "preemption", if_stuck="the tester, woken by its alarm, never "
                           "ran again: is spinner preempted when its quantum is used up, and "
                           "does the tester (same priority) run next?")
    expect_line(text, "preemption: alarm after spinner ran", "preemption")


SCENARIOS = ("boot", "pingpong", "receive", "notify", "sendnb", "deadlock", "targets", "calls",
             "ports", "interrupts", "grants", "badpointer", "preemption", "stale")


@test(5, holes=["lab2:send", "lab2:receive", "lab2:schedule"])
def test_bochs(run: Run) -> None:
    """Bochs runs every scenario in turn on the same disk image."""
    output = run.bochs(params={"seed": str(run.rand.randint(1, 999_999))})
    if "kernel panic" in output:
        fail("the kernel panicked under Bochs")
    for name in SCENARIOS:
        if f"{name}: ok" not in output.splitlines():
            fail(f"under Bochs, expected the line '{name}: ok'")
    if "tester: done" not in output:
        fail("under Bochs, the tester never printed 'tester: done'")


if __name__ == "__main__":
    sys.exit(main(lab=2))
