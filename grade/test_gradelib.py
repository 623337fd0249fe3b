"""test_gradelib.py - unit tests of the grading library and the lab-1 checks.

    python3 -m unittest discover -s grade -p 'test_*.py'

The pure parts are tested everywhere. The end-to-end tests boot a real
build and run only when CAIRN_BUILD names one (a lab-1 build directory, as
'make test' passes it): a hanging guest times out in bounded wall time, a
triple fault is reported as a reset, and so on.
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gradelib  # noqa: E402
import guest  # noqa: E402
import registry  # noqa: E402
import report  # noqa: E402
import lab1  # noqa: E402
from guest import Deadline  # noqa: E402
from registry import TestFailure  # noqa: E402

GRADER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lab1.py")
BUILD = os.environ.get("CAIRN_BUILD")


class GuestTimeTest(unittest.TestCase):
    def test_struct_tm_to_seconds(self):
        start = {"tm_year": 100, "tm_mon": 0, "tm_mday": 1,
                 "tm_hour": 0, "tm_min": 0, "tm_sec": 0}
        self.assertEqual(guest.tm_to_seconds(start), 946684800)
        later = dict(start, tm_min=1, tm_sec=1)
        self.assertEqual(guest.tm_to_seconds(later) - guest.tm_to_seconds(start), 61)

    def test_guest_budget_needs_minimum_wall_time(self):
        deadline = Deadline(guest_budget=10, wall_backstop=30, wall_start=100.0)
        self.assertIsNone(deadline.expired(1000, 100.0))        # first reading: the start
        wall_floor = 100.0 + guest.MINIMUM_WALL
        self.assertIsNone(deadline.expired(1050, wall_floor - 0.5))  # guest over, wall under
        reason = deadline.expired(1050, wall_floor + 0.5)
        self.assertIn("guest time", reason)
        self.assertIn("50 s", reason)

    def test_within_guest_budget_runs_on(self):
        deadline = Deadline(guest_budget=10, wall_backstop=30, wall_start=0.0)
        deadline.expired(500, 0.0)
        self.assertIsNone(deadline.expired(510, 20.0))          # exactly the budget

    def test_wall_backstop_catches_a_stopped_clock(self):
        deadline = Deadline(guest_budget=10, wall_backstop=30, wall_start=0.0)
        deadline.expired(500, 0.0)
        self.assertIsNone(deadline.expired(500, 29.0))
        reason = deadline.expired(500, 30.0)
        self.assertIn("wall time", reason)
        self.assertIn("interrupts off", reason)

    def test_unreadable_clock_leaves_only_the_backstop(self):
        deadline = Deadline(guest_budget=1, wall_backstop=5, wall_start=0.0)
        self.assertIsNone(deadline.expired(None, 4.0))
        self.assertIn("wall time", deadline.expired(None, 5.0))

    def test_no_backstop_while_debugging(self):
        deadline = Deadline(guest_budget=10, wall_backstop=None, wall_start=0.0)
        deadline.expired(0, 0.0)
        self.assertIsNone(deadline.expired(0, 10000.0))
        self.assertIsNotNone(deadline.expired(11, 10001.0))

    def test_backstop_scales_with_long_timeouts(self):
        self.assertEqual(guest.wall_backstop_for(5), guest.WALL_BACKSTOP)
        self.assertEqual(guest.wall_backstop_for(120), 120.0)


class ExitStatusTest(unittest.TestCase):
    def test_debug_exit_codes(self):
        self.assertEqual(guest.guest_exit_code(7), 3)
        self.assertEqual(guest.guest_exit_code(1), 0)
        self.assertIsNone(guest.guest_exit_code(0))
        self.assertIsNone(guest.guest_exit_code(-9))
        self.assertEqual(guest.describe_exit(7), "the guest exited with code 3")

    def test_reset_and_signals(self):
        self.assertEqual(guest.describe_exit(0), "the machine reset (triple fault?)")
        self.assertIn("signal 9", guest.describe_exit(-9))

    def test_qemu_own_error(self):
        stderr = "qemu-system-i386: -drive file=x: Could not open 'x'\n"
        self.assertIn("QEMU failed", guest.describe_exit(1, stderr))
        warning = "qemu-system-i386: warning: host doesn't support requested feature\n"
        self.assertEqual(guest.describe_exit(1, warning), "the guest exited with code 0")


class PrintfExpectationTest(unittest.TestCase):
    def test_the_handout_example(self):
        self.assertEqual(lab1.expected_p_line(-42),
                         "p: -42 4294967254 ffffffd6 FFFFFFD6 37777777726 "
                         "[     -42] [-42     ] [ffffffd6] [   ab]")

    def test_positive_and_wide(self):
        self.assertEqual(lab1.expected_p_line(0x12345678),
                         "p: 305419896 305419896 12345678 12345678 2215053170 "
                         "[305419896] [305419896] [12345678] [   ab]")
        self.assertEqual(lab1.expected_p_line(0),
                         "p: 0 0 0 0 0 [       0] [0       ] [00000000] [   ab]")

    def test_values_are_32_bit(self):
        self.assertEqual(lab1.expected_p_line(0xffffffff), lab1.expected_p_line(-1))
        self.assertTrue(lab1.expected_p_line(-2**31).startswith("p: -2147483648 2147483648 "))

    def test_random_values_cover_the_cases(self):
        for seed in range(50):
            negative, wide, small = lab1.printf_values(random.Random(seed))
            self.assertLess(negative, 0)
            self.assertEqual(len(f"{wide:x}"), 8)
            self.assertLess(len(str(small)), 8)
        self.assertEqual(lab1.printf_values(random.Random(3)), lab1.printf_values(random.Random(3)))

    def test_check_names_the_wrong_conversion(self):
        self.assertIsNone(lab1.check_p_line(-42, "p -42\n" + lab1.expected_p_line(-42) + "\n"))
        wrong = lab1.expected_p_line(-42).replace("[     -42]", "[-42]")
        problem = lab1.check_p_line(-42, wrong + "\n")
        self.assertIn("[%8d]", problem)
        self.assertIn("expected:", problem)
        self.assertIn("no line", lab1.check_p_line(5, "unknown command\n"))


class MemoryExpectationTest(unittest.TestCase):
    QEMU_32_MIB = [lab1.Region(0x0, 0x9fc00, "usable"),
                   lab1.Region(0x9fc00, 0xa0000, "reserved"),
                   lab1.Region(0xf0000, 0x100000, "reserved"),
                   lab1.Region(0x100000, 0x1fe0000, "usable"),
                   lab1.Region(0x1fe0000, 0x2000000, "reserved"),
                   lab1.Region(0xfffc0000, 0x100000000, "reserved")]

    def test_pages_from_first_free(self):
        first_free = 0x150000
        expected = (0x1fe0000 - 0x150000) // 4096
        self.assertEqual(lab1.expected_free_pages(self.QEMU_32_MIB, first_free), expected)

    def test_partial_pages_and_the_map_limit(self):
        regions = [lab1.Region(0x100800, 0x103800, "usable"),     # whole pages 0x101000-0x103000
                   lab1.Region(0x2ffff000, 0x40000000, "usable"),  # one page below the limit
                   lab1.Region(0x200000, 0x300000, "acpi")]
        self.assertEqual(lab1.expected_free_pages(regions, 0x100000), 2 + 1)

    def test_parse_memory_map(self):
        text = ("memory: 0x00000000-0x0009fc00 usable\n"
                "memory: 0x000f0000-0x00100000 reserved\n"
                "memory: 0x00000000fffc0000-0x0000000100000000 reserved\n")
        regions = lab1.parse_memory_map(text)
        self.assertEqual(len(regions), 3)
        self.assertEqual(regions[2], lab1.Region(0xfffc0000, 0x100000000, "reserved"))

    def test_check_memory(self):
        first_free = 0x150000
        free = lab1.expected_free_pages(self.QEMU_32_MIB, first_free)
        self.assertIsNone(lab1.check_memory(32, self.QEMU_32_MIB, free, free * 4, first_free))
        self.assertIn("give", lab1.check_memory(32, self.QEMU_32_MIB, free - 1,
                                                (free - 1) * 4, first_free))
        self.assertIn("KiB", lab1.check_memory(32, self.QEMU_32_MIB, free, free, first_free))
        self.assertIn("given 48 MiB", lab1.check_memory(48, self.QEMU_32_MIB, free,
                                                        free * 4, first_free))
        self.assertIn("no 'memory:", lab1.check_memory(32, [], 1, 4, first_free))


class BacktraceCheckTest(unittest.TestCase):
    RECURSE = (0xc0101000, 0xc0101040)

    def frames(self, depth):
        frames = [lab1.Frame(0xc0117f00 + 0x20 * i, 0xc0101023, "trace_recurse", 0x23)
                  for i in range(depth + 1)]
        frames.append(lab1.Frame(0xc0117f00 + 0x20 * (depth + 1), 0xc0102010,
                                 "monitor_execute", 0x40))
        frames.append(lab1.Frame(0xc0117ff0, 0xc0102110, "kernel_main", 0x80))
        return frames

    def test_good_chain(self):
        self.assertIsNone(lab1.check_frames(4, self.frames(4), self.RECURSE))

    def test_wrong_depth(self):
        self.assertIn("5 trace_recurse", lab1.check_frames(4, self.frames(3), self.RECURSE))

    def test_ebp_must_increase(self):
        frames = self.frames(3)
        frames[2].ebp = frames[1].ebp
        self.assertIn("not above", lab1.check_frames(3, frames, self.RECURSE))

    def test_eip_inside_trace_recurse(self):
        frames = self.frames(3)
        frames[1].eip = 0xc0101040
        self.assertIn("not inside", lab1.check_frames(3, frames, self.RECURSE))

    def test_chain_reaches_the_monitor(self):
        self.assertIn("monitor_run", lab1.check_frames(3, self.frames(3)[:-1], self.RECURSE))

    def test_parse_frames(self):
        text = ("trace 1\nbacktrace:\n"
                "  ebp 0xc0117f48  eip 0xc0101c2b  trace_recurse+0x1b\n"
                "  ebp 0xc0117f68  eip 0xc0101c23  trace_recurse+0x13\n")
        frames = lab1.parse_frames(text)
        self.assertEqual([f.offset for f in frames], [0x1b, 0x13])
        self.assertEqual(frames[0].ebp, 0xc0117f48)
        self.assertEqual(lab1.parse_frames("no trace here"), [])


class RegistryAndReportTest(unittest.TestCase):
    def test_lab1_points_sum_to_100(self):
        self.assertEqual(sum(t.points for t in registry.TESTS), 100)
        for t in registry.TESTS:
            self.assertTrue(t.holes, t.name)
            self.assertTrue(all(re.fullmatch(r"lab1:[a-z]+", h) for h in t.holes), t.holes)

    def test_register_and_refuse_duplicates(self):
        saved = list(registry.TESTS)
        try:
            @registry.test(3, holes=["lab9:x"], timeout=7)
            def test_example(run):
                pass
            added = registry.TESTS[-1]
            self.assertEqual((added.name, added.points, added.holes, added.timeout),
                             ("example", 3, ["lab9:x"], 7))
            with self.assertRaises(ValueError):
                registry.test(1, name="example")(test_example)
        finally:
            registry.TESTS[:] = saved

    def test_select_tests(self):
        chosen = gradelib.select_tests(["clock", "boot"], registry.TESTS)
        self.assertEqual([t.name for t in chosen], ["boot", "clock"])
        self.assertEqual(len(gradelib.select_tests([], registry.TESTS)), len(registry.TESTS))
        with self.assertRaises(ValueError):
            gradelib.select_tests(["nosuch"], registry.TESTS)

    def test_results_json_shape(self):
        boot, printf = registry.TESTS[0], registry.TESTS[1]
        results = [report.Result(boot, True, 0.5),
                   report.Result(printf, False, 0.7, ["p 5: wrong", "rerun: ..."])]
        verdict = json.loads(json.dumps(report.results_json(results)))
        self.assertEqual(verdict["score"], boot.points)
        self.assertEqual(len(verdict["tests"]), 2)
        for entry in verdict["tests"]:
            self.assertLessEqual({"name", "score", "max_score", "output", "status"}, set(entry))
        self.assertEqual(verdict["tests"][1]["status"], "failed")
        self.assertEqual(verdict["tests"][1]["score"], 0)
        self.assertEqual(verdict["tests"][1]["max_score"], printf.points)
        self.assertIn("p 5: wrong", verdict["tests"][1]["output"])
        self.assertEqual(verdict["tests"][1]["extra_data"]["holes"], ["lab1:printf"])

    def test_result_line(self):
        line = report.result_line(report.Result(registry.TESTS[0], False, 1.25))
        self.assertEqual(line, "boot: FAIL (1.2s)")

    def test_same_seed_same_inputs(self):
        self.assertEqual(report.test_random(7, "memory").random(),
                         report.test_random(7, "memory").random())
        self.assertNotEqual(report.test_random(7, "memory").random(),
                            report.test_random(7, "clock").random())

    def test_rerun_command(self):
        settings = report.Settings(build="build/lab1", seed=42, script="grade/lab1.py")
        printf = registry.Test("printf", 5, [], 10, lambda run: None)
        bochs = registry.Test("bochs", 5, [], 10, lambda run: None)
        self.assertEqual(report.rerun_command(settings, printf, True),
                         "python3 grade/lab1.py --build build/lab1 --seed 42 --gdb printf")
        self.assertEqual(report.rerun_command(settings, bochs, False),
                         "python3 grade/lab1.py --build build/lab1 --seed 42 bochs")

    def test_rerun_command_names_the_students_build(self):
        """Under the autograder the command names the student's own paths."""
        settings = report.Settings(build="/tmp/cairn-grade-x/tree/build/grade", seed=3,
                                     script="grade/lab3.py", shown_build="build/lab3")
        posix = registry.Test("posix", 5, [], 10, lambda run: None)
        self.assertEqual(report.rerun_command(settings, posix, False),
                         "python3 grade/lab3.py --build build/lab3 --seed 3 posix")
        hidden = registry.Test("hidden_x", 5, [], 10, lambda run: None, hidden=True)
        self.assertNotIn("hidden_x", report.rerun_command(settings, hidden, True))

    def test_hidden_tests_are_hidden_on_gradescope(self):
        shown = registry.Test("shown", 5, [], 10, lambda run: None)
        hidden = registry.Test("hidden_x", 5, [], 10, lambda run: None, hidden=True)
        verdict = report.results_json([report.Result(shown, True, 1.0),
                                        report.Result(hidden, False, 1.0, ["why"])])
        self.assertNotIn("visibility", verdict["tests"][0])
        self.assertEqual(verdict["tests"][1]["visibility"], "after_published")

    def test_no_symbols_without_a_panic(self):
        self.assertEqual(report.symbolise("nowhere", "K> p 1\np: 1\n"), [])


