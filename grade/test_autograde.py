"""test_autograde.py - the autograder takes a submission as data.

    python3 -m unittest grade/test_autograde.py

The intake (what is copied from a submission, what is left out), the work
tree (the kit's parts, no grade/), the trimming of compiler output and the
score table of a resumed batch. grade/test_sandbox.py tests the sandbox
itself; the self-test grades whole hostile submissions.
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import autograde  # noqa: E402
import sandbox  # noqa: E402


def newest_lab() -> int:
    return max(int(name[3]) for name in os.listdir(autograde.ROOT)
               if name.startswith("lab") and
               os.path.isfile(os.path.join(autograde.ROOT, name, "lab.mk")))


def write(path: str, text: str = "int x;\n") -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


class IntakeTest(unittest.TestCase):
    def setUp(self) -> None:
        self.scratch = tempfile.TemporaryDirectory()
        self.submission = os.path.join(self.scratch.name, "student")
        self.target = os.path.join(self.scratch.name, "taken")
        os.makedirs(self.target)

    def tearDown(self) -> None:
        self.scratch.cleanup()

    def take(self, lab: int = 1) -> autograde.Intake:
        intake = autograde.Intake()
        autograde.copy_folder(self.submission, self.target, intake, lab)
        return intake

    def test_regular_files_of_lab_directories_only(self):
        write(os.path.join(self.submission, "lab1-boot", "kernel", "mine.c"))
        write(os.path.join(self.submission, "lab2-ipc", "kernel", "later.c"))
        write(os.path.join(self.submission, "grade", "lab1.py"), "print('fake')\n")
        write(os.path.join(self.submission, "lab1-boot", "build", "kernel.o"))
        intake = self.take(lab=1)
        self.assertTrue(os.path.isfile(os.path.join(self.target, "lab1-boot", "kernel", "mine.c")))
        for absent in ("lab2-ipc", "grade", os.path.join("lab1-boot", "build")):
            self.assertFalse(os.path.exists(os.path.join(self.target, absent)), absent)
        self.assertEqual(intake.files, 1)

    def test_links_fifos_and_odd_names_are_left_out_and_reported(self):
        lab = os.path.join(self.submission, "lab1-boot")
        write(os.path.join(lab, "ok.c"))
        os.symlink("/etc/passwd", os.path.join(lab, "passwd.c"))
        os.symlink("/nowhere", os.path.join(lab, "dangling.c"))
        os.symlink(".", os.path.join(lab, "loop"))
        os.mkfifo(os.path.join(lab, "fifo"))
        write(os.path.join(lab, "a;cd ..;sh p.sh;#"), "x")
        write(os.path.join(lab, "space name.c"))
        intake = self.take()
        self.assertEqual(sorted(os.listdir(os.path.join(self.target, "lab1-boot"))), ["ok.c"])
        reported = "\n".join(intake.skipped)
        for name in ("passwd.c", "dangling.c", "loop", "fifo", "a;cd ..;sh p.sh;#",
                     "space name.c"):
            self.assertIn(f"lab1-boot/{name}:", reported)

    def test_limits_of_size_count_and_depth(self):
        lab = os.path.join(self.submission, "lab1-boot")
        write(os.path.join(lab, "big.c"), "x" * 2000)
        for index in range(5):
            write(os.path.join(lab, f"f{index}.c"))
        write(os.path.join(lab, *["d"] * 6, "deep.c"))
        intake = autograde.Intake(autograde.IntakeLimits(files=4, total_bytes=1 << 20,
                                                         file_bytes=1000, depth=4))
        autograde.copy_folder(self.submission, self.target, intake, 1)
        reported = "\n".join(intake.skipped)
        self.assertRegex(reported, r"big.c: .*larger than")
        self.assertIn("more than 4 files", reported)
        self.assertIn("deeper than 4 folders", reported)
        self.assertEqual(intake.files, 4)

    def test_a_tarball_is_taken_as_data(self):
        tarball = os.path.join(self.scratch.name, "student.tar.gz")
        with tarfile.open(tarball, "w:gz") as tar:
            def add(name: str, data: bytes = b"int y;\n", kind: bytes = tarfile.REGTYPE,
                    link: str = "") -> None:
                member = tarfile.TarInfo(name)
                member.type, member.linkname, member.size = kind, link, len(data)
                tar.addfile(member, io.BytesIO(data) if kind == tarfile.REGTYPE else None)
            add("student/lab1-boot/kernel/mine.c")
            add("student/lab1-boot/../../escape.c")
            add("student/lab1-boot/passwd.c", b"", tarfile.SYMTYPE, "/etc/passwd")
            add("student/lab1-boot/hard.c", b"", tarfile.LNKTYPE, "student/lab1-boot/kernel/mine.c")
            add("student/lab1-boot/fifo", b"", tarfile.FIFOTYPE)
        intake = autograde.Intake()
        autograde.extract_tarball(tarball, self.target, intake, 1)
        self.assertTrue(os.path.isfile(os.path.join(self.target, "lab1-boot", "kernel", "mine.c")))
        self.assertFalse(os.path.exists(os.path.join(self.scratch.name, "escape.c")))
        self.assertEqual(sorted(os.listdir(os.path.join(self.target, "lab1-boot"))), ["kernel"])
        self.assertEqual(len(intake.skipped), 4, intake.skipped)

    def test_a_broken_tarball_is_a_submission_error(self):
        tarball = os.path.join(self.scratch.name, "broken.tgz")
        write(tarball, "not a tarball")
        with self.assertRaises(autograde.SubmissionError):
            autograde.extract_tarball(tarball, self.target, autograde.Intake(), 1)


@unittest.skipIf(shutil.which("git") is None, "git is not installed")
class GitSubmissionTest(unittest.TestCase):
    """A repository or a bundle is taken at the tag the instructor names."""

    def test_repository_and_bundle_at_a_tag(self):
        jail = None if sandbox.problem() else sandbox.Sandbox([], [], slot=5)
        with tempfile.TemporaryDirectory() as scratch:
            os.chmod(scratch, 0o755)
            repository = os.path.join(scratch, "alice")
            write(os.path.join(repository, "lab1-boot", "kernel", "mine.c"), "int tagged;\n")
            git = ["git", "-C", repository, "-c", "user.name=A", "-c", "user.email=a@b"]
            subprocess.run(["git", "init", "-q", repository], check=True)
            subprocess.run(git + ["add", "."], check=True)
            subprocess.run(git + ["commit", "-qm", "lab 1"], check=True)
            subprocess.run(git + ["tag", "lab1"], check=True)
            write(os.path.join(repository, "lab1-boot", "kernel", "mine.c"), "int later;\n")
            subprocess.run(git + ["commit", "-qam", "after the deadline"], check=True)
            bundle = os.path.join(scratch, "bob.bundle")
            subprocess.run(git + ["bundle", "create", "-q", bundle, "--all"], check=True)
            for number, source in enumerate((repository, bundle)):
                self.assertEqual(autograde.submission_kind(source), "git")
                work = os.path.join(scratch, f"work{number}")
                os.makedirs(work)
                os.chmod(work, 0o755)
                autograde.take_submission(source, 1, "lab1", work,
                                          os.path.join(work, "taken"), jail)
                with open(os.path.join(work, "taken", "lab1-boot", "kernel", "mine.c")) as f:
                    self.assertEqual(f.read(), "int tagged;\n")
            with self.assertRaises(autograde.SubmissionError):
                autograde.take_submission(bundle, 1, "no-such-tag", os.path.join(scratch, "w"),
                                          os.path.join(scratch, "w", "taken"), jail)


class NamesTest(unittest.TestCase):
    def test_student_names_are_safe_folder_names(self):
        self.assertEqual(autograde.student_name("/x/alice.tar.gz"), "alice")
        self.assertEqual(autograde.student_name("/x/bob.bundle"), "bob")
        self.assertEqual(autograde.student_name("/x/../..;rm -rf ~"), "_rm_-rf__")
        self.assertEqual(autograde.student_name("/x/.hidden"), "hidden")

    def test_shards(self):
        self.assertEqual(autograde.parse_shard("2/3"), (2, 3))
        for bad in ("0/3", "4/3", "x"):
            with self.assertRaises(Exception):
                autograde.parse_shard(bad)


class WorkTreeTest(unittest.TestCase):
    def test_kit_owned_parts_come_from_the_kit_and_grade_is_absent(self):
        lab = newest_lab()
        with tempfile.TemporaryDirectory() as scratch:
            taken = os.path.join(scratch, "taken")
            work = os.path.join(scratch, "work")
            for name in autograde.lab_directories(autograde.ROOT, lab):
                write(os.path.join(taken, name, "lab.mk"), "# changed by the student\n")
                write(os.path.join(taken, name, "mine.c"))
            readonly = autograde.make_work_tree(taken, lab, work)
            for name in autograde.lab_directories(autograde.ROOT, lab):
                with open(os.path.join(work, name, "lab.mk")) as f:
                    self.assertNotIn("changed by the student", f.read(),
                                     f"{name}/lab.mk should be the kit's")
                self.assertTrue(os.path.isfile(os.path.join(work, name, "mine.c")))
            for part in autograde.KIT_OWNED:
                if os.path.exists(os.path.join(autograde.ROOT, part)) and int(part[3]) <= lab:
                    self.assertIn(os.path.join(work, part), readonly)
            self.assertIn(os.path.join(work, "common"), readonly)
            self.assertFalse(os.path.exists(os.path.join(work, "grade")))
            self.assertFalse(os.path.exists(os.path.join(work, "solutions-private")))


class StudentOutputTest(unittest.TestCase):
    def test_diagnostics_about_other_files_are_left_out(self):
        build_log = "\n".join([
            "  CC      lab1-boot/kernel/main.c",
            "In file included from lab1-boot/kernel/main.c:3:",
            "/etc/passwd:1:5: error: expected '=' before ':' token",
            "    1 | root:x:0:0:root:/root:/bin/bash",
            "      |     ^",
            "lab1-boot/kernel/main.c:9:1: error: unknown type name 'oops'",
            "    9 | oops;",
            "make: *** [GNUmakefile:99: build/grade/obj/x.o] Error 1",
        ])
        shown = autograde.student_output(build_log, 1)
        self.assertNotIn("root:x:0:0", shown)
        self.assertNotIn("/etc/passwd", shown)
        self.assertIn("unknown type name 'oops'", shown)
        self.assertIn("    9 | oops;", shown)
        self.assertIn("make: ***", shown)
        self.assertIn("3 lines about files outside", shown)
        hidden = "../../grade/hidden_lab3.py:1:1: error: x\n    1 | SECRET\n"
        self.assertNotIn("SECRET", autograde.student_output(hidden, 3))


class ScoreTableTest(unittest.TestCase):
    def test_the_table_is_rebuilt_from_every_finished_submission(self):
        tests = [("boot", 10, False), ("printf", 5, False), ("hidden_x", 5, True)]
        with tempfile.TemporaryDirectory() as out:
            for name, score in (("bob", 15),):
                os.makedirs(os.path.join(out, name))
                autograde.write_json(os.path.join(out, name, "row.json"), {
                    "student": name, "score": score, "max_score": 20, "note": "",
                    "tests": {"boot": 10, "printf": 5, "hidden_x": 0}})
            autograde.write_scores(out, ["alice", "bob"], tests)
            with open(os.path.join(out, "scores.csv"), encoding="utf-8") as f:
                rows = list(csv.reader(f))
        self.assertEqual(rows[0], ["student", "score", "max_score", "boot", "printf",
                                   "hidden_x", "note"])
        self.assertEqual(rows[1][0], "alice")
        self.assertEqual(rows[1][-1], "not graded yet")
        self.assertEqual(rows[2], ["bob", "15", "20", "10", "5", "0", ""])


if __name__ == "__main__":
    unittest.main()
