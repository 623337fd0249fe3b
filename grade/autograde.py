#!/usr/bin/env python3
"""autograde.py - grade students' submissions, each one in a sandbox.

    autograde.py --lab N SUBMISSIONS OUT [options]          a batch
    autograde.py --lab N --one SUBMISSION --results FILE    one (Gradescope)

A submission is a folder (a clone of the student's handout tree), a
tarball of one (.tar, .tar.gz, .tgz, .tar.xz), or a git repository or
bundle (.bundle) graded at --tag. For each one, in parallel:

  1. intake: its lab directories (lab1-boot/ .. labN-*/) are copied as
     data: regular files and folders only, names of letters, digits and
     `_.+,-`, within limits of size, count and depth; links, FIFOs,
     devices and odd names are skipped and listed in its log. Nothing
     else of the submission is used: common/, the GNUmakefile, the labs'
     lab.mk and the graders' test programs (KIT_OWNED) come from this kit,
     and the work tree has no grade/ or solutions-private/ at all.
  2. build: `make LAB=N SOL=0` runs in a sandbox (sandbox.py) that sees
     only the work tree, with the kit's parts read-only, no network, and
     limits; the time-out kills every process it started.
  3. grade: the kit's own grader (this folder's labN.py, hidden tests
     included) runs outside the sandbox; the QEMU, Bochs and gdb it starts
     run inside one that sees only the build. It writes
     OUT/<student>/results.json (Gradescope's format) beside log.txt.

OUT/scores.csv holds a row per submission (student, score, max_score,
each test in grading order, note); it is rebuilt from every finished
submission in OUT, so a killed batch resumes where it stopped and the
shards of a batch (--shard i/n, one per machine) share one OUT.

Exit status: 0 when every submission was graded (whatever its score),
1 when some could not be, 2 on a usage or setup error.
"""
from __future__ import annotations

import argparse
import collections
import concurrent.futures
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import Optional

import sandbox

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GRADE = os.path.join(ROOT, "grade")
LAB_DIRECTORIES = ("lab1-boot", "lab2-ipc", "lab3-servers", "lab4-drivers", "lab5-recovery")
KIT_PARTS = ("common", "GNUmakefile")
# Parts of the lab directories that belong to the grading, not the student.
KIT_OWNED = ("lab1-boot/lab.mk", "lab2-ipc/lab.mk", "lab2-ipc/user/tests",
             "lab3-servers/lab.mk", "lab3-servers/tests")
# A name the build may see: it goes into make rules and compiler command
# lines, so nothing a shell or make would read as more than a name.
SAFE_NAME = re.compile(r"[A-Za-z0-9_.+,][A-Za-z0-9_.+,-]*")
SKIPPED_NAMES = ("build", ".git")       # a student's own build output and history
SKIPPED_SUFFIXES = (".o", ".d", ".img")
TARBALL_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.xz", ".tar.bz2")
BUNDLE_SUFFIX = ".bundle"
BUILD_DIR = "build/grade"
LOG_LIMIT = 200_000      # characters of build or grader output kept per student
RESULTS_LIMIT = 20_000   # characters of build output shown in results.json


@dataclass
class IntakeLimits:
    """How much of a submission is taken."""
    files: int = 5000
    total_bytes: int = 64 << 20
    file_bytes: int = 8 << 20
    depth: int = 16


@dataclass
class Intake:
    """What the copy of a submission took and what it left out."""
    limits: IntakeLimits = field(default_factory=IntakeLimits)
    files: int = 0
    bytes: int = 0
    skipped: list[str] = field(default_factory=list)

    def skip(self, path: str, why: str) -> None:
        self.skipped.append(f"{path}: {why}")

    def room_for(self, path: str, size: int) -> bool:
        """Count a file of size bytes in, unless it breaks a limit (then skip it)."""
        if size > self.limits.file_bytes:
            self.skip(path, f"larger than {self.limits.file_bytes >> 20} MiB")
        elif self.files >= self.limits.files:
            self.skip(path, f"more than {self.limits.files} files")
        elif self.bytes + size > self.limits.total_bytes:
            self.skip(path, f"more than {self.limits.total_bytes >> 20} MiB in all")
        else:
            self.files += 1
            self.bytes += size
            return True
        return False