class ConsoleFloodTest(unittest.TestCase):
    def test_a_flooding_guest_fails_the_test(self):
        run = guest.Run("build", "/tmp", random.Random(1))
        run._append(b"x" * 1000)
        run._append(b"y\n" * guest.CONSOLE_LIMIT)     # stop() calls this: it never raises
        self.assertTrue(run.flooded)
        self.assertLessEqual(len(run.output), guest.CONSOLE_LIMIT)
        run.stop()
        with self.assertRaises(registry.TestFailure) as caught:
            run.expect("never printed")
        self.assertIn("flooded", str(caught.exception))

    def test_a_flood_is_a_failed_test_not_a_crash(self):
        """A test whose guest floods, even inside stop(), fails with a reason."""
        def flood(run: guest.Run) -> None:
            run._append(b"z" * (guest.CONSOLE_LIMIT + 10))
            run.stop()
            run.expect("anything")
        case = registry.Test("flood", 5, [], 10, flood)
        settings = report.Settings(build="nowhere", seed=1)
        result = gradelib.run_test(case, settings, {})
        self.assertFalse(result.passed)
        self.assertTrue(any("flooded" in line for line in result.report), result.report)


class ArgumentsTest(unittest.TestCase):
    def test_defaults(self):
        args = gradelib.parse_arguments(["--build", "b"], 1)
        self.assertEqual(args.build, "b")
        self.assertEqual(args.jobs, os.cpu_count() or 1)
        self.assertIsNone(args.seed)
        self.assertEqual(args.tests, [])
        self.assertFalse(args.verbose)

    def test_everything(self):
        args = gradelib.parse_arguments(["--build", "b", "-j", "3", "--json", "r.json",
                                         "--seed", "9", "-v", "boot", "clock"], 1)
        self.assertEqual((args.jobs, args.json, args.seed, args.verbose, args.tests),
                         (3, "r.json", 9, True, ["boot", "clock"]))
        self.assertEqual(gradelib.parse_arguments(["--build", "b", "--gdb", "printf"], 1).gdb,
                         "printf")

    def test_usage_errors_exit_2(self):
        for argv in ([], ["--build", "b", "-j", "0"], ["--build", "b", "--seed", "x"]):
            with self.assertRaises(SystemExit) as raised, quiet_stderr():
                gradelib.parse_arguments(argv, 1)
            self.assertEqual(raised.exception.code, 2, argv)

    def test_list_needs_no_build(self):
        self.assertTrue(gradelib.parse_arguments(["--list"], 1).list)


