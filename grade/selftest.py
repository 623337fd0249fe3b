#!/usr/bin/env python3
"""selftest.py - the kit's self-test ('make test'): proves the kit works.

For every lab present (labN-*/lab.mk):
  - the complete system (SOL=1) builds and its grader gives full marks;
  - the student handout builds, boots, and every test that depends on a
    hole fails there;
  - each hole, opened alone in an otherwise complete system, makes every
    test that names it fail (so no hole goes unchecked by the grader).
Then, once: the host unit tests (grade/ and common/tools/), the skeletons
are in sync with their solutions, the kernel is within its line budget, the
autograder gives each submission of a hostile corpus (grade/hostile.py) its
verdict without anything outside its results changing, and the Gradescope
package grades a submission.

It ends with one line "selftest: N passed, M failed" and exits 1 on any
failure. Options: --labs 1,2 (only those labs), --quick (skip the per-hole
runs), -j N (parallel grading jobs).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join("build", "selftest")
sys.path.insert(0, os.path.join(ROOT, "common", "tools"))
import skelgen  # noqa: E402
sys.path.insert(0, os.path.join(ROOT, "grade"))
import guest  # noqa: E402
import hostile  # noqa: E402
import sandbox  # noqa: E402


class Checks:
    """Counts and reports the checks the self-test makes."""

    def __init__(self) -> None:
        self.passed = 0
        self.failed: list[str] = []

    def record(self, name: str, ok: bool, detail: str = "") -> bool:
        print(f"{'PASS' if ok else 'FAIL'}  {name}", flush=True)
        if detail and not ok:
            print("      " + detail.strip().replace("\n", "\n      "), flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed.append(name)
        return ok


def run(command: list[str], cwd: str = ROOT, timeout: int = 900) -> tuple[int, str]:
    """Run a command; return its status and combined output."""
    try:
        done = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as expired:
        return 124, f"timed out after {timeout} s: {' '.join(command)}\n{expired.output or ''}"
    return done.returncode, done.stdout


def tail(text: str, lines: int = 25) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def labs_present(root: str = ROOT) -> list[tuple[int, str]]:
    """(number, directory) of each lab with a lab.mk, in order."""
    found = []
    for name in sorted(os.listdir(root)):
        if name.startswith("lab") and os.path.isfile(os.path.join(root, name, "lab.mk")):
            found.append((int(name[3]), name))
    return found


def build(lab: int, out: str, cwd: str = ROOT, **variables: str) -> tuple[bool, str]:
    """make the disk image of lab into out; variables are make variables."""
    settings = [f"{key}={value}" for key, value in variables.items()]
    status, output = run(["make", "-j2", f"LAB={lab}", f"O={out}"] + settings, cwd=cwd)
    return status == 0, output


def grade(lab: int, build_dir: str, jobs: int, cwd: str = ROOT,
          tests: list[str] | None = None) -> tuple[dict | None, str]:
    """Run lab's grader on a build; return its results.json and its output."""
    result_file = os.path.join(ROOT, WORK, f"results-{os.path.basename(build_dir)}.json")
    if os.path.exists(result_file):
        os.remove(result_file)
    command = [sys.executable, f"grade/lab{lab}.py", "--build", build_dir,
               "-j", str(jobs), "--json", result_file] + (tests or [])
    status, output = run(command, cwd=cwd)
    try:
        with open(result_file, encoding="utf-8") as f:
            return json.load(f), output
    except (OSError, ValueError):
        return None, output


def test_holes(result: dict) -> dict[str, list[str]]:
    """Test name -> the holes it depends on, from a results.json."""
    return {t["name"]: t.get("extra_data", {}).get("holes", []) for t in result["tests"]}


def failed_tests(result: dict) -> set[str]:
    return {t["name"] for t in result["tests"] if t["score"] < t["max_score"]}


def check_unit_tests(checks: Checks, lab1_build: str | None) -> None:
    """The host unit tests of the tools and of the grading library."""
    for directory in ("common/tools", "grade"):
        env = dict(os.environ)
        if lab1_build:
            env["CAIRN_BUILD"] = lab1_build
        done = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", directory,
                               "-p", "test_*.py"], cwd=ROOT, env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        summary = done.stdout.strip().splitlines()[-3:] if done.stdout.strip() else []
        checks.record(f"unit tests in {directory}/ ({' '.join(summary[:1])})",
                      done.returncode == 0, tail(done.stdout, 40))


