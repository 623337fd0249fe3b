"""test_lab3.py - unit tests of the lab-3 grader's proofs.

    python3 -m unittest discover -s grade -p 'test_*.py'

Each passed check of a lab-3 test program prints "ok NAME PROOF"
(lab3-servers/tests/proof.h); lab3.py computes the proofs itself from the
seed. These tests build the C side for the host (skipped without gcc) and
compare, and feed check_proofs transcripts a hostile guest could print.
filestress and forkstress run on the host for that: filestress works in
/tmp/fs<SEED> and removes it again.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import registry  # noqa: E402

# Importing a grader registers its tests in registry.TESTS; other labs'
# graders (imported by other test files in the same process) have tests of
# the same names, so lab 3's are registered apart and the list is put back.
_OTHER_LABS_TESTS = list(registry.TESTS)
registry.TESTS.clear()
import lab3  # noqa: E402
LAB3_TESTS = list(registry.TESTS)
registry.TESTS[:] = _OTHER_LABS_TESTS

TESTS_DIRECTORY = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                               "lab3-servers", "tests")
HAVE_GCC = shutil.which("gcc") is not None


def build_for_host(source: str, directory: str) -> str:
    """Compile the C file source with the host's gcc into directory; the program's path."""
    program = os.path.join(directory, os.path.splitext(os.path.basename(source))[0])
    subprocess.run(["gcc", "-O2", "-I", TESTS_DIRECTORY, "-o", program, source],
                   check=True, capture_output=True, text=True)
    return program


def transcript(program: str, seed: int, checks: list[tuple[str, int]]) -> str:
    """What program prints when every check passes, with the proofs lab3.py computes."""
    lines = [f"ok {name} {lab3.proof(seed, name, value)}" for name, value in checks]
    return "\n".join(lines + [f"{program}: {len(checks)} passed, 0 failed"]) + "\n"


def refusal(text: str, program: str, seed: int, checks: list[tuple[str, int]]) -> str:
    """check_proofs' failure message for text; fails the unit test if text is accepted."""
    try:
        lab3.check_proofs(text, program, seed, checks)
    except registry.TestFailure as failure:
        return str(failure)
    raise AssertionError(f"check_proofs accepted:\n{text}")


class ProofFunction(unittest.TestCase):
    def test_fnv1a_known_answers(self) -> None:
        # The published 32-bit FNV-1a values of "", "a" and "foobar".
        self.assertEqual(lab3.fnv1a(""), 0x811C9DC5)
        self.assertEqual(lab3.fnv1a("a"), 0xE40C292C)
        self.assertEqual(lab3.fnv1a("foobar"), 0xBF9CF968)

    @unittest.skipUnless(HAVE_GCC, "gcc is not installed")
    def test_proof_matches_proof_h(self) -> None:
        cases = [(1, "fork_wait", 2), (999999, "readback", 4294967295),
                 (4294967295, "wave30", 0), (77, "cleanup", 123456)]
        calls = "".join(f'\tprint_ok({seed}u, "{name}", {value}u);\n'
                        for seed, name, value in cases)
        with tempfile.TemporaryDirectory() as directory:
            source = os.path.join(directory, "proofs.c")
            with open(source, "w") as file:
                file.write(f'#include "proof.h"\n\nint main(void)\n{{\n{calls}\treturn 0;\n}}\n')
            program = build_for_host(source, directory)
            printed = subprocess.run([program], check=True, capture_output=True,
                                     text=True).stdout.splitlines()
        self.assertEqual(printed, [f"ok {name} {lab3.proof(seed, name, value)}"
                                   for seed, name, value in cases])


