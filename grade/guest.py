"""guest.py - what a test drives: QEMU (or Bochs, or gdb) running the
student's system, its serial console and its clock.

Every boot uses a fresh copy of the build's disk image in the test's own
directory and a fresh QEMU, so tests run in parallel and never collide.
QEMU counts instructions (-icount) and its clock follows them, so a run is
repeatable; timeouts are in guest seconds, read from the emulated clock
through QMP, with a wall-clock backstop for a guest that stops its clock.

Under the autograder (SANDBOX set) everything that reads the student's
build or runs the guest (QEMU, Bochs, gdb, nm, addr2line, host_tool) runs
in a sandbox (sandbox.py) that sees only the build and the test's own
directory; the grader itself stays outside and reads their output.

Entry points: Run, host_tool, kernel_symbols, function_range, find_tool,
import_tool, kill_live_processes, describe_exit, guest_exit_code,
Deadline, SANDBOX, hand_over.
"""
from __future__ import annotations

import atexit
import calendar
import codecs
import importlib
import json
import os
import random
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import types
import typing
from typing import Callable, Optional, TypeVar

import sandbox
from registry import DEFAULT_TIMEOUT, TestFailure, fail

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(ROOT, "common", "tools")

QEMU = "qemu-system-i386"
CONSOLE_LIMIT = 256 << 10    # characters of console output a run may produce: a
                             # hundred times what any test prints, and reached in
                             # seconds by a guest printing in a loop
PROMPT = "K> "
GUEST_DATE = "2026-01-01T00:00:00"     # the guest's real-time clock at boot (UTC)
WALL_BACKSTOP = 30.0            # wall seconds a wait may take, at least
MINIMUM_WALL = 5.0              # a guest-time timeout needs this much wall time too:
                                # an idle guest's clock races (-icount sleep=off), and a
                                # loaded host may take seconds to run it at all
CLOCK_POLL_INTERVAL = 0.1       # wall seconds between readings of the guest clock

MISSING_TOOLS = {
    "qemu": f"{QEMU} not found: apt-get install qemu-system-x86",
    "bochs": "bochs not found: apt-get install bochs bochsbios vgabios",
    "gdb": "gdb not found: apt-get install gdb",
}


# The sandbox every command that touches the student's work runs in, when
# the autograder asks for one (--sandbox); None for a student's own grading.
SANDBOX: Optional[sandbox.Sandbox] = None
DISK_IMAGE_LIMIT = 256 << 20    # bytes of a build's disk image the grader copies


def spawn_command(argv: list[str], readable: list[str], writable: list[str],
                  cwd: Optional[str] = None) -> list[str]:
    """argv as it must be started: inside the sandbox when there is one,
    showing the folders readable and writable (the same paths inside)."""
    if SANDBOX is None:
        return argv
    return SANDBOX.with_folders(readable, writable).command(argv, cwd)


def hand_over(path: str) -> None:
    """Let the sandbox's user write path (a test's directory, a fresh disk)."""
    if SANDBOX is not None:
        SANDBOX.hand_over(path)


def host_tool(argv: list[str], readable: list[str],
              timeout: float = 60) -> subprocess.CompletedProcess:
    """Run a host tool (fsck.minix, nm ...) on files a build or a guest made,
    sandboxed when grading submissions; returns its status and text output."""
    command = spawn_command(argv, readable, [])
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, errors="replace",
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        fail(f"{os.path.basename(argv[0])} did not finish within {timeout:g} s")
    done.returncode = sandbox.decode_status(done.returncode) if SANDBOX else done.returncode
    return done

# ---- guest time ----

def tm_to_seconds(tm: dict) -> int:
    """Seconds since 1970 of a QMP struct tm (as "rtc-time" returns it)."""
    return calendar.timegm((tm["tm_year"] + 1900, tm["tm_mon"] + 1, tm["tm_mday"],
                            tm["tm_hour"], tm["tm_min"], tm["tm_sec"]))