def check_lab_solution(checks: Checks, lab: int, jobs: int) -> str | None:
    """The complete system of lab builds and scores full marks."""
    out = os.path.join(WORK, f"lab{lab}-sol")
    ok, output = build(lab, out, SOL="1")
    if not checks.record(f"lab {lab}: the solution builds", ok, tail(output)):
        return None
    result, output = grade(lab, out, jobs)
    full = result is not None and result["score"] == sum(t["max_score"] for t in result["tests"])
    score = f"{result['score']}/{sum(t['max_score'] for t in result['tests'])}" if result else "?"
    checks.record(f"lab {lab}: the solution scores full marks ({score})", full, tail(output, 60))
    return out if full else None


def check_lab_handout(checks: Checks, lab: int, handout: str, jobs: int,
                      holes: dict[str, list[str]]) -> None:
    """The student tree builds, boots, and fails every hole-dependent test."""
    out = os.path.join("build", f"selftest-lab{lab}")
    ok, output = build(lab, out, cwd=handout)
    if not checks.record(f"lab {lab}: the handout builds", ok, tail(output)):
        return
    result, output = grade(lab, out, jobs, cwd=handout)
    if not checks.record(f"lab {lab}: the handout boots and is graded", result is not None,
                         tail(output)):
        return
    failing = failed_tests(result)
    graded = {t["name"] for t in result["tests"]}     # hidden tests are not in the handout
    should_fail = {name for name, needs in holes.items() if needs and name in graded}
    passing_wrongly = sorted(should_fail - failing)
    checks.record(f"lab {lab}: the handout fails all {len(should_fail)} hole-dependent tests",
                  not passing_wrongly and bool(failing),
                  f"these passed on the handout: {passing_wrongly}\n" + tail(output))


def check_each_hole(checks: Checks, lab: int, jobs: int,
                    holes: dict[str, list[str]]) -> None:
    """Open one hole at a time; every test naming it must fail."""
    hole_ids = sorted({h["id"] for h in skelgen.holes_table(skelgen.solution_files())
                       if h["lab"] == lab})
    for hole in hole_ids:
        tests = sorted(name for name, needs in holes.items() if hole in needs)
        if not checks.record(f"lab {lab}: hole {hole} is checked by a test", bool(tests),
                             "no test names this hole"):
            continue
        overlay = os.path.join(ROOT, WORK, "open", hole.replace(":", "-"))
        shutil.rmtree(overlay, ignore_errors=True)
        status, output = run([sys.executable, "common/tools/skelgen.py", "--open", hole,
                              "--out", overlay])
        out = os.path.join(WORK, f"lab{lab}-open-{hole.replace(':', '-')}")
        ok, build_output = build(lab, out, SOL="1", OVERLAY=overlay)
        if status != 0 or not ok:
            checks.record(f"lab {lab}: hole {hole} opened alone builds", False,
                          tail(output + build_output))
            continue
        result, output = grade(lab, out, jobs, tests=tests)
        survivors = sorted(set(tests) - failed_tests(result)) if result else tests
        checks.record(f"lab {lab}: opening {hole} alone fails {', '.join(tests)}",
                      result is not None and not survivors,
                      f"still passing: {survivors}\n" + tail(output))


def make_corpus(base: str, lab: int) -> tuple[hostile.Corpus, dict[int, str]]:
    """The hostile corpus (hostile.py): a folder of submissions per batch."""
    trees = {}
    for kind, release in (("untouched", ""), ("solved", ",".join(map(str, range(1, lab + 1))))):
        trees[kind] = os.path.join(base, "trees", kind)
        run([sys.executable, "common/tools/handout.py", trees[kind],
             "--release-solutions", release])
    batches = {lab: os.path.join(base, f"lab{lab}"), 1: os.path.join(base, "lab1")}
    corpus = hostile.Corpus(solved=trees["solved"], marker=os.path.join(base, "escaped"))
    for case in hostile.CASES:
        tree = os.path.join(batches[case.lab or lab], case.name)
        shutil.copytree(trees[case.base], tree, symlinks=True)
        case.make(tree, corpus)
    return corpus, batches


def read_verdict(out: str, name: str) -> hostile.Verdict:
    """What the autograder left in OUT/name (empty parts where it left nothing)."""
    parts = []
    for file in ("row.json", "results.json", "log.txt"):
        try:
            with open(os.path.join(out, name, file), encoding="utf-8", errors="replace") as f:
                parts.append(f.read())
        except OSError:
            parts.append("")
    try:
        row = json.loads(parts[0])
    except ValueError:
        row = {"score": 0, "max_score": 0, "tests": {}, "note": "no row.json"}
    return hostile.Verdict(row, parts[1], parts[2])


