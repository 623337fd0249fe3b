"""hidden_lab1.py - lab 1 tests the instructor keeps out of the handout.

grade/lab1.py registers these too when this file is present (gradelib's
main loads grade/hidden_labN.py); 'make handout' leaves it out, so
students see only the published tests. They check the same holes from
another angle, so a solution shaped to the visible tests alone fails here.
"""
from __future__ import annotations

import re

from gradelib import Run, fail, test

PAGE_FAULT_TRAP = re.compile(r"^trap 14 \(page fault\) at eip 0x[0-9a-f]{8} fault_page\+0x[0-9a-f]+$",
                             re.MULTILINE)
PANIC_EXIT_CODE = 3


@test(5, holes=["lab1:idt"], name="hidden_page_fault")
def test_hidden_page_fault(run: Run) -> None:
    """A kernel page fault is reported with its address (cr2) and panics."""
    run.boot(params={"run": "fault page"})
    run.expect(PAGE_FAULT_TRAP)
    run.expect("cr2 0xdeadb000")
    run.expect("kernel panic")
    code = run.wait_exit()
    if code != PANIC_EXIT_CODE:
        fail(f"after the page fault the guest exited with code {code}, not {PANIC_EXIT_CODE}")


@test(5, holes=["lab1:printf"], name="hidden_printf_extremes")
def test_hidden_printf_extremes(run: Run) -> None:
    """The printf conversions at the ends of the 32-bit range."""
    run.boot()
    expected = {
        "-2147483648": "p: -2147483648 2147483648 80000000 80000000 20000000000 "
                       "[-2147483648] [-2147483648] [80000000] [   ab]",
        "0": "p: 0 0 0 0 0 [       0] [0       ] [00000000] [   ab]",
        "0xffffffff": "p: -1 4294967295 ffffffff FFFFFFFF 37777777777 "
                      "[      -1] [-1      ] [ffffffff] [   ab]",
    }
    for value, line in expected.items():
        output = run.command(f"p {value}")
        if line not in output.splitlines():
            fail(f"p {value}: expected {line!r}, got {output.strip()!r}")