class Deadline:
    """When a wait gives up: guest time with a wall-clock floor and backstop.

    A wait fails once the guest clock has run more than guest_budget seconds
    and at least MINIMUM_WALL wall seconds have passed (an idle guest's clock
    races ahead under -icount sleep=off, so the floor gives it time to
    answer), or once wall_backstop wall seconds have passed whatever the
    guest clock says (a guest spinning with interrupts off barely advances
    it). wall_backstop None means no backstop (a person is debugging).
    """

    def __init__(self, guest_budget: float, wall_backstop: Optional[float],
                 wall_start: float) -> None:
        self.guest_budget = guest_budget
        self.wall_backstop = wall_backstop
        self.wall_start = wall_start
        self.guest_start: Optional[int] = None
        self.guest_elapsed = 0

    def expired(self, guest_now: Optional[int], wall_now: float) -> Optional[str]:
        """None while the wait may go on; otherwise why it is over.

        guest_now is the guest clock in seconds, or None when it could not
        be read; the first reading is taken as the start of the wait.
        """
        if guest_now is not None:
            if self.guest_start is None:
                self.guest_start = guest_now
            self.guest_elapsed = guest_now - self.guest_start
        wall = wall_now - self.wall_start
        if self.guest_elapsed > self.guest_budget and wall >= MINIMUM_WALL:
            return (f"timed out: {self.guest_elapsed} s of guest time passed "
                    f"(the limit is {self.guest_budget:g} s; {wall:.1f} s wall)")
        if self.wall_backstop is not None and wall >= self.wall_backstop:
            return (f"timed out: {wall:.1f} s of wall time passed while the guest clock "
                    f"advanced {self.guest_elapsed} s (is the guest spinning with "
                    "interrupts off?)")
        return None


def wall_backstop_for(timeout: float) -> float:
    """The wall-clock backstop of a wait of timeout guest seconds."""
    return max(WALL_BACKSTOP, float(timeout))


# ---- how QEMU ended ----

def guest_exit_code(status: int) -> Optional[int]:
    """The code the guest wrote to isa-debug-exit, from QEMU's exit status.

    outb(0xf4, code) makes QEMU exit with status (code << 1) | 1.
    """
    if status > 0 and status & 1:
        return status >> 1
    return None


def qemu_error(stderr: str) -> Optional[str]:
    """QEMU's own error message in its stderr, if it printed one."""
    for line in stderr.splitlines():
        if line.startswith(QEMU + ":") and not re.search(r": (warning|info): ", line):
            return line
    return None


def describe_exit(status: int, stderr: str = "") -> str:
    """One sentence saying why QEMU ended, from its exit status and stderr."""
    if status < 0:
        return f"QEMU was killed by signal {-status}"
    if status == 0:
        return "the machine reset (triple fault?)"
    error = qemu_error(stderr)
    if status == 1 and error:
        return f"QEMU failed: {error}"
    code = guest_exit_code(status)
    if code is not None:
        return f"the guest exited with code {code}"
    return f"QEMU exited with status {status}" + (f": {error}" if error else "")

# ---- the host tools ----

def find_tool(name: str) -> Optional[str]:
    """A binutils tool, preferring a cross toolchain like the build does."""
    for prefix in ("i386-elf-", "i686-elf-", ""):
        path = shutil.which(prefix + name)
        if path:
            return path
    return None


def kernel_symbols(build: str) -> list[tuple[int, str]]:
    """(address, name) of the kernel's text symbols, sorted by address (nm -n)."""
    nm = find_tool("nm")
    if nm is None:
        raise TestFailure("nm not found: apt-get install binutils")
    listing = host_tool([nm, "-n", "--defined-only", os.path.join(build, "kernel")], [build])
    symbols = []
    for line in listing.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            symbols.append((int(parts[0], 16), parts[2]))
    return symbols


def function_range(build: str, name: str) -> tuple[int, int]:
    """[start, end) of a kernel function: its symbol up to the next one above it."""
    symbols = kernel_symbols(build)
    for index, (address, symbol) in enumerate(symbols):
        if symbol == name:
            following = [a for a, _ in symbols[index + 1:] if a > address]
            return address, (following[0] if following else address + 0x1000)
    raise TestFailure(f"the kernel has no function called {name}")