def check_autograder(checks: Checks, lab: int, jobs: int) -> None:
    """Grade the hostile corpus: each submission gets its verdict, nothing
    outside its own results changes, no process outlives the batch."""
    base = os.path.join(ROOT, WORK, "autograde")
    shutil.rmtree(base, ignore_errors=True)
    corpus, batches = make_corpus(base, lab)
    problem = sandbox.problem()
    checks.record("the autograder's sandbox runs here", problem is None,
                  f"{problem}\n(the corpus is graded with --no-sandbox instead)")
    # The batch's temporary folders, in one place every sandbox user can reach.
    scratch = tempfile.mkdtemp(prefix="cairn-selftest-")
    os.chmod(scratch, 0o755)
    environment = dict(os.environ, TMPDIR=scratch)
    kit_before = hostile.tree_hash(ROOT, skip=("build", ".git"))
    outputs = {batch_lab: os.path.join(base, f"out-lab{batch_lab}") for batch_lab in batches}
    others = tuple(os.path.basename(out) for out in outputs.values())
    submissions_before = hostile.tree_hash(base, skip=others)
    for batch_lab, folder in sorted(batches.items(), reverse=True):
        out = outputs[batch_lab]
        command = [sys.executable, "grade/autograde.py", "--lab", str(batch_lab), folder, out,
                   "-j", str(jobs)]
        if batch_lab != lab:
            command += ["--build-timeout", str(hostile.BUILD_TIMEOUT_ENDLESS)]
        if problem:
            command.append("--no-sandbox")
        done = subprocess.run(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=1200)
        checks.record(f"autograder: the lab {batch_lab} batch of hostile submissions finishes",
                      done.returncode == 0, tail(done.stdout))
    verdicts = {case.name: read_verdict(outputs[case.lab or lab], case.name)
                for case in hostile.CASES}
    for case in hostile.CASES:
        why = case.check(verdicts[case.name], verdicts, corpus)
        verdict = verdicts[case.name].row
        checks.record(f"autograder: {case.name} (lab {case.lab or lab}) gets its verdict "
                      f"({verdict['score']}/{verdict['max_score']} {verdict['note']})".rstrip(),
                      why is None, why or "")
    table = {}
    for out in outputs.values():
        with open(os.path.join(out, "scores.csv"), encoding="utf-8") as f:
            table.update({row["student"]: row for row in csv.DictReader(f)})
    mismatched = [name for name, v in verdicts.items()
                  if table.get(name, {}).get("score") != str(v.row["score"])]
    checks.record("autograder: scores.csv agrees with every results.json", not mismatched,
                  f"differ: {mismatched}")
    changed = []
    if hostile.tree_hash(ROOT, skip=("build", ".git")) != kit_before:
        changed.append("the kit")
    if hostile.tree_hash(base, skip=others) != submissions_before:
        changed.append("the submissions")
    checks.record("autograder: the kit and the submissions are unchanged (by hash)",
                  not changed, f"changed: {changed}")
    left = hostile.processes_mentioning(scratch)
    checks.record("autograder: no process outlives the batch", not left, "\n".join(left[:10]))
    shutil.rmtree(scratch, ignore_errors=True)
    check_gradescope(checks, lab, corpus.solved, base)


def check_gradescope(checks: Checks, lab: int, submission: str, base: str) -> None:
    """make gradescope's zip, unpacked as Gradescope would, grades a
    submission (handed in one folder down) into a valid results.json."""
    top = os.path.join(base, "gradescope", "autograder")
    status, output = run(["make", "-s", "gradescope", f"LAB={lab}",
                          f"GRADESCOPE_ZIP={os.path.join(base, 'gradescope.zip')}"])
    if not checks.record(f"make gradescope LAB={lab} writes the zip", status == 0, output):
        return
    with zipfile.ZipFile(os.path.join(base, "gradescope.zip")) as package:
        package.extractall(os.path.join(top, "source"))
        for entry in package.infolist():    # zipfile drops the modes; Gradescope does not
            os.chmod(os.path.join(top, "source", entry.filename), entry.external_attr >> 16 or
                     0o644)
    shutil.copytree(submission, os.path.join(top, "submission", "cairn"), symlinks=True)
    done = subprocess.run(["sh", os.path.join(top, "source", "run_autograder")],
                          cwd=os.path.join(top, "source"), env=dict(os.environ, AUTOGRADER_ROOT=top),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=900)
    output = done.stdout
    problem = None
    try:
        with open(os.path.join(top, "results", "results.json"), encoding="utf-8") as f:
            report = json.load(f)
        tests = report["tests"]
        problem = gradescope_problem(report, tests)
    except (OSError, ValueError, KeyError, TypeError) as error:
        problem = f"no valid results.json: {error!r}"
    checks.record("Gradescope's run_autograder grades a submission into results.json",
                  problem is None, (problem or "") + "\n" + tail(output))