class ChecksMatchThePrograms(unittest.TestCase):
    def read_source(self, name: str) -> str:
        with open(os.path.join(TESTS_DIRECTORY, name)) as file:
            return file.read()

    def test_posixtest_names_are_its_table(self) -> None:
        table = re.findall(r'\{ "(\w+)", test_\w+ \}', self.read_source("posixtest.c"))
        self.assertEqual(tuple(table), lab3.POSIXTEST_CHECKS)

    def test_badcalls_names_are_its_checks(self) -> None:
        names = re.findall(r'check\([^;]*?"(\w+)"\);', self.read_source("badcalls.c"))
        self.assertEqual(tuple(names), lab3.BADCALLS_CHECKS)

    @unittest.skipUnless(HAVE_GCC, "gcc is not installed")
    def test_host_runs_give_the_graders_proofs(self) -> None:
        runs = [("filestress", ["31173", "60"], lab3.filestress_checks(31173, 60)),
                ("filestress", ["5", "12"], lab3.filestress_checks(5, 12)),
                ("forkstress", ["424242", "95"], lab3.forkstress_checks(424242, 95))]
        with tempfile.TemporaryDirectory() as directory:
            for program, arguments, checks in runs:
                binary = build_for_host(os.path.join(TESTS_DIRECTORY, f"{program}.c"),
                                        directory)
                output = subprocess.run([binary] + arguments, capture_output=True,
                                        text=True, timeout=60).stdout
                with self.subTest(program=program, arguments=arguments):
                    lab3.check_proofs(output, program, int(arguments[0]), checks)


class CheckProofs(unittest.TestCase):
    SEED = 4711

    def test_a_correct_transcript_is_accepted(self) -> None:
        checks = lab3.posixtest_checks(self.SEED)
        lab3.check_proofs(transcript("posixtest", self.SEED, checks), "posixtest",
                          self.SEED, checks)
        # Console lines end in "\r\n"; other console lines may come between.
        text = transcript("posixtest", self.SEED, checks).replace("\n", "\r\n")
        lab3.check_proofs("pm: pid 9 (posixtest) killed by signal 11\r\n" + text,
                          "posixtest", self.SEED, checks)

    def test_a_summary_alone_is_refused(self) -> None:
        message = refusal("posixtest: 49 passed, 0 failed\n", "posixtest", self.SEED,
                          lab3.posixtest_checks(self.SEED))
        self.assertIn("fork_wait", message)

    def test_ok_lines_without_proofs_are_refused(self) -> None:
        checks = lab3.posixtest_checks(self.SEED)
        text = "".join(f"ok {name}\n" for name, _ in checks) + "posixtest: 49 passed, 0 failed\n"
        message = refusal(text, "posixtest", self.SEED, checks)
        self.assertIn(f"ok fork_wait {lab3.proof(self.SEED, 'fork_wait', self.SEED % 200 + 1)}",
                      message)

    def test_proofs_of_another_seed_are_refused(self) -> None:
        other = self.SEED + 1
        refusal(transcript("posixtest", other, lab3.posixtest_checks(other)), "posixtest",
                self.SEED, lab3.posixtest_checks(self.SEED))
        refusal(transcript("forkstress", other, lab3.forkstress_checks(other, 300)),
                "forkstress", self.SEED, lab3.forkstress_checks(self.SEED, 300))

    def test_a_wrong_value_is_refused(self) -> None:
        checks = lab3.filestress_checks(self.SEED, 20)
        wrong = [(name, value + 1 if name == "readback" else value) for name, value in checks]
        message = refusal(transcript("filestress", self.SEED, wrong), "filestress",
                          self.SEED, checks)
        self.assertIn("'readback'", message)

    def test_a_fail_line_an_unknown_check_or_no_summary_is_refused(self) -> None:
        checks = lab3.badcalls_checks()
        text = transcript("badcalls", self.SEED, checks)
        message = refusal("FAIL fs_file\n" + text, "badcalls", self.SEED, checks)
        self.assertIn("FAIL fs_file", message)
        extra = f"ok bonus {lab3.proof(self.SEED, 'bonus', 0)}\n"
        self.assertIn("bonus", refusal(extra + text, "badcalls", self.SEED, checks))
        refusal(text.replace("badcalls: 6 passed, 0 failed\n", ""), "badcalls",
                self.SEED, checks)

    def test_a_missing_check_is_named(self) -> None:
        checks = lab3.forkstress_checks(self.SEED, 300)
        text = transcript("forkstress", self.SEED, checks).replace("ok chain", "ok chain_")
        self.assertIn("'chain'", refusal(text, "forkstress", self.SEED, checks))


class Points(unittest.TestCase):
    def test_visible_points_sum_to_100(self) -> None:
        self.assertEqual(sum(t.points for t in LAB3_TESTS), 100)


if __name__ == "__main__":
    unittest.main()