# ---- QMP: reading the guest clock ----

class QmpClient:
    """A minimal client for QEMU's machine protocol (one JSON object a line)."""

    def __init__(self, path: str, wall_timeout: float = 5.0,
                 alive: Callable[[], bool] = lambda: True) -> None:
        self.socket = connect_unix(path, wall_timeout, alive)
        self.socket.settimeout(wall_timeout)
        self.reader = self.socket.makefile("r", encoding="utf-8")
        self.reader.readline()                  # the greeting
        self.execute("qmp_capabilities")

    def execute(self, command: str, **arguments: object) -> object:
        """Run one command; return its "return" value (errors raise OSError)."""
        request = {"execute": command}
        if arguments:
            request["arguments"] = arguments
        self.socket.sendall((json.dumps(request) + "\n").encode())
        while True:
            line = self.reader.readline()
            if not line:
                raise OSError("QMP connection closed")
            reply = json.loads(line)
            if "return" in reply:
                return reply["return"]
            if "error" in reply:
                raise OSError(f"QMP {command}: {reply['error'].get('desc')}")
            # anything else is an asynchronous event; skip it

    def guest_seconds(self) -> int:
        """The guest's real-time clock, in whole seconds."""
        return tm_to_seconds(self.execute("qom-get", path="/machine", property="rtc-time"))

    def close(self) -> None:
        self.reader.close()
        self.socket.close()


def connect_unix(path: str, wall_timeout: float,
                 alive: Callable[[], bool] = lambda: True) -> socket.socket:
    """Connect to a Unix socket that a starting process is about to create."""
    give_up = time.monotonic() + wall_timeout
    while True:
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            client.connect(path)
            return client
        except OSError:
            client.close()
            if time.monotonic() > give_up or not alive():
                raise
            time.sleep(0.01)


# ---- a test's run ----

T = TypeVar("T")

# Every QEMU still running, so that none outlives the grader (see kill_live_processes).
LIVE_PROCESSES: set[subprocess.Popen] = set()
LIVE_PROCESSES_LOCK = threading.Lock()


def kill_live_processes() -> None:
    """Kill every QEMU a run has started and not stopped yet."""
    with LIVE_PROCESSES_LOCK:
        for process in LIVE_PROCESSES:
            if process.poll() is None:
                process.kill()
        LIVE_PROCESSES.clear()


atexit.register(kill_live_processes)