class HoleHintTest(unittest.TestCase):
    def test_hint_from_the_table(self):
        entries = [("lab1:printf", "lab1-boot/kernel/kprintf.c", "print_number()"),
                   ("lab1:page", "lab1-boot/kernel/page.c", "page_init()"),
                   ("lab1:page", "lab1-boot/kernel/page.c", "page_init()"),
                   ("lab1:page", "lab1-boot/kernel/page.c", "page_free()")]
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "holes.json")
            with open(path, "w") as f:
                json.dump([{"id": i, "lab": 1, "file": p, "function": fn, "hint": "..."}
                           for i, p, fn in entries], f)
            table = report.load_hole_table(path)
        self.assertEqual(report.hole_hints(["lab1:printf", "lab1:page", "lab1:elf"], table),
                         ["hint: look at print_number() in lab1-boot/kernel/kprintf.c "
                          "(hole lab1:printf)",
                          "hint: look at page_init(), page_free() in lab1-boot/kernel/page.c "
                          "(hole lab1:page)",
                          "hint: look at hole lab1:elf"])

    def test_a_stub_on_the_console_names_its_hole(self):
        table = {"lab1:printf": [{"id": "lab1:printf", "lab": 1, "function": "print_number()",
                                  "file": "lab1-boot/kernel/kprintf.c", "hint": "..."}],
                 "lab1:page": [{"id": "lab1:page", "lab": 1, "function": "page_init()",
                                "file": "lab1-boot/kernel/page.c", "hint": "..."}]}
        console = "cairn: kernel booting (lab LAB 1: print_number() is not written yet)\n"
        self.assertEqual(report.holes_named_on_console(console, table), ["lab1:printf"])
        self.assertEqual(report.holes_named_on_console("all fine\n", table), [])

    def test_missing_or_broken_table(self):
        self.assertEqual(report.load_hole_table("/nonexistent/holes.json"), {})
        with tempfile.NamedTemporaryFile("w", suffix=".json") as broken:
            broken.write("{not json")
            broken.flush()
            self.assertEqual(report.load_hole_table(broken.name), {})


