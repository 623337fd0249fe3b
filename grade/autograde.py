#!/usr/bin/env python3
"""autograde.py - grade a directory of student submissions.

    autograde.py --lab N SUBMISSIONS OUT [-j JOBS] [--build-timeout S]

SUBMISSIONS holds one directory per student (a clone of their handout
tree). For each one, in parallel and in isolation:
  1. a fresh work tree is made from this kit's own files, and only the
     students' lab directories (lab1-boot/ .. labN-*/) are copied in from the
     submission, so nothing a student changes in grade/, common/ or the
     GNUmakefile can reach the grading (tamper-proof); within those, the
     test programs the graders run and the build fragments (KIT_OWNED)
     come from the kit too, so a changed test cannot report a pass;
  2. the system of lab N is built (SOL=0) with a time limit;
  3. the lab's grader runs on it and writes OUT/<student>/results.json in
     Gradescope's format, with OUT/<student>/log.txt beside it.
OUT/scores.csv gets one row per student: name, score, maximum, each test's
score, and a note (e.g. "build failed").
"""
from __future__ import annotations

import argparse
import concurrent.futures
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KIT_PARTS = ("common", "grade", "GNUmakefile")
# Parts of the lab directories that belong to the grading, not the student.
KIT_OWNED = ("lab1-boot/lab.mk", "lab2-ipc/lab.mk", "lab2-ipc/user/tests",
             "lab3-servers/lab.mk", "lab3-servers/tests")
LOG_LIMIT = 200_000      # characters of build or grader output kept per student


def lab_directories(root: str, lab: int) -> list[str]:
    """The names of lab directories 1..lab in a tree."""
    names = sorted(n for n in os.listdir(root)
                   if n.startswith("lab") and n[3:4].isdigit() and int(n[3]) <= lab)
    return [n for n in names if os.path.isdir(os.path.join(root, n))]


def make_work_tree(submission: str, lab: int, work: str) -> None:
    """Kit files from this kit, lab directories from the submission."""
    for part in KIT_PARTS:
        source = os.path.join(ROOT, part)
        target = os.path.join(work, part)
        if os.path.isdir(source):
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    for name in lab_directories(ROOT, lab):
        source = os.path.join(submission, name)
        if not os.path.isdir(source):
            source = os.path.join(ROOT, name)     # untouched lab: the kit's skeleton
        shutil.copytree(source, os.path.join(work, name), symlinks=False,
                        ignore=shutil.ignore_patterns("build", "*.o", "*.img"))
    for part in KIT_OWNED:
        source, target = os.path.join(ROOT, part), os.path.join(work, part)
        lab_directory = os.path.join(work, part.split("/")[0])
        if not os.path.exists(source) or not os.path.isdir(lab_directory):
            continue            # a lab beyond this one
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if os.path.isdir(target):
            shutil.rmtree(target)
        elif os.path.exists(target):
            os.remove(target)
        if os.path.isdir(source):
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)


def clip(text: str) -> str:
    if len(text) <= LOG_LIMIT:
        return text
    return "[... output clipped ...]\n" + text[-LOG_LIMIT:]


def listed_tests(work: str, lab: int) -> dict[str, int]:
    """Test name -> points, from the kit's grader (hidden tests included)."""
    listing = subprocess.run([sys.executable, f"grade/lab{lab}.py", "--list"], cwd=work,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    tests = {}
    for line in listing.stdout.splitlines():
        words = line.split()
        if len(words) >= 2 and words[1].isdigit():
            tests[words[0]] = int(words[1])
    return tests


def grade_one(submission: str, lab: int, out: str, build_timeout: int) -> dict:
    """Build and grade one submission; return its row for the score table."""
    name = os.path.basename(os.path.normpath(submission))
    student_out = os.path.join(out, name)
    os.makedirs(student_out, exist_ok=True)
    results = os.path.join(student_out, "results.json")
    row = {"student": name, "score": 0, "max_score": 0, "tests": {}, "note": ""}
    with tempfile.TemporaryDirectory(prefix="cairn-grade-") as work:
        make_work_tree(submission, lab, work)
        tests = listed_tests(work, lab)
        try:
            built = subprocess.run(["make", "-s", f"LAB={lab}", "SOL=0", "O=build/grade"],
                                   cwd=work, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True, timeout=build_timeout)
            build_log, build_ok = built.stdout, built.returncode == 0
        except subprocess.TimeoutExpired:
            build_log, build_ok = f"the build took over {build_timeout} s", False
        log = "== build ==\n" + clip(build_log)
        if build_ok:
            graded = subprocess.run([sys.executable, f"grade/lab{lab}.py", "--build",
                                     "build/grade", "-j", "1", "--json", results],
                                    cwd=work, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True)
            log += "\n== grade ==\n" + clip(graded.stdout)
        with open(os.path.join(student_out, "log.txt"), "w", encoding="utf-8") as f:
            f.write(log)
    if not build_ok:
        row["note"] = "build failed"
        row["max_score"] = sum(tests.values())
        row["tests"] = {name: 0 for name in tests}
        with open(results, "w", encoding="utf-8") as f:
            json.dump({"score": 0, "output": "The build failed:\n" + clip(build_log)[-20000:],
                       "tests": [{"name": name, "score": 0, "max_score": points,
                                  "output": "not run: the build failed"}
                                 for name, points in tests.items()]}, f, indent=1)
        return row
    try:
        with open(results, encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError):
        row["note"] = "grader produced no results"
        return row
    row["score"] = report["score"]
    row["max_score"] = sum(t["max_score"] for t in report["tests"])
    row["tests"] = {t["name"]: t["score"] for t in report["tests"]}
    return row


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="grade a directory of submissions")
    parser.add_argument("--lab", type=int, required=True)
    parser.add_argument("submissions")
    parser.add_argument("out")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--build-timeout", type=int, default=300)
    args = parser.parse_args(argv)
    if not os.path.isfile(os.path.join(ROOT, "grade", f"lab{args.lab}.py")):
        print(f"autograde: there is no grader for lab {args.lab}", file=sys.stderr)
        return 2
    submissions = sorted(os.path.join(args.submissions, n) for n in os.listdir(args.submissions)
                         if os.path.isdir(os.path.join(args.submissions, n)))
    os.makedirs(args.out, exist_ok=True)
    rows = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(grade_one, s, args.lab, args.out, args.build_timeout)
                   for s in submissions]
        for future in concurrent.futures.as_completed(futures):
            row = future.result()
            rows.append(row)
            print(f"{row['student']:24} {row['score']:>5}/{row['max_score']:<5} {row['note']}",
                  flush=True)
    rows.sort(key=lambda r: r["student"])
    test_names = sorted({name for row in rows for name in row["tests"]})
    with open(os.path.join(args.out, "scores.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student", "score", "max_score"] + test_names + ["note"])
        for row in rows:
            writer.writerow([row["student"], row["score"], row["max_score"]]
                            + [row["tests"].get(n, 0) for n in test_names] + [row["note"]])
    print(f"autograde: {len(rows)} submissions; table in {os.path.join(args.out, 'scores.csv')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
