"""test_autograde.py - the autograder's work tree takes only what is the student's.

    python3 -m unittest grade/test_autograde.py
"""
from __future__ import annotations

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import autograde  # noqa: E402


class WorkTreeTest(unittest.TestCase):
    def test_kit_owned_parts_come_from_the_kit(self):
        lab = max(int(name[3]) for name in os.listdir(autograde.ROOT)
                  if name.startswith("lab") and
                  os.path.isfile(os.path.join(autograde.ROOT, name, "lab.mk")))
        with tempfile.TemporaryDirectory() as scratch:
            submission = os.path.join(scratch, "student")
            work = os.path.join(scratch, "work")
            os.makedirs(work)
            for name in autograde.lab_directories(autograde.ROOT, lab):
                os.makedirs(os.path.join(submission, name))
                with open(os.path.join(submission, name, "lab.mk"), "w") as f:
                    f.write("# changed by the student\n")
                with open(os.path.join(submission, name, "mine.c"), "w") as f:
                    f.write("int mine;\n")
            autograde.make_work_tree(submission, lab, work)
            for name in autograde.lab_directories(autograde.ROOT, lab):
                with open(os.path.join(work, name, "lab.mk")) as f:
                    self.assertNotIn("changed by the student", f.read(),
                                     f"{name}/lab.mk should be the kit's")
                self.assertTrue(os.path.isfile(os.path.join(work, name, "mine.c")),
                                f"{name}/mine.c, the student's own file, should be kept")
            for part in autograde.KIT_OWNED:
                if os.path.exists(os.path.join(autograde.ROOT, part)) and \
                        int(part[3]) <= lab:
                    self.assertTrue(os.path.exists(os.path.join(work, part)), part)
            self.assertTrue(os.path.isdir(os.path.join(work, "grade")))


if __name__ == "__main__":
    unittest.main()