def gradescope_problem(report: dict, tests: list[dict]) -> str | None:
    """What is wrong with a results.json of a solved submission, or None."""
    if not tests or any(set(t) < {"name", "score", "max_score"} for t in tests):
        return "tests without name, score and max_score"
    if report["score"] != sum(t["score"] for t in tests):
        return "the score is not the sum of the tests"
    if report["score"] != sum(t["max_score"] for t in tests):
        return f"the solution scored {report['score']}, not full marks"
    hidden = [t for t in tests if t["name"].startswith("hidden_")]
    if not hidden or any(t.get("visibility") != "after_published" for t in hidden):
        return "hidden tests without visibility after_published"
    return None


def check_scratch_driver(checks: Checks, lab: int) -> None:
    """A driver added only as new files (grade/fixtures/scratch-lab, copied
    into the next lab's folder of a solved handout) is built on the driver
    library, registers its major and answers through /dev."""
    names = ["lab1-boot", "lab2-ipc", "lab3-servers", "lab4-drivers", "lab5-recovery"]
    if lab < 3 or lab >= len(names):
        return                  # no servers yet, or no free lab folder left
    tree = os.path.join(ROOT, WORK, "scratch")
    run([sys.executable, "common/tools/handout.py", tree, "--force",
         "--release-solutions", ",".join(str(n) for n in range(1, lab + 1))])
    shutil.copytree(os.path.join(ROOT, "grade", "fixtures", "scratch-lab"),
                    os.path.join(tree, names[lab]), dirs_exist_ok=True)
    ok, output = build(lab + 1, os.path.join("build", "scratch"), cwd=tree)
    if not checks.record("a scratch lab's driver builds from new files only", ok, tail(output)):
        return
    word = f"granite{random.randint(100, 999)}"
    machine = guest.Run(os.path.join(tree, "build", "scratch"), tempfile.mkdtemp(),
                        random.Random(0))
    try:
        machine.boot(params={"run": f"echo {word} > /dev/mirror && cat /dev/mirror"})
        code = machine.wait_exit(timeout=30)
        shown = machine.output[machine.boot_start:]
        problem = None if code == 0 and f"\n{word}\n" in shown else f"exit code {code}"
    except guest.TestFailure as failure:
        problem, shown = str(failure), machine.output
    finally:
        machine.stop()
        shutil.rmtree(machine.workdir, ignore_errors=True)
    checks.record("the scratch driver answers through /dev (driver library, DS major)",
                  problem is None, f"{problem}\n{tail(shown)}")


def check_line_budget(checks: Checks, lab: int) -> None:
    status, output = run(["make", "-s", "lines", f"LAB={lab}", "SOL=1"])
    checks.record(f"kernel line budget, labs 1-{lab}: {output.strip().splitlines()[-1:]}",
                  status == 0, output)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="the kit's self-test")
    parser.add_argument("--labs", help="comma-separated lab numbers (default: all present)")
    parser.add_argument("--quick", action="store_true", help="skip the per-hole runs")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    started = time.monotonic()
    checks = Checks()
    os.makedirs(WORK, exist_ok=True)

    labs = labs_present()
    if args.labs:
        wanted = {int(n) for n in args.labs.split(",")}
        labs = [(n, d) for n, d in labs if n in wanted]
    if not labs:
        print("selftest: no lab found", file=sys.stderr)
        return 2

    status, output = run([sys.executable, "common/tools/skelgen.py", "--check"])
    checks.record("skeletons are in sync with solutions-private/", status == 0, output)
    check_line_budget(checks, labs[-1][0])

    handout = os.path.join(ROOT, WORK, "handout")
    status, output = run([sys.executable, "common/tools/handout.py", handout, "--force"])
    have_handout = checks.record("the handout is written", status == 0, output)
    if have_handout:
        leaked = [p for p in ("solutions-private",) if os.path.exists(os.path.join(handout, p))]
        checks.record("the handout holds no solutions", not leaked, f"found {leaked}")

    lab1_build = None
    for lab, directory in labs:
        solution = check_lab_solution(checks, lab, args.jobs)
        if lab == 1:
            lab1_build = solution
        if solution is None:
            continue
        with open(os.path.join(ROOT, WORK, f"results-{os.path.basename(solution)}.json"),
                  encoding="utf-8") as f:
            holes = test_holes(json.load(f))
        if have_handout:
            check_lab_handout(checks, lab, handout, args.jobs, holes)
        if not args.quick:
            check_each_hole(checks, lab, args.jobs, holes)

    if have_handout:
        check_scratch_driver(checks, labs[-1][0])
        check_autograder(checks, labs[-1][0], args.jobs)
    check_unit_tests(checks, lab1_build)

    minutes = (time.monotonic() - started) / 60
    print(f"\nselftest finished in {minutes:.1f} min")
    for name in checks.failed:
        print(f"  failed: {name}")
    print(f"selftest: {checks.passed} passed, {len(checks.failed)} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
