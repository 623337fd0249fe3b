"""test_sandbox.py - what a sandboxed command can and cannot do.

    python3 -m unittest grade/test_sandbox.py

Each test runs a small shell script in a sandbox the way the autograder
runs a build: it must see only its folder, write nowhere else, reach no
network, stay within its limits, and die whole on a time-out. Skipped
where the sandbox cannot run (sandbox.problem() says why).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sandbox  # noqa: E402

PROBLEM = sandbox.problem()


@unittest.skipIf(PROBLEM, f"no sandbox here: {PROBLEM}")
class SandboxTest(unittest.TestCase):
    def setUp(self) -> None:
        self.scratch = tempfile.TemporaryDirectory()
        os.chmod(self.scratch.name, 0o755)
        self.folder = os.path.join(self.scratch.name, "work")
        self.outside = os.path.join(self.scratch.name, "outside")
        os.makedirs(self.folder)
        os.makedirs(self.outside)
        with open(os.path.join(self.outside, "secret"), "w") as f:
            f.write("the hidden tests\n")
        self.jail = sandbox.Sandbox(readable=[], writable=[self.folder], slot=7,
                                    limits=sandbox.Limits(processes=64, file_size=1 << 20,
                                                          disk_total=8 << 20))
        self.jail.hand_over(self.folder)

    def tearDown(self) -> None:
        self.scratch.cleanup()

    def sh(self, script: str, timeout: float = 20) -> tuple:
        return self.jail.run(["sh", "-c", script, "sh", self.folder, self.outside],
                             self.folder, timeout)

    def test_it_writes_its_folder_and_nothing_else(self):
        status, output = self.sh('echo made > "$1/made"; echo x > "$2/planted"; '
                                 'echo x > /usr/planted; cat "$2/secret"; true')
        self.assertEqual(status, 0, output)
        self.assertTrue(os.path.exists(os.path.join(self.folder, "made")))
        self.assertFalse(os.path.exists(os.path.join(self.outside, "planted")))
        self.assertFalse(os.path.exists("/usr/planted"))
        self.assertNotIn("the hidden tests", output)

    def test_it_sees_no_home_no_kit_and_no_passwords(self):
        kit = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        status, output = self.sh(f'ls "{kit}/grade" /root /home /etc/passwd 2>&1; '
                                 'cat /etc/shadow 2>&1; true')
        self.assertNotIn("hidden_", output)
        self.assertNotIn("root:", output)

    def test_a_readable_folder_inside_a_writable_one_stays_read_only(self):
        kit_part = os.path.join(self.folder, "common")
        os.makedirs(kit_part)
        with open(os.path.join(kit_part, "kit.h"), "w") as f:
            f.write("kit\n")
        jail = self.jail.with_folders(readable=[kit_part])
        status, output = jail.run(["sh", "-c", 'echo changed > "$1/kit.h"', "sh", kit_part],
                                  self.folder, 20)
        self.assertNotEqual(status, 0)
        with open(os.path.join(kit_part, "kit.h")) as f:
            self.assertEqual(f.read(), "kit\n")

    def test_no_network(self):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen(1)
            listener.settimeout(0.5)
            port = listener.getsockname()[1]
            status, output = self.jail.run(
                ["python3", "-c", "import socket; socket.create_connection("
                 f"('127.0.0.1', {port}), timeout=3); print('connected')"],
                self.folder, 20)
            self.assertNotIn("connected", output)
            self.assertRaises(OSError, listener.accept)

    def test_a_time_out_kills_every_process_inside(self):
        marker = f"cairn-sandbox-test-{os.getpid()}-{time.monotonic_ns()}"
        started = time.monotonic()
        status, output = self.sh(f'python3 -c "import time; time.sleep(300)" {marker} & '
                                 f'sh -c "while :; do :; done" {marker} & wait',
                                 timeout=2)
        self.assertIsNone(status)
        self.assertIn("killed", output)
        self.assertLess(time.monotonic() - started, 15)
        time.sleep(0.5)
        left = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True)
        self.assertEqual(left.stdout.strip(), "", "processes outlived the sandbox")

    def test_a_fork_bomb_hits_the_process_limit(self):
        status, output = self.sh('i=0; while [ $i -lt 200 ]; do sleep 3 & i=$((i+1)); done; '
                                 'wait; echo all started', timeout=30)
        self.assertNotIn("all started", output)

    def test_file_size_and_disk_use_are_limited(self):
        status, output = self.sh('head -c 2000000 /dev/zero > "$1/big"; echo "status $?"')
        self.assertLessEqual(os.path.getsize(os.path.join(self.folder, "big")), 1 << 20)
        status, output = self.sh('i=0; while [ $i -lt 40 ]; do '
                                 'head -c 1000000 /dev/zero > "$1/f$i"; i=$((i+1)); '
                                 'sleep 0.05; done; echo finished', timeout=30)
        self.assertIsNone(status, output)
        self.assertIn("wrote more than", output)


class UntrustedFilesTest(unittest.TestCase):
    def test_links_and_fifos_are_refused(self):
        with tempfile.TemporaryDirectory() as folder:
            link = os.path.join(folder, "link")
            os.symlink("/etc/hostname", link)
            fifo = os.path.join(folder, "fifo")
            os.mkfifo(fifo)
            for path in (link, fifo):
                with self.assertRaises(sandbox.UntrustedFileError):
                    sandbox.open_untrusted(path, 1000)
            plain = os.path.join(folder, "plain")
            with open(plain, "wb") as f:
                f.write(b"x" * 100)
            self.assertEqual(sandbox.open_untrusted(plain, 1000), b"x" * 100)
            with self.assertRaises(sandbox.UntrustedFileError):
                sandbox.open_untrusted(plain, 10)

    def test_a_copy_replaces_a_planted_link_instead_of_writing_through_it(self):
        with tempfile.TemporaryDirectory() as folder:
            victim = os.path.join(folder, "victim")
            with open(victim, "w") as f:
                f.write("keep\n")
            source = os.path.join(folder, "source")
            with open(source, "w") as f:
                f.write("new\n")
            target = os.path.join(folder, "disk.img")
            os.symlink(victim, target)
            sandbox.copy_untrusted(source, target)
            with open(victim) as f:
                self.assertEqual(f.read(), "keep\n")
            self.assertFalse(os.path.islink(target))

    def test_statuses_of_signals(self):
        self.assertEqual(sandbox.decode_status(137), -9)
        self.assertEqual(sandbox.decode_status(3), 3)


if __name__ == "__main__":
    unittest.main()
