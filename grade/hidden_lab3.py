"""hidden_lab3.py - lab 3 tests the instructor keeps out of the handout.

grade/lab3.py registers these too when this file is present; 'make
handout' leaves it out. They check the same holes from other angles, so a
solution shaped to the visible tests alone fails here.
"""
from __future__ import annotations

import re

from gradelib import Run, fail, test
# gradelib loads this file from grade/lab3.py, which runs as __main__:
# its helpers are there (importing lab3 would register its tests twice).
from __main__ import WRITE_HOLES, boot_shell, random_name, sh  # type: ignore


@test(5, holes=["lab3:exec"], name="hidden_exec_arguments")
def test_hidden_exec_arguments(run: Run) -> None:
    """exec passes every argument and the environment intact to the new program."""
    boot_shell(run)
    value = random_name(run)
    words = [random_name(run) for _ in range(run.rand.randint(20, 40))]
    output = sh(run, f"CAIRN_VALUE={value} env | grep CAIRN_VALUE")
    if output.strip() != f"CAIRN_VALUE={value}":
        fail(f"the environment did not reach the program: env printed {output.strip()!r}")
    output = sh(run, "echo " + " ".join(words) + " 'two  spaces'")
    if output.strip() != " ".join(words) + " two  spaces":
        fail(f"echo of {len(words) + 1} arguments printed {output.strip()!r}")


@test(5, holes=WRITE_HOLES, name="hidden_copy_programs")
def test_hidden_copy_programs(run: Run) -> None:
    """Copies of the programs (files past the direct zones) read back whole and run."""
    boot_shell(run)
    name = random_name(run)
    sizes = sh(run, f"cp /bin/sh /tmp/{name}; wc -c /bin/sh; wc -c /tmp/{name}")
    counts = re.findall(r"^\s*(\d+) ", sizes, re.MULTILINE)
    if len(counts) != 2 or counts[0] != counts[1] or int(counts[0]) < 8 * 1024:
        fail(f"a copy of /bin/sh should have its size; wc printed {sizes.strip()!r}")
    word = random_name(run)
    output = sh(run, f"/tmp/{name} -c 'echo {word}'")
    if output.strip() != word:
        fail(f"the copied shell, run, printed {output.strip()!r} instead of {word!r}")