class CommandLineTest(unittest.TestCase):
    def test_missing_disk_image_exits_2(self):
        with tempfile.TemporaryDirectory() as empty:
            done = subprocess.run([sys.executable, GRADER, "--build", empty],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.assertEqual(done.returncode, 2)
        self.assertIn("build first: make LAB=1", done.stderr)

    def test_unknown_test_exits_2(self):
        with tempfile.TemporaryDirectory() as empty:
            done = subprocess.run([sys.executable, GRADER, "--build", empty, "nosuch"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.assertEqual(done.returncode, 2)
        self.assertIn("unknown test nosuch", done.stderr)


@unittest.skipUnless(BUILD, "set CAIRN_BUILD to a lab-1 build directory to boot it")
class EndToEndTest(unittest.TestCase):
    def setUp(self):
        self.workdir = tempfile.mkdtemp(prefix="cairn-unittest-")
        self.run_ = guest.Run(BUILD, self.workdir, random.Random(1), timeout=5)

    def tearDown(self):
        self.run_.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def failure_of(self, action) -> str:
        with self.assertRaises(TestFailure) as raised:
            action()
        return str(raised.exception)

    def test_boots_to_the_prompt_and_runs_a_command(self):
        self.run_.boot()
        self.assertIn("ticks:", self.run_.command("ticks"))

    def test_hang_times_out_in_bounded_wall_time(self):
        self.run_.wall_backstop = 4.0
        started = time.monotonic()
        self.run_.boot(params={"run": "fault hang"})
        message = self.failure_of(lambda: self.run_.expect("never printed", timeout=5))
        self.assertIn("timed out", message)
        self.assertLess(time.monotonic() - started, 15)

    def test_idle_guest_times_out_in_guest_time(self):
        self.run_.boot()
        self.run_.expect(guest.PROMPT)
        started = time.monotonic()
        message = self.failure_of(lambda: self.run_.expect("never printed", timeout=5))
        self.assertIn("guest time", message)
        self.assertLess(time.monotonic() - started, 10)

    def test_triple_fault_is_a_reset(self):
        self.run_.boot(params={"run": "fault triple"})
        message = self.failure_of(lambda: self.run_.expect("never printed"))
        self.assertIn("machine reset", message)

    def test_exit_code(self):
        self.run_.boot(params={"run": "exit 5"})
        self.assertEqual(self.run_.wait_exit(), 5)

    def test_panic_exits_with_code_3(self):
        self.run_.boot(params={"run": "fault divide"})
        message = self.failure_of(lambda: self.run_.expect("never printed"))
        self.assertIn("exited with code 3", message)

    def test_grader_writes_results_json(self):
        with tempfile.TemporaryDirectory() as directory:
            results = os.path.join(directory, "results.json")
            done = subprocess.run([sys.executable, GRADER, "--build", BUILD, "--json", results,
                                   "boot", "printf"], stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True)
            self.assertEqual(done.returncode, 0, done.stdout)
            self.assertIn("Score: 35/35", done.stdout)
            with open(results) as f:
                self.assertEqual(json.load(f)["score"], 35)


class quiet_stderr:
    """Silence argparse's usage message while testing its errors."""

    def __enter__(self):
        self.saved = sys.stderr
        sys.stderr = open(os.devnull, "w")

    def __exit__(self, *exception):
        sys.stderr.close()
        sys.stderr = self.saved
        return False


if __name__ == "__main__":
    unittest.main()
