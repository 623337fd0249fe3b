"""gradelib.py - what every lab grader (grade/labN.py) is built from.

A grader is a list of tests. Each test is a few lines that say what the
console must show; this library does the rest:

    @test(20, holes=["lab1:page"])
    def test_memory(run: Run) -> None:
        run.boot(memory=48)
        run.expect("page_check: ok")

    if __name__ == "__main__":
        sys.exit(main(lab=1))

The library is three modules a reader can hold one at a time, joined by
this one:
    registry.py   test(), Test, TestFailure, fail(): what a grader declares
    guest.py      Run: QEMU, Bochs and gdb, the console, the guest clock
    report.py     the verdict: failure reports, results.json
    gradelib.py   runs the tests in parallel; the graders' command line

Entry points for graders:
    test(points, holes, timeout, name)   register a test function
    Run                                  what a test drives: boot, expect,
                                         type, command, wait_exit, bochs,
                                         gdb_batch, output, rand
    TestFailure, fail()                  how a test says it failed
    kernel_symbols(), function_range()   the kernel's symbol table (nm)
    host_tool(argv, readable)            run a host tool on what a guest or a
                                         build made (fsck.minix ...)
    main(lab)                            the command line

A grader imports what it needs from here; gradelib re-exports those names.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import importlib
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
from typing import Callable, Optional

import guest
import sandbox
from guest import (PROMPT, QEMU, Run, function_range, hand_over, host_tool,  # noqa: F401
                   import_tool, kernel_symbols, kill_live_processes, MISSING_TOOLS, ROOT)
from registry import TESTS, Test, TestFailure, fail, test  # noqa: F401
from report import (Result, Settings, failure_report, load_hole_table,  # noqa: F401
                    print_result, results_json, test_random)


# ---- running the tests ----

def run_test(test_case: Test, settings: Settings, holes: dict[str, list[dict]]) -> Result:
    """Run one test in its own directory and say how it went."""
    workdir = tempfile.mkdtemp(prefix=f"cairn-{test_case.name}-")
    hand_over(workdir)
    run = Run(settings.build, workdir, test_random(settings.seed, test_case.name),
              timeout=test_case.timeout, gdb_port=settings.gdb_port,
              echo=settings.gdb_port is not None)
    started = time.monotonic()
    passed, message = False, ""
    try:
        test_case.function(run)
        passed = True
    except TestFailure as failure:
        message = str(failure)
    except Exception:                                           # a bug in the grader
        message = "the grader itself failed:\n" + traceback.format_exc()
    finally:
        try:
            run.stop()
        except Exception:                                       # never a crash of the grader
            message = message or "the grader could not stop QEMU:\n" + traceback.format_exc()
            passed = False
        shutil.rmtree(workdir, ignore_errors=True)
    if passed:
        return Result(test_case, True, time.monotonic() - started, console=run.output)
    try:
        report = failure_report(message, run, test_case, settings, holes)
    except Exception:
        report = message.splitlines() + ["(the failure report itself failed: "
                                          + traceback.format_exc().splitlines()[-1] + ")"]
    return Result(test_case, False, time.monotonic() - started, report, run.output)


def run_tests(tests: list[Test], settings: Settings, holes: dict[str, list[dict]],
              show: Callable[[Result], None]) -> list[Result]:
    """Run tests in parallel; show each result in the order of the list."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, settings.jobs)) as pool:
        futures = [pool.submit(run_test, t, settings, holes) for t in tests]
        results = []
        try:
            for future in futures:
                results.append(future.result())
                show(results[-1])
        except KeyboardInterrupt:
            for future in futures:
                future.cancel()
            kill_live_processes()       # the running tests then fail at once
            raise
    return results



# ---- the command line ----

def parse_arguments(argv: list[str], lab: int) -> argparse.Namespace:
    """The grader's options; exits with status 2 on a usage error."""
    parser = argparse.ArgumentParser(
        prog=f"lab{lab}.py", description=f"Grade lab {lab}: boots the build once per test.")
    parser.add_argument("--build", metavar="DIR",
                        help="the build directory, holding disk.img and kernel")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="tests run at once (default: the number of CPUs)")
    parser.add_argument("--json", metavar="FILE", help="write Gradescope's results.json here")
    parser.add_argument("--seed", type=int, help="seed of the random inputs (default: random)")
    parser.add_argument("--list", action="store_true", help="list the tests and stop")
    parser.add_argument("--gdb", metavar="TEST",
                        help="run TEST alone with QEMU stopped, waiting for 'make gdb'")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="show the console of passing tests too")
    parser.add_argument("--sandbox", action="store_true",
                        help="run QEMU, Bochs, gdb and the binutils in a sandbox that sees "
                             "only the build (the autograder uses this)")
    parser.add_argument("--sandbox-slot", type=int, default=0, metavar="N",
                        help="with --sandbox as root: the grading slot, which picks the "
                             "sandbox's user")
    parser.add_argument("--show-build", metavar="DIR",
                        help="the build directory that rerun commands name (default: --build)")
    parser.add_argument("tests", nargs="*", metavar="TEST", help="run only these tests")
    args = parser.parse_args(argv)
    if not args.list and not args.build:
        parser.error("--build DIR is required")
    if args.jobs < 1:
        parser.error("-j needs at least 1")
    return args