class SubmissionError(Exception):
    """A submission that cannot be read at all (a broken tarball, no tag)."""


# ---- intake: a submission's files, as data ----

def name_problem(name: str) -> Optional[str]:
    """Why a file name is not taken, or None."""
    if not SAFE_NAME.fullmatch(name):
        return "a name with characters other than letters, digits and _.+,-"
    return None


def wanted(relative: str, lab: int) -> bool:
    """Whether a path of the submission is the student's to hand in: inside
    lab directories 1..lab, and not build output."""
    parts = relative.split("/")
    if parts[0] not in LAB_DIRECTORIES[:lab]:
        return False
    return not any(p in SKIPPED_NAMES for p in parts) and not parts[-1].endswith(SKIPPED_SUFFIXES)


def copy_folder(source: str, target: str, intake: Intake, lab: Optional[int],
                relative: str = "") -> None:
    """Copy the submission folder source into target, as data.

    Regular files and folders only (links are never followed); with lab
    set, only what wanted() takes. Whatever is left out is noted in intake.
    """
    if relative.count("/") >= intake.limits.depth:
        intake.skip(relative, f"deeper than {intake.limits.depth} folders")
        return
    try:
        entries = sorted(os.scandir(source), key=lambda e: e.name)
    except OSError as error:
        intake.skip(relative or ".", f"cannot be read: {error.strerror}")
        return
    for entry in entries:
        path = f"{relative}/{entry.name}" if relative else entry.name
        if lab is not None and not wanted(path, lab):
            continue
        problem = name_problem(entry.name)
        if problem:
            intake.skip(path, problem)
        elif entry.is_symlink():
            intake.skip(path, "a symbolic link (not followed)")
        elif entry.is_dir(follow_symlinks=False):
            os.makedirs(os.path.join(target, entry.name), exist_ok=True)
            copy_folder(entry.path, os.path.join(target, entry.name), intake, lab, path)
        elif entry.is_file(follow_symlinks=False):
            copy_file(entry.path, os.path.join(target, entry.name), path, intake)
        else:
            intake.skip(path, "not a regular file (a FIFO, socket or device)")


def copy_file(source: str, target: str, relative: str, intake: Intake) -> None:
    """Copy one regular file, refusing one that changed into anything else."""
    try:
        data = sandbox.open_untrusted(source, intake.limits.file_bytes)
    except sandbox.UntrustedFileError as error:
        intake.skip(relative, str(error).replace(source, "it"))
        return
    except OSError as error:
        intake.skip(relative, f"cannot be read: {error.strerror}")
        return
    if intake.room_for(relative, len(data)):
        with open(target, "xb") as f:
            f.write(data)


