"""test_lab2.py - unit tests of the lab-2 grader's pure parts.

    python3 -m unittest discover -s grade -p 'test_*.py'

The numbers lab2.py recomputes from the seed must be the very numbers the
tester (lab2-ipc/user/tests/tests.h and tester.c) computes in C; the
expected values below were printed by that C code, built for the host.
"""
from __future__ import annotations

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import registry  # noqa: E402

# Importing a grader registers its tests in registry.TESTS; lab 1's grader
# (imported by test_gradelib.py in the same process) has tests of the same
# names, so lab 2's are registered apart and the list is put back.
_OTHER_LABS_TESTS = list(registry.TESTS)
registry.TESTS.clear()
import lab2  # noqa: E402
LAB2_TESTS = list(registry.TESTS)
registry.TESTS[:] = _OTHER_LABS_TESTS

# seed -> (pingpong round trips, pingpong checksum, grant checksum), from the C code.
FROM_C = {
    1: (201, 0xe12952bf, 0xd05d759d),
    77: (277, 0x2c4a6c8a, 0x7c0f772f),
    123456: (356, 0xb8565b3c, 0x96e208a3),
    999999: (299, 0x3c039743, 0xbd6534a7),
    4294967295: (395, 0x227cf466, 0x8d875190),
}


class SeedNumbers(unittest.TestCase):
    def test_xorshift32(self) -> None:
        # Marsaglia's xorshift32 (13, 17, 5) from state 1.
        self.assertEqual(lab2.random_next(1), 270369)
        self.assertEqual(lab2.random_start(5, 5), 1, "a zero state would stay zero")

    def test_pingpong_and_grants_match_the_c_code(self) -> None:
        for seed, (trips, checksum, grant) in FROM_C.items():
            self.assertEqual(lab2.expected_pingpong(seed), (trips, checksum), seed)
            self.assertEqual(lab2.bytes_checksum(lab2.granted_bytes(seed)), grant, seed)

    def test_points_sum_to_100(self) -> None:
        self.assertEqual(sum(t.points for t in LAB2_TESTS), 100)


if __name__ == "__main__":
    unittest.main()