def select_tests(names: list[str], registered: list[Test]) -> list[Test]:
    """The tests named (all if none), in registry order; ValueError on an unknown name."""
    known = {t.name for t in registered}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"unknown test {', '.join(unknown)}; the tests are: "
                         + " ".join(t.name for t in registered))
    return [t for t in registered if not names or t.name in names]


def gdb_session_port(build: str) -> int:
    """A gdb port for --gdb, written where 'make gdb O=BUILD' looks for it."""
    gdbport, gdbinit = import_tool("gdbport"), import_tool("gdbinit")
    port = gdbport.free_port(gdbport.user_base_port())
    with open(os.path.join(build, "gdbinit"), "w", encoding="utf-8") as f:
        f.write(gdbinit.gdbinit(build, port))
    with open(os.path.join(build, "gdbport"), "w", encoding="utf-8") as f:
        f.write(f"{port}\n")
    return port


def setup_problem(build: str, lab: int) -> Optional[str]:
    """Why grading cannot start (missing image, QEMU or tools), or None."""
    if not os.path.isfile(os.path.join(build, "disk.img")):
        return f"{os.path.join(build, 'disk.img')} does not exist: build first: make LAB={lab}"
    if shutil.which(QEMU) is None:
        return MISSING_TOOLS["qemu"]
    for tool in ("mkimage", "bochsrc", "gdbinit", "gdbport"):
        try:
            import_tool(tool)
        except ImportError:
            return f"common/tools/{tool}.py is missing: the kit is incomplete"
    return None


def load_hidden_tests(lab: int) -> None:
    """Register the instructor's hidden tests of lab, when the kit has them.

    grade/hidden_labN.py is left out of the student handout (handout.py);
    importing it registers its tests like the grader's own.
    """
    if os.path.exists(os.path.join(ROOT, "grade", f"hidden_lab{lab}.py")):
        importlib.import_module(f"hidden_lab{lab}")


def hidden_points_problem(lab: int, hidden_points: int) -> Optional[str]:
    """Why the hidden tests loaded disagree with what the grader declares,
    or None. (Without grade/hidden_labN.py, as in a student's tree, nothing
    can be checked.)"""
    if not os.path.exists(os.path.join(ROOT, "grade", f"hidden_lab{lab}.py")):
        return None
    loaded = sum(t.points for t in TESTS if t.hidden)
    if loaded != hidden_points:
        return (f"grade/hidden_lab{lab}.py's tests are worth {loaded} points, but "
                f"grade/lab{lab}.py declares hidden_points={hidden_points}: make them agree, "
                "so students' scores say what the autograder adds")
    return None


def main(lab: int, argv: Optional[list[str]] = None, hidden_points: int = 0) -> int:
    """The grader's command line; returns the exit status.

    lab.py --build DIR [-j N] [--json FILE] [--seed N] [--list] [--gdb TEST]
           [-v] [TEST ...]
    hidden_points: what the instructor's hidden tests (grade/hidden_labN.py,
    not in the handout) are worth, so a student's score can say that the
    autograder's maximum is higher.
    Exit status: 0 on full marks, 1 otherwise, 2 on a usage or setup error.
    """
    args = parse_arguments(sys.argv[1:] if argv is None else argv, lab)
    load_hidden_tests(lab)
    problem = hidden_points_problem(lab, hidden_points)
    if problem:
        print(f"lab{lab}.py: {problem}", file=sys.stderr)
        return 2
    if args.list:
        for t in TESTS:
            print(f"{t.name:12} {t.points:3} points  holes: {', '.join(t.holes) or '-'}"
                  + ("  (hidden)" if t.hidden else ""))
        return 0
    try:
        tests = select_tests([args.gdb] if args.gdb else args.tests, TESTS)
    except ValueError as error:
        print(f"lab{lab}.py: {error}", file=sys.stderr)
        return 2
    problem = setup_problem(args.build, lab)
    if problem is None and args.sandbox:
        problem = sandbox.problem()
    if problem:
        print(f"lab{lab}.py: {problem}", file=sys.stderr)
        return 2
    if args.sandbox:
        guest.SANDBOX = sandbox.Sandbox(readable=[], writable=[], slot=args.sandbox_slot)

    settings = Settings(build=os.path.abspath(args.build) if args.sandbox else args.build,
                        seed=args.seed if args.seed is not None else random.randrange(1, 100000),
                        jobs=1 if args.gdb else args.jobs,
                        script=(f"grade/lab{lab}.py" if args.show_build else
                                os.path.relpath(os.path.join(ROOT, "grade", f"lab{lab}.py"))),
                        shown_build=args.show_build or "")
    if args.gdb:
        settings.gdb_port = gdb_session_port(args.build)
    # A grader killed from outside (a timeout) still stops its QEMUs, at exit.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    try:
        results = run_tests(tests, settings, load_hole_table(),
                            lambda r: print_result(r, args.verbose, bool(args.gdb)))
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 2
    score = sum(r.score for r in results)
    possible = sum(t.points for t in tests)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results_json(results), f, indent=1)
            f.write("\n")
    hidden_loaded = any(t.hidden for t in TESTS)
    print(f"Score: {score}/{possible}" + (
        f" (the autograder also runs hidden tests worth {hidden_points} points: "
        f"its maximum is {possible + hidden_points})"
        if hidden_points and not hidden_loaded and not args.tests and not args.gdb else ""))
    return 0 if score == possible else 1