def extract_tarball(path: str, target: str, intake: Intake, lab: int) -> None:
    """Take a submission's lab directories out of a tarball, as data.

    Members with absolute paths or "..", links and special files are
    skipped; a top folder that holds the lab directories (student/lab1-boot/
    ...) is looked through.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(descriptor, "rb") as raw, tarfile.open(fileobj=raw, mode="r:*") as tar:
            members = []
            for member in tar:
                if len(members) == intake.limits.files * 4:
                    intake.skip(path, f"more than {len(members)} members: the rest left out")
                    break
                members.append(member)
            prefix = common_top_folder([m.name for m in members])
            for member in members:
                name = member.name.removeprefix("./")
                name = name[len(prefix):] if prefix and name.startswith(prefix) else name
                parts = [p for p in name.split("/") if p not in ("", ".")]
                relative = "/".join(parts)
                problems = [name_problem(p) for p in parts if name_problem(p)]
                if not parts or not wanted(relative, lab):
                    continue
                if member.name.startswith("/") or ".." in parts:
                    intake.skip(member.name, "a path outside the submission")
                elif problems:
                    intake.skip(relative, problems[0])
                elif len(parts) > intake.limits.depth:
                    intake.skip(relative, f"deeper than {intake.limits.depth} folders")
                elif member.isdir():
                    os.makedirs(os.path.join(target, *parts), exist_ok=True)
                elif member.issym() or member.islnk():
                    intake.skip(relative, "a link (not followed)")
                elif not member.isfile():
                    intake.skip(relative, "not a regular file (a FIFO or device)")
                elif intake.room_for(relative, member.size):
                    os.makedirs(os.path.join(target, *parts[:-1]), exist_ok=True)
                    source = tar.extractfile(member)
                    with open(os.path.join(target, *parts), "xb") as f:
                        f.write(source.read(member.size))
    except (OSError, tarfile.TarError, EOFError) as error:
        raise SubmissionError(f"the tarball cannot be read: {error}") from None


def common_top_folder(names: list[str]) -> str:
    """"top/" when every member lies in one folder that is not a lab's."""
    tops = {n.removeprefix("./").split("/")[0] for n in names if n.strip("./")}
    if len(tops) == 1:
        top = tops.pop()
        if top not in LAB_DIRECTORIES and any("/" in n.removeprefix("./") for n in names):
            return top + "/"
    return ""


def export_git(source: str, tag: str, scratch: str, intake: Intake, lab: int,
               target: str, jail: Optional[sandbox.Sandbox]) -> None:
    """Take the lab directories of a git repository or bundle at tag.

    git runs in the sandbox on a copy (a repository's configuration and
    hooks are the student's), and its archive is read like a tarball.
    """
    folder = os.path.join(scratch, "git")
    copy = os.path.join(folder, "repository")
    os.makedirs(folder)
    raw = Intake(IntakeLimits(files=50_000, total_bytes=256 << 20, file_bytes=256 << 20,
                              depth=64))
    if os.path.isdir(source):
        os.makedirs(copy)
        copy_folder(source, copy, raw, None)
    else:
        copy_file(source, copy, os.path.basename(source), raw)
    archive = os.path.join(folder, "archive.tar")
    # Arguments reach git as a list, never through a shell.
    clone = os.path.join(folder, "clone")
    steps = [["git", "-c", "safe.directory=*", "clone", "--quiet", "--bare", "--no-hardlinks",
              "--", copy, clone],
             ["git", "-c", "safe.directory=*", "-C", clone, "archive", "--format=tar",
              "-o", archive, "--end-of-options", tag]]
    if jail is not None:
        jail.hand_over(folder)
        jail = jail.with_folders(writable=[folder])
    for step in steps:
        status, output = run_build_step(step, folder, jail, 120)
        if status != 0:
            raise SubmissionError(f"git could not export {tag!r}: {output.strip()[-500:]}")
    extract_tarball(archive, target, intake, lab)


def tree_top(folder: str) -> str:
    """The folder of a submission that holds its lab directories: folder
    itself, or its one subfolder when the student handed in the tree one
    level down (a zip of "cairn/")."""
    def has_labs(path: str) -> bool:
        return any(os.path.isdir(os.path.join(path, n)) and not os.path.islink(os.path.join(path, n))
                   for n in LAB_DIRECTORIES)
    if has_labs(folder):
        return folder
    inside = [e for e in os.scandir(folder)
              if not e.name.startswith(".") and e.is_dir(follow_symlinks=False)]
    if len(inside) == 1 and has_labs(inside[0].path):
        return inside[0].path
    return folder


def submission_kind(path: str) -> Optional[str]:
    """"folder", "tarball", "git" or None (not a submission)."""
    name = os.path.basename(path)
    if os.path.islink(path):
        return None
    if os.path.isdir(path):
        if os.path.isdir(os.path.join(path, ".git")) or (
                os.path.isfile(os.path.join(path, "HEAD")) and
                os.path.isdir(os.path.join(path, "objects"))):
            return "git"
        return "folder"
    if os.path.isfile(path):
        if name.endswith(TARBALL_SUFFIXES):
            return "tarball"
        if name.endswith(BUNDLE_SUFFIX):
            return "git"
    return None