class Run:
    """What one test drives: QEMU boots, the console, Bochs and gdb.

    Every boot uses a fresh copy of the build's disk image in the run's own
    directory; booting again first stops the QEMU that is running. Waits
    (expect, command, wait_exit) search only output that arrived after the
    previous match, and fail with TestFailure on a timeout or when QEMU ends.
    """

    def __init__(self, build: str, workdir: str, rand: random.Random,
                 timeout: float = DEFAULT_TIMEOUT, wall_backstop: Optional[float] = None,
                 gdb_port: Optional[int] = None, echo: bool = False) -> None:
        self.build = build
        self.workdir = workdir
        self.rand = rand
        self.timeout = timeout
        self.wall_backstop = wall_backstop
        self.interactive_gdb_port = gdb_port
        self.echo = echo
        self.used_qemu = False          # booted QEMU: a rerun under --gdb helps
        self.used_gdb_batch = False     # ran its own gdb: a rerun under --gdb does not
        self.process: Optional[subprocess.Popen] = None
        self.serial: Optional[socket.socket] = None
        self.qmp: Optional[QmpClient] = None
        self.boots = 0
        self.boot_start = 0             # where the last boot's output begins in output
        self.ended = "the test never booted"    # why nothing more can arrive
        self._text = ""
        self._position = 0
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._next_clock_reading = 0.0
        self._guest_seconds: Optional[int] = None
        self._stderr: Optional[typing.TextIO] = None
        self.flooded = False            # the console passed CONSOLE_LIMIT

    @property
    def output(self) -> str:
        """All console text so far, every boot of this run, without '\\r'."""
        return self._text

    # -- starting and stopping --

    def boot(self, memory: int = 64, params: Optional[dict[str, str]] = None,
             qemu_args: Optional[list[str]] = None,
             disk_patch: Optional[Callable[[str], None]] = None) -> None:
        """Boot a fresh QEMU with memory MiB, boot params and extra QEMU args.

        Every boot sets panic=exit, so a kernel panic ends QEMU with code 3.
        disk_patch, if given, may change the run's copy of the disk image
        (its path is the argument) before QEMU starts.
        """
        self.stop()
        qemu = shutil.which(QEMU)
        if qemu is None:
            fail(MISSING_TOOLS["qemu"])
        self.used_qemu = True
        self.boots += 1
        disk = self._fresh_disk({"panic": "exit", **(params or {})})
        if disk_patch is not None:
            disk_patch(disk)
        serial_path = os.path.join(self.workdir, "serial.sock")
        qmp_path = os.path.join(self.workdir, "qmp.sock")
        for path in (serial_path, qmp_path):
            if os.path.exists(path):
                os.remove(path)
        extra = list(qemu_args or [])
        if self.interactive_gdb_port is not None and "-gdb" not in extra:
            extra += ["-S", "-gdb", f"tcp:127.0.0.1:{self.interactive_gdb_port}"]
        command = [qemu, "-M", "pc", "-m", str(memory), "-display", "none", "-no-reboot",
                   "-nic", "none", "-icount", "shift=0,sleep=off",
                   "-rtc", f"base={GUEST_DATE},clock=vm",
                   "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                   "-drive", f"file={disk},if=ide,index=0,format=raw",
                   "-chardev", f"socket,id=serial0,path={serial_path},server=on,wait=on",
                   "-serial", "chardev:serial0",
                   "-qmp", f"unix:{qmp_path},server=on,wait=off",
                   "-monitor", "none"] + extra
        self._position = self.boot_start = len(self._text)   # waits see only this boot
        self._guest_seconds = None
        self._next_clock_reading = 0.0
        self._stderr = tempfile.TemporaryFile("w+")
        self.flooded = False
        self.process = subprocess.Popen(spawn_command(command, [], [self.workdir], self.workdir),
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=self._stderr, cwd=self.workdir,
                                        start_new_session=SANDBOX is not None)
        with LIVE_PROCESSES_LOCK:
            LIVE_PROCESSES.add(self.process)

        def alive() -> bool:
            return self.process is not None and self.process.poll() is None
        try:
            # QEMU waits for this connection (wait=on) before it runs the guest.
            self.serial = connect_unix(serial_path, 10.0, alive)
        except OSError:
            status = self.process.poll()
            stderr = self._qemu_stderr()
            self.stop()
            fail("QEMU did not start: " + (describe_exit(status, stderr) if status is not None
                                           else "its serial socket never appeared"))
        self.qmp = open_qmp(qmp_path, alive)
        if self.interactive_gdb_port is not None:
            print(f"*** QEMU is stopped; connect with: make gdb O={self.build}", flush=True)

    def stop(self) -> None:
        """Kill QEMU (if running) and close its sockets; the output is kept."""
        if self.qmp is not None:
            try:
                self.qmp.close()
            except OSError:
                pass
            self.qmp = None
        if self.process is not None:
            if self.process.poll() is None:
                sandbox.kill_tree(self.process)
            self.process.wait()
            with LIVE_PROCESSES_LOCK:
                LIVE_PROCESSES.discard(self.process)
            self._pump(0)
            if not self.flooded:
                self.ended = "QEMU was stopped"
        if self.serial is not None:
            self.serial.close()
            self.serial = None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None
        self.process = None

    def _fresh_disk(self, params: dict[str, str]) -> str:
        """A throw-away copy of BUILD/disk.img with params set in it.

        The build is the student's: a link or an oversized file is refused.
        """
        disk = os.path.join(self.workdir, "disk.img")
        try:
            sandbox.copy_untrusted(os.path.join(self.build, "disk.img"), disk,
                                   DISK_IMAGE_LIMIT)
        except OSError as error:
            fail(f"cannot use the build's disk image: {error}")
        hand_over(disk)
        mkimage = import_tool("mkimage")
        try:
            mkimage.set_params(disk, params)
        except mkimage.ImageError as error:
            fail(f"cannot set boot parameters {params}: {error}")
        return disk

    def _qemu_stderr(self) -> str:
        """What QEMU has written to its stderr in this boot."""
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read()

    # -- the console --

    def _append(self, data: bytes) -> None:
        """Add console output; past CONSOLE_LIMIT the run is flooded: the rest
        is dropped and the next wait fails (never this call: stop() uses it)."""
        if self.flooded:
            return
        text = self._decoder.decode(data).replace("\r", "")
        if self.echo and text:
            sys.stdout.write(text)
            sys.stdout.flush()
        room = CONSOLE_LIMIT - len(self._text)
        if len(text) > room:
            text, self.flooded = text[:max(room, 0)], True
            self.ended = (f"the console flooded: more than {CONSOLE_LIMIT // 1024} KiB "
                          "of output (a print in a loop?)")
        self._text += text

    def _pump(self, wait: float) -> None:
        """Read whatever console output arrives within wait seconds."""
        if self.serial is None:
            return
        ready, _, _ = select.select([self.serial], [], [], wait)
        while ready and not self.flooded:
            try:
                data = self.serial.recv(65536)
            except OSError:
                data = b""
            if not data:
                self.serial.close()
                self.serial = None
                return
            self._append(data)
            ready, _, _ = select.select([self.serial], [], [], 0)

    def _guest_clock(self) -> Optional[int]:
        """The guest clock in seconds, read at most every CLOCK_POLL_INTERVAL."""
        now = time.monotonic()
        if self.qmp is not None and now >= self._next_clock_reading:
            self._next_clock_reading = now + CLOCK_POLL_INTERVAL
            try:
                self._guest_seconds = self.qmp.guest_seconds()
            except (OSError, ValueError, KeyError, TypeError):
                self.qmp = None
        return self._guest_seconds

    def _exit_status(self) -> Optional[int]:
        if self.process is None:
            return None
        return self.process.poll()

    def _wait_for(self, found: Callable[[], Optional[T]], what: str,
                  timeout: Optional[float]) -> T:
        """Wait until found() returns something, QEMU ends, or time runs out."""
        budget = self.timeout if timeout is None else timeout
        backstop = self.wall_backstop
        if backstop is None and self.interactive_gdb_port is None:
            backstop = wall_backstop_for(budget)
        deadline = Deadline(budget, backstop, time.monotonic())
        while True:
            if self.flooded:
                self.stop()
                fail(f"{what}, but {self.ended}")
            result = found()
            if result is not None:
                return result
            if self.process is None:
                fail(f"{what}, but {self.ended}")
            status = self._exit_status()
            if status is not None:
                self._pump(0.2)
                result = found()
                if result is not None:
                    return result
                fail(f"{what}, but {describe_exit(status, self._qemu_stderr())}")
            reason = deadline.expired(self._guest_clock(), time.monotonic())
            if reason:
                fail(f"{what}: {reason}")
            self._pump(CLOCK_POLL_INTERVAL)

    def expect(self, pattern: str | re.Pattern, timeout: Optional[float] = None) -> re.Match:
        """Wait for pattern in the console output after the previous match.

        pattern is literal text, or a compiled regular expression that is
        searched only in complete lines (so "0x[0-9a-f]+" never matches half
        of a number still arriving). timeout is in guest seconds (default:
        the test's). Returns the match; its positions index run.output.
        """
        if isinstance(pattern, re.Pattern):
            regex, shown, whole_lines = pattern, pattern.pattern, True
        else:
            regex, shown, whole_lines = re.compile(re.escape(pattern)), pattern, False

        def search() -> Optional[re.Match]:
            end = self._text.rfind("\n") + 1 if whole_lines else len(self._text)
            match = regex.search(self._text, self._position, max(end, self._position))
            if match:
                self._position = match.end()
            return match
        return self._wait_for(search, f"expected {shown!r} on the console", timeout)

    def type(self, text: str) -> None:
        """Send text to the guest's serial line, as if typed."""
        if self.serial is None:
            fail(f"cannot type {text!r}: the serial line is closed")
        try:
            self.serial.sendall(text.encode())
        except OSError as error:
            fail(f"cannot type {text!r}: {error}")

    def command(self, line: str, timeout: Optional[float] = None,
                prompt_text: str = PROMPT) -> str:
        """Run one command at a prompt and return its output.

        Waits for the prompt (the kernel monitor's unless prompt_text says
        otherwise; not if the last match was one), types line and a
        newline, and returns what was printed up to the next prompt,
        without the echoed command.
        """
        if not self._text.endswith(prompt_text, 0, self._position):
            self.expect(prompt_text, timeout)
        start = self._position
        self.type(line + "\n")
        try:
            prompt = self.expect(prompt_text, timeout)
        except TestFailure as failure:
            raise TestFailure(f"the command {line!r} did not finish: {failure}") from None
        text = self._text[start:prompt.start()]
        first, newline, rest = text.partition("\n")
        return rest if newline and first.strip() == line.strip() else text

    def save_memory(self, address: int, size: int, path: str) -> None:
        """Write size bytes of guest physical memory from address to path."""
        if self.qmp is None:
            fail("cannot read the guest's memory: no QMP connection")
        try:
            self.qmp.execute("pmemsave", val=address, size=size, filename=path)
        except (OSError, ValueError, KeyError, TypeError) as error:
            fail(f"cannot read the guest's memory: {error}")

    def wait_exit(self, timeout: Optional[float] = None) -> int:
        """Wait for the guest to end QEMU through isa-debug-exit; return its code.

        Fails if QEMU ends any other way (a reset, a QEMU error).
        """
        def exited() -> Optional[int]:
            status = self._exit_status()
            if status is None:
                return None
            code, stderr = guest_exit_code(status), self._qemu_stderr()
            if code is None or (status == 1 and qemu_error(stderr)):
                fail(f"expected the guest to exit, but {describe_exit(status, stderr)}")
            self._pump(0.2)
            return code
        return self._wait_for(exited, "expected the guest to exit", timeout)

    # -- Bochs --

    def bochs(self, params: Optional[dict[str, str]] = None, memory: int = 32,
              wall_timeout: float = 60.0) -> str:
        """Boot the image in Bochs, headless, until the guest shuts it down.

        The guest ends the run by writing "Shutdown" to port 0x8900. The
        serial output becomes the run's console (so expect() searches it);
        it is also returned. Fails if bochs is missing or does not end.
        """
        self.stop()
        bochs = shutil.which("bochs")
        if bochs is None:
            fail(MISSING_TOOLS["bochs"])
        self.boots += 1
        self._position = self.boot_start = len(self._text)
        disk = self._fresh_disk({"panic": "exit", **(params or {})})
        serial = os.path.join(self.workdir, "bochs-serial.txt")
        config = os.path.join(self.workdir, "bochsrc")
        debugger = os.path.join(self.workdir, "bochs-debugger.rc")
        for name in os.listdir(self.workdir):
            if name.endswith(".lock") or name in ("bochsrc", "bochs-debugger.rc"):
                os.remove(os.path.join(self.workdir, name))
        with open(config, "x", encoding="utf-8") as f:
            f.write(bochs_config(disk, serial, memory))
        with open(debugger, "x", encoding="utf-8") as f:
            f.write("c\n")
        with tempfile.TemporaryFile("w+", errors="replace") as log:
            process = subprocess.Popen(
                spawn_command([bochs, "-q", "-f", config, "-rc", debugger], [],
                              [self.workdir], self.workdir),
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                cwd=self.workdir, start_new_session=SANDBOX is not None)
            # Bochs writes the serial line to a file: watch it grow, so a
            # flooding guest ends the run as soon as it passes the limit.
            give_up = time.monotonic() + wall_timeout
            while process.poll() is None and time.monotonic() < give_up:
                try:
                    if os.lstat(serial).st_size > CONSOLE_LIMIT:
                        break
                except FileNotFoundError:
                    pass
                time.sleep(CLOCK_POLL_INTERVAL)
            finished = process.poll() is not None
            if not finished:
                sandbox.kill_tree(process)
                process.wait()
            log.seek(0)
            message = re.search(r"Bochs is exiting with the following message:\n(.*)",
                                log.read(1 << 20))
        try:
            self._append(sandbox.open_untrusted(serial, CONSOLE_LIMIT + 1, first_part=True))
        except FileNotFoundError:
            pass
        except OSError as error:
            fail(f"cannot read Bochs's serial output: {error}")
        self.ended = self.ended if self.flooded else "Bochs has shut down"
        if self.flooded:
            fail(self.ended)
        if not finished:
            fail(f"Bochs did not shut down within {wall_timeout:g} s of wall time")
        if message and "Shutdown" not in message.group(1):
            fail(f"Bochs stopped: {message.group(1).strip()}")
        return self._text

    # -- gdb --

    def gdb_batch(self, commands: list[str], memory: int = 64,
                  wall_timeout: float = 30.0) -> str:
        """Boot stopped (-S), run gdb in batch mode against QEMU's stub.

        commands come after connecting and loading the kernel's symbols.
        Returns gdb's output; QEMU is stopped afterwards.
        """
        gdb = shutil.which("gdb")
        if gdb is None:
            fail(MISSING_TOOLS["gdb"])
        # A Unix socket rather than a TCP port: nothing to collide with, and
        # it reaches a sandboxed QEMU, which has no network.
        stub = os.path.join(self.workdir, "gdb.sock")
        self.used_gdb_batch = True
        self.boot(memory=memory, qemu_args=["-S", "-gdb", f"unix:{stub},server=on,wait=off"])
        give_up = time.monotonic() + 10
        while not os.path.exists(stub) and time.monotonic() < give_up:
            time.sleep(0.01)
        arguments = [gdb, "-batch", "-nx", "-ex", "set architecture i386",
                     "-ex", f"target remote {stub}",
                     "-ex", f"symbol-file {os.path.join(self.build, 'kernel')}"]
        for command in commands:
            arguments += ["-ex", command]
        try:
            done = subprocess.run(spawn_command(arguments, [self.build], [self.workdir]),
                                  stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True, errors="replace",
                                  timeout=wall_timeout)
            result = done.stdout
        except subprocess.TimeoutExpired as expired:
            partial = expired.output or b""     # bytes, even with text=True
            result = (partial.decode(errors="replace") if isinstance(partial, bytes) else partial)
            result += f"\n(gdb did not finish within {wall_timeout:g} s)"
        self._pump(0.1)
        self.stop()
        return result


def open_qmp(path: str, alive: Callable[[], bool]) -> Optional[QmpClient]:
    """A QMP connection, or None if QEMU offers none (waits use the backstop)."""
    try:
        return QmpClient(path, alive=alive)
    except (OSError, ValueError):
        return None


def import_tool(name: str) -> types.ModuleType:
    """A host tool of common/tools/ as a module (mkimage, bochsrc, gdbinit ...)."""
    if TOOLS not in sys.path:
        sys.path.insert(0, TOOLS)
    return importlib.import_module(name)


def bochs_config(disk: str, serial: str, memory: int) -> str:
    """A bochsrc for a headless run of disk with COM1 written to serial.

    It comes from common/tools/bochsrc.py, so 'make bochs' and the grader
    boot the same machine.
    """
    return import_tool("bochsrc").bochsrc(os.path.dirname(disk), serial, memory)