def student_name(path: str) -> str:
    """The name a submission is filed under in OUT: its file name without
    the archive's suffix, in letters, digits and _.- only (and never the
    name of the score table beside it)."""
    name = os.path.basename(os.path.normpath(path))
    for suffix in TARBALL_SUFFIXES + (BUNDLE_SUFFIX,):
        if name.endswith(suffix):
            name = name[:-len(suffix)]
            break
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", name).lstrip(".") or "_"
    return name[:100] if name != "scores.csv" else "scores.csv_"


def find_submissions(folder: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(name, path) of each submission in folder, and the entries ignored."""
    found, ignored, names = [], [], set()
    for entry in sorted(os.listdir(folder)):
        path = os.path.join(folder, entry)
        if submission_kind(path) is None:
            ignored.append(entry)
            continue
        name = student_name(path)
        while name in names:
            name += "_"
        names.add(name)
        found.append((name, path))
    return found, ignored


def take_submission(path: str, lab: int, tag: Optional[str], scratch: str, target: str,
                    jail: Optional[sandbox.Sandbox]) -> Intake:
    """Copy the lab directories of the submission at path into target."""
    intake = Intake()
    os.makedirs(target, exist_ok=True)
    kind = submission_kind(path)
    if kind == "folder":
        copy_folder(tree_top(path), target, intake, lab)
    elif kind == "tarball":
        extract_tarball(path, target, intake, lab)
    elif kind == "git":
        if not tag:
            raise SubmissionError("a git submission needs --tag (the commit to grade)")
        export_git(path, tag, scratch, intake, lab, target, jail)
    else:
        raise SubmissionError("neither a folder, a tarball nor a git repository or bundle")
    return intake


# ---- the work tree ----

def lab_directories(root: str, lab: int) -> list[str]:
    """The names of the lab directories 1..lab that exist in a tree."""
    return [n for n in LAB_DIRECTORIES[:lab] if os.path.isdir(os.path.join(root, n))]


def copy_kit_part(part: str, target: str) -> None:
    source = os.path.join(ROOT, part)
    if os.path.isdir(source):
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "build"))
    else:
        shutil.copy2(source, target)


def make_work_tree(taken: str, lab: int, work: str) -> list[str]:
    """The tree a submission is built in: the kit's common/ and GNUmakefile,
    the student's lab directories (the kit's skeleton for any missing), and
    the kit's KIT_OWNED parts over them. No grade/, no solutions-private/.

    Returns the kit's paths in it, which the sandbox shows read-only.
    """
    os.makedirs(work, exist_ok=True)
    kit_paths = []
    for part in KIT_PARTS:
        copy_kit_part(part, os.path.join(work, part))
        kit_paths.append(os.path.join(work, part))
    for name in lab_directories(ROOT, lab):
        source = os.path.join(taken, name)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(work, name))
        else:                                   # not handed in: the kit's skeleton
            copy_kit_part(name, os.path.join(work, name))
    for part in KIT_OWNED:
        target = os.path.join(work, part)
        if not os.path.exists(os.path.join(ROOT, part)) or \
                not os.path.isdir(os.path.join(work, part.split("/")[0])):
            continue                            # a lab beyond this one
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if os.path.isdir(target) and not os.path.islink(target):
            shutil.rmtree(target)
        elif os.path.lexists(target):
            os.remove(target)
        copy_kit_part(part, target)
        kit_paths.append(target)
    return kit_paths


def run_build_step(argv: list[str], cwd: str, jail: Optional[sandbox.Sandbox],
                   timeout: float) -> tuple[Optional[int], str]:
    """Run one step of a build: in the sandbox, or (--no-sandbox) as is, in
    a session of its own that the time-out kills whole."""
    if jail is not None:
        return jail.run(argv, cwd, timeout)
    process = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
        return process.returncode, output.decode("utf-8", errors="replace")[-LOG_LIMIT:]
    except subprocess.TimeoutExpired:
        sandbox.kill_tree(process)
        output, _ = process.communicate()
        return None, (output.decode("utf-8", errors="replace")[-LOG_LIMIT:] +
                      f"\nkilled: it ran for more than {timeout:g} s\n")


# ---- what a student sees of the build ----

DIAGNOSTIC = re.compile(r"^(?:In file included from |\s+from )?([^\s:][^\s:]*):(\d+:)?")


def student_output(text: str, lab: int) -> str:
    """The build's output with every diagnostic about a file outside the
    student's lab directories (and its quoted source lines) left out, so a
    build cannot show the contents of other files."""
    kept, keep, dropped = [], True, 0
    for line in text.splitlines():
        found = DIAGNOSTIC.match(line)
        if found and "/" in found.group(1) or found and found.group(2):
            path = os.path.normpath(found.group(1))
            keep = (not os.path.isabs(path) and not path.startswith("..") and
                    path.split("/")[0] in LAB_DIRECTORIES[:lab] + ("build",))
        elif not line[:1].isspace():
            keep = True
        if keep:
            kept.append(line)
        else:
            dropped += 1
    if dropped:
        kept.append(f"[{dropped} lines about files outside your lab directories left out]")
    return "\n".join(kept)


def clip(text: str, limit: int = LOG_LIMIT) -> str:
    if len(text) <= limit:
        return text
    return "[... output clipped ...]\n" + text[-limit:]


# ---- grading one submission ----

@dataclass
class Options:
    """What the command line asked for, as grade_one needs it."""
    lab: int
    build_timeout: float = 600
    grade_timeout: float = 900
    make_jobs: int = 1
    grade_jobs: int = 1
    tag: Optional[str] = None
    sandboxed: bool = True
    seed: Optional[int] = None


def listed_tests(lab: int) -> list[tuple[str, int, bool]]:
    """(name, points, hidden) of each test of the kit's grader, in order."""
    listing = subprocess.run([sys.executable, os.path.join(GRADE, f"lab{lab}.py"), "--list"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    tests = []
    for line in listing.stdout.splitlines():
        words = line.split()
        if len(words) >= 2 and words[1].isdigit():
            tests.append((words[0], int(words[1]), line.rstrip().endswith("(hidden)")))
    return tests


def zero_results(tests: list[tuple[str, int, bool]], why: str, output: str) -> dict:
    """A results.json giving every test 0 because of why."""
    report = {"score": 0, "output": output, "stdout_visibility": "hidden", "tests": []}
    for name, points, hidden in tests:
        entry = {"name": name, "score": 0, "max_score": points, "status": "failed",
                 "output": f"not run: {why}"}
        if hidden:
            entry["visibility"] = "after_published"
        report["tests"].append(entry)
    return report


def write_json(path: str, value: dict) -> None:
    """Write value to path whole or not at all (a killed batch leaves no half file)."""
    partial = path + ".partial"
    with open(partial, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=1)
        f.write("\n")
    os.replace(partial, path)


def grade_one(name: str, path: str, options: Options, results_path: str, log_path: str,
              slot: int, tests: list[tuple[str, int, bool]]) -> dict:
    """Take, build and grade one submission; write its results.json and log.

    Returns its row for the score table. Whatever the submission does, this
    returns a row and leaves a results.json.
    """
    lab = options.lab
    row = {"student": name, "score": 0, "max_score": sum(p for _, p, _ in tests),
           "tests": {}, "note": "", "seconds": 0.0}
    started = time.monotonic()
    log = [f"== {name}: lab {lab}, {'sandboxed' if options.sandboxed else 'NOT sandboxed'}"]
    jail = sandbox.Sandbox(readable=[], writable=[], slot=slot) if options.sandboxed else None
    scratch = tempfile.mkdtemp(prefix="cairn-grade-")
    try:
        os.chmod(scratch, 0o711)        # the sandbox's user passes through to tree/
        taken, work = os.path.join(scratch, "taken"), os.path.join(scratch, "tree")
        try:
            intake = take_submission(path, lab, options.tag, scratch, taken, jail)
        except SubmissionError as error:
            row["note"] = "unreadable submission"
            log.append(f"== intake ==\n{error}")
            write_json(results_path, zero_results(tests, "the submission could not be read",
                                                  str(error)))
            return row
        log.append(f"== intake ==\ntook {intake.files} files, {intake.bytes} bytes")
        if intake.skipped:
            log.append(f"left out {len(intake.skipped)}:")
            log += [f"  {line}" for line in intake.skipped[:200]]
        kit_paths = make_work_tree(taken, lab, work)
        builder = None
        if jail is not None:
            jail.hand_over(work)
            builder = jail.with_folders(readable=kit_paths, writable=[work])
        status, output = run_build_step(
            ["make", "-s", f"-j{options.make_jobs}", f"LAB={lab}", "SOL=0", f"O={BUILD_DIR}",
             "PYTHON=python3"], work, builder, options.build_timeout)
        log.append("== build ==\n" + clip(output))
        if status != 0:
            row["note"] = "build timed out" if status is None else "build failed"
            shown = clip(student_output(output, lab), RESULTS_LIMIT)
            write_json(results_path, zero_results(
                tests, "the build " + ("timed out" if status is None else "failed"),
                "The build failed:\n" + shown))
            return row
        report, grader_output, note = run_grader(work, os.path.join(scratch, "results.json"),
                                                 options, slot)
        log.append("== grade ==\n" + clip(grader_output))
        if report is None:
            row["note"] = note
            write_json(results_path, zero_results(tests, note, clip(grader_output,
                                                                    RESULTS_LIMIT)))
            return row
        if intake.skipped:
            report["output"] = ("Left out of your submission:\n" +
                                "\n".join(intake.skipped[:50]) + "\n")
        report["stdout_visibility"] = "hidden"
        write_json(results_path, report)
        row["score"] = report["score"]
        row["max_score"] = sum(t["max_score"] for t in report["tests"])
        row["tests"] = {t["name"]: t["score"] for t in report["tests"]}
        return row
    except Exception as error:      # one broken submission never stops the batch
        row["note"] = f"autograder error: {type(error).__name__}"
        log.append(f"== autograder error ==\n{error!r}")
        write_json(results_path, zero_results(tests, "the autograder failed", repr(error)))
        return row
    finally:
        row["seconds"] = round(time.monotonic() - started, 1)
        with open(log_path, "w", encoding="utf-8") as f:
            f.write("\n".join(log) + "\n")
        shutil.rmtree(scratch, ignore_errors=True)


def run_grader(work: str, results: str, options: Options,
               slot: int) -> tuple[Optional[dict], str, str]:
    """Run the kit's grader on the build in work, writing results (a path
    no sandbox can reach): (the results or None, its output, a note)."""
    command = [sys.executable, os.path.join(GRADE, f"lab{options.lab}.py"),
               "--build", os.path.join(work, BUILD_DIR), "-j", str(options.grade_jobs),
               "--json", results, "--show-build", f"build/lab{options.lab}"]
    if options.seed is not None:
        command += ["--seed", str(options.seed)]
    if options.sandboxed:
        command += ["--sandbox", "--sandbox-slot", str(slot)]
    process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        output, _ = process.communicate(timeout=options.grade_timeout)
    except subprocess.TimeoutExpired:
        sandbox.kill_tree(process)
        output, _ = process.communicate()
        return None, output.decode("utf-8", "replace"), "grading timed out"
    text = output.decode("utf-8", "replace")
    try:
        with open(results, encoding="utf-8") as f:
            return json.load(f), text, ""
    except (OSError, ValueError):
        return None, text, "the grader wrote no results"


# ---- a batch ----

def read_row(student_out: str) -> Optional[dict]:
    """The row a finished submission left in its folder, or None."""
    try:
        with open(os.path.join(student_out, "row.json"), encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def write_scores(out: str, names: list[str], tests: list[tuple[str, int, bool]]) -> list[dict]:
    """OUT/scores.csv from every finished submission of names; returns the rows."""
    rows = []
    for name in names:
        row = read_row(os.path.join(out, name))
        rows.append(row or {"student": name, "score": "", "max_score": "", "tests": {},
                            "note": "not graded yet"})
    partial = os.path.join(out, f".scores.csv.{os.getpid()}")
    with open(partial, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student", "score", "max_score"] + [t[0] for t in tests] + ["note"])
        for row in rows:
            writer.writerow([row["student"], row["score"], row["max_score"]] +
                            [row["tests"].get(t[0], 0) if row["tests"] else ""
                             for t in tests] + [row["note"]])
    os.replace(partial, os.path.join(out, "scores.csv"))
    return rows


def parse_shard(text: str) -> tuple[int, int]:
    """"i/n" -> (i, n), 1 <= i <= n."""
    found = re.fullmatch(r"(\d+)/(\d+)", text)
    if not found or not 1 <= int(found.group(1)) <= int(found.group(2)):
        raise argparse.ArgumentTypeError(f"--shard wants i/n with 1 <= i <= n, not {text!r}")
    return int(found.group(1)), int(found.group(2))


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="autograde.py",
        description="Grade students' submissions of a lab, each built and run in a sandbox.",
        epilog="A batch writes OUT/<student>/results.json (Gradescope's format), "
               "OUT/<student>/log.txt and OUT/scores.csv. Submissions already graded in OUT "
               "are kept (a killed batch resumes); --restart grades them again.")
    parser.add_argument("--lab", type=int, required=True, help="the lab to grade (1-5)")
    parser.add_argument("submissions", nargs="?",
                        help="a folder holding one submission per student: folders, "
                             "tarballs (.tar, .tar.gz, .tgz, .tar.xz) or git repositories "
                             "and bundles (.bundle, with --tag)")
    parser.add_argument("out", nargs="?", help="where the results go (made if missing)")
    parser.add_argument("--one", metavar="SUBMISSION",
                        help="grade this one submission instead of a batch (Gradescope)")
    parser.add_argument("--results", metavar="FILE",
                        help="with --one: where its results.json goes")
    parser.add_argument("-j", "--jobs", type=int, default=max(1, (os.cpu_count() or 2)),
                        help="submissions graded at once (default: the number of CPUs)")
    parser.add_argument("--shard", type=parse_shard, metavar="I/N",
                        help="grade only the I-th of N equal shares of the submissions "
                             "(for a cluster: GNU parallel, a Slurm array); shards may "
                             "share OUT")
    parser.add_argument("--tag", help="the tag or commit of git submissions to grade")
    parser.add_argument("--build-timeout", type=float, default=600, metavar="S",
                        help="wall seconds a build may take (default 600)")
    parser.add_argument("--grade-timeout", type=float, default=900, metavar="S",
                        help="wall seconds the tests of one submission may take (default 900)")
    parser.add_argument("--seed", type=int, help="the graders' random seed (default: random)")
    parser.add_argument("--restart", action="store_true",
                        help="grade again the submissions OUT already has results for")
    parser.add_argument("--no-sandbox", action="store_true",
                        help="grade without the sandbox where it cannot run: the students' "
                             "code then runs as you and can read and change your files")
    args = parser.parse_args(argv)
    if args.one:
        if not args.results or args.submissions or args.out:
            parser.error("--one SUBMISSION takes --results FILE and no SUBMISSIONS OUT")
    elif not (args.submissions and args.out):
        parser.error("give SUBMISSIONS and OUT (or --one SUBMISSION --results FILE)")
    if args.jobs < 1:
        parser.error("-j needs at least 1")
    return args


def setup_problem(args: argparse.Namespace) -> Optional[str]:
    """Why grading cannot start, or None."""
    if not os.path.isfile(os.path.join(GRADE, f"lab{args.lab}.py")):
        return f"there is no grader for lab {args.lab}"
    if args.submissions and not os.path.isdir(args.submissions):
        return f"{args.submissions} is not a folder"
    if not args.no_sandbox:
        problem = sandbox.problem()
        if problem:
            return (f"the sandbox cannot run here: {problem}.\nRefusing to run students' "
                    "code unsandboxed; --no-sandbox does so knowingly (only on a machine "
                    "or container that holds nothing else).")
    return None


def print_summary(rows: list[dict], tests: list[tuple[str, int, bool]]) -> None:
    """Failures by cause, then how many submissions lost each test."""
    causes = collections.Counter(row["note"] for row in rows if row["note"])
    for cause, count in causes.most_common():
        print(f"  {count:4} {cause}")
    graded = [row for row in rows if row["tests"]]
    for name, points, _ in tests:
        lost = sum(1 for row in graded if row["tests"].get(name, 0) < points)
        if lost:
            print(f"  {lost:4} lost points in {name}")


def main(argv: list[str]) -> int:
    args = parse_arguments(argv)
    problem = setup_problem(args)
    if problem:
        print(f"autograde: {problem}", file=sys.stderr)
        if args.one:            # Gradescope shows the student why, not a crash
            os.makedirs(os.path.dirname(os.path.abspath(args.results)), exist_ok=True)
            write_json(args.results, zero_results(listed_tests(args.lab), "the autograder "
                                                  "cannot grade here", problem))
        return 2
    tests = listed_tests(args.lab)
    if not tests:
        print(f"autograde: grade/lab{args.lab}.py lists no tests", file=sys.stderr)
        return 2
    cpus = os.cpu_count() or 2
    options = Options(lab=args.lab, build_timeout=args.build_timeout,
                      grade_timeout=args.grade_timeout, tag=args.tag,
                      sandboxed=not args.no_sandbox, seed=args.seed)
    if args.one:
        options.make_jobs = options.grade_jobs = cpus
        os.makedirs(os.path.dirname(os.path.abspath(args.results)), exist_ok=True)
        log = os.path.join(os.path.dirname(os.path.abspath(args.results)), "log.txt")
        row = grade_one(student_name(args.one), os.path.abspath(args.one), options,
                        args.results, log, 0, tests)
        print(f"{row['student']}: {row['score']}/{row['max_score']} {row['note']}")
        return 0

    submissions, ignored = find_submissions(args.submissions)
    for entry in ignored:
        print(f"autograde: ignoring {entry!r}: not a folder, tarball or git bundle")
    names = [name for name, _ in submissions]
    if args.shard:
        index, count = args.shard
        submissions = submissions[index - 1::count]
    os.makedirs(args.out, exist_ok=True)
    todo = []
    for name, path in submissions:
        student_out = os.path.join(args.out, name)
        if read_row(student_out) is not None and not args.restart:
            continue
        os.makedirs(student_out, exist_ok=True)
        todo.append((name, os.path.abspath(path), student_out))
    print(f"autograde: lab {args.lab}, {len(todo)} to grade "
          f"({len(submissions) - len(todo)} already graded), {args.jobs} at a time"
          f"{'' if options.sandboxed else ', NOT SANDBOXED'}", flush=True)
    options.make_jobs = max(1, cpus // args.jobs)
    slots = list(range(args.jobs))
    slots_lock = threading.Lock()
    done = 0

    def grade_in_slot(name: str, path: str, student_out: str) -> dict:
        with slots_lock:
            slot = slots.pop()
        try:
            row = grade_one(name, path, options, os.path.join(student_out, "results.json"),
                            os.path.join(student_out, "log.txt"), slot, tests)
            write_json(os.path.join(student_out, "row.json"), row)
            return row
        finally:
            with slots_lock:
                slots.append(slot)

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(grade_in_slot, *entry) for entry in todo]
        for future in concurrent.futures.as_completed(futures):
            row = future.result()
            done += 1
            print(f"[{done}/{len(todo)}] {row['student']:24} "
                  f"{row['score']:>5}/{row['max_score']:<5} {row['seconds']:6.1f} s  "
                  f"{row['note']}", flush=True)
    rows = write_scores(args.out, names, tests)
    print(f"autograde: {len(todo)} graded; table of {len(names)} in "
          f"{os.path.join(args.out, 'scores.csv')}")
    print_summary(rows, tests)
    return 1 if any(row["note"].startswith("autograder error") for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
