"""sandbox.py - runs a submission's build and its emulators in a sandbox.

The autograder trusts only the kit. Everything that touches a student's
files runs in a sandbox made with bubblewrap (Debian package
`bubblewrap`): the build (make, gcc, the kit's image tools) and, while the
grader tests, QEMU, Bochs, gdb and the binutils that read the student's
kernel. A sandboxed command

  - runs as an unprivileged user (as root, the autograder first becomes a
    user of its own per grading slot with setpriv, so the process limit
    holds per submission);
  - has its own mount, PID, network, IPC and UTS namespaces: it sees /usr
    (read-only), an empty /tmp, /proc and /dev, and only the folders it is
    given: `writable` ones read-write and `readable` ones read-only (a
    readable folder may lie inside a writable one and stays read-only);
    no network but its own loopback;
  - has limits (prlimit): CPU seconds and address space per process,
    processes of its user, the size of a file, open files, no core files;
    the writable folders' total size is watched by run(), which kills the
    sandbox when it grows past its limit;
  - dies whole: killing the bwrap process (or the process that started
    it) ends every process inside, since they share a PID namespace whose
    first process dies with it.

The trusted side reads what a sandbox wrote through open_untrusted(),
which refuses links and anything but a regular file.

Entry points:
    problem()                        why no sandbox can run here, or None
    Limits                           the resource limits of a sandbox
    Sandbox(readable, writable, ...) .command(argv), .run(argv), .hand_over(path)
    open_untrusted(path, limit)      read a file a sandbox may have written
    copy_untrusted(source, target)   copy such a file to a fresh file
    kill_tree(process)               kill a started sandbox and all inside
    decode_status(status)            a sandboxed command's exit status, as
                                     subprocess would report it unsandboxed
"""
from __future__ import annotations

import os
import signal
import shutil
import stat
import subprocess
import threading
import time
from dataclasses import dataclass
from typing import Optional

BWRAP = "bwrap"
# The user a root autograder becomes for grading slot N: SANDBOX_UID_BASE + N.
# No account needs to exist; the numbers are far above any Debian assigns.
SANDBOX_UID_BASE = 1_900_000_000
SANDBOX_PATH = "/usr/local/bin:/usr/bin:/bin"
# Host folders every sandbox sees read-only (when they exist): programs,
# libraries, and the few files of /etc they read.
SYSTEM_READONLY = ("/usr", "/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf",
                   "/etc/ld.so.conf.d")
# Top-level names that a merged-/usr system makes links into /usr.
SYSTEM_LINKS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
DISK_POLL_INTERVAL = 0.5        # wall seconds between measurements of disk use


@dataclass
class Limits:
    """What a sandbox may use. Per process unless the name says otherwise."""
    cpu_seconds: int = 900
    address_space: int = 4 << 30        # QEMU reserves much more than it touches
    processes: int = 256                # tasks of the sandbox's user (threads count)
    file_size: int = 256 << 20
    open_files: int = 1024
    disk_total: int = 1 << 30           # all writable folders together


def running_as_root() -> bool:
    return os.geteuid() == 0


def problem() -> Optional[str]:
    """Why a sandbox cannot run on this host (and what to install), or None."""
    for tool, package in ((BWRAP, "bubblewrap"), ("prlimit", "util-linux"),
                          ("setpriv", "util-linux")):
        if shutil.which(tool) is None:
            return f"{tool} is missing: apt-get install {package}"
    probe = Sandbox(readable=[], writable=[], slot=0)
    try:
        done = subprocess.run(probe.command(["true"]), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"bubblewrap does not start: {error}"
    if done.returncode != 0:
        return ("bubblewrap cannot make its namespaces here (are unprivileged user "
                f"namespaces disabled?): {done.stdout.strip()}")
    return None


class Sandbox:
    """A recipe for sandboxed commands that see given folders and nothing else.

    readable: folders (or files) shown read-only at the same path.
    writable: folders shown read-write at the same path; as root they are
    handed to the sandbox's user (hand_over). slot: the grading slot, which
    picks the user a root autograder becomes.
    """

    def __init__(self, readable: list[str], writable: list[str], slot: int = 0,
                 limits: Optional[Limits] = None) -> None:
        self.readable = [os.path.abspath(p) for p in readable]
        self.writable = [os.path.abspath(p) for p in writable]
        self.limits = limits or Limits()
        self.uid = SANDBOX_UID_BASE + slot if running_as_root() else os.getuid()
        self.gid = SANDBOX_UID_BASE + slot if running_as_root() else os.getgid()

    def with_folders(self, readable: list[str] = (), writable: list[str] = ()) -> "Sandbox":
        """The same sandbox showing more folders."""
        more = Sandbox(self.readable + list(readable), self.writable + list(writable),
                       limits=self.limits)
        more.uid, more.gid = self.uid, self.gid
        return more

    def process_limit(self) -> int:
        """RLIMIT_NPROC for the sandbox's user. As an ordinary user the count
        includes the user's other processes, so the budget comes on top."""
        if running_as_root():
            return self.limits.processes
        return tasks_of_user(self.uid) + self.limits.processes

    def command(self, argv: list[str], cwd: Optional[str] = None) -> list[str]:
        """argv as a sandboxed command line (a list: no shell ever sees it)."""
        limits = self.limits
        prefix = ["prlimit", f"--cpu={limits.cpu_seconds}", f"--as={limits.address_space}",
                  f"--nproc={self.process_limit()}", f"--fsize={limits.file_size}",
                  f"--nofile={limits.open_files}", "--core=0", "--"]
        if running_as_root():
            prefix += ["setpriv", f"--reuid={self.uid}", f"--regid={self.gid}",
                       "--clear-groups", "--inh-caps=-all", "--"]
        bwrap = [BWRAP, "--unshare-all", "--die-with-parent", "--new-session",
                 "--hostname", "sandbox", "--proc", "/proc", "--dev", "/dev",
                 "--tmpfs", "/tmp"]
        for path in SYSTEM_READONLY:
            if os.path.exists(path):
                bwrap += ["--ro-bind", path, path]
        for path in SYSTEM_LINKS:
            if os.path.islink(path):
                bwrap += ["--symlink", os.readlink(path), path]
            elif os.path.isdir(path):
                bwrap += ["--ro-bind", path, path]
        for path in self.writable:
            bwrap += ["--bind", path, path]
        for path in self.readable:
            bwrap += ["--ro-bind", path, path]
        bwrap += ["--clearenv", "--setenv", "PATH", SANDBOX_PATH, "--setenv", "HOME", "/tmp",
                  "--setenv", "TMPDIR", "/tmp", "--setenv", "LC_ALL", "C.UTF-8",
                  "--chdir", os.path.abspath(cwd or "/tmp"), "--"]
        return prefix + bwrap + list(argv)

    def hand_over(self, path: str) -> None:
        """Let the sandbox's user write path (and all under it). Nothing to do
        unless running as root, where the sandbox is another user."""
        if not running_as_root():
            return
        os.chown(path, self.uid, self.gid, follow_symlinks=False)
        if os.path.isdir(path) and not os.path.islink(path):
            for directory, folders, files in os.walk(path):
                for name in folders + files:
                    os.chown(os.path.join(directory, name), self.uid, self.gid,
                             follow_symlinks=False)

    def run(self, argv: list[str], cwd: str, timeout: float,
            output_limit: int = 1 << 20) -> tuple[Optional[int], str]:
        """Run argv in the sandbox; return (exit status or None, its output).

        None means it was killed: it ran past timeout wall seconds or its
        writable folders grew past the disk limit; the output then ends with
        a line saying which. Output past output_limit characters is dropped.
        """
        process = subprocess.Popen(self.command(argv, cwd), stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        chunks: list[bytes] = []
        kept = [0]

        def read_output() -> None:
            for chunk in iter(lambda: process.stdout.read(65536), b""):
                if kept[0] < output_limit:
                    chunks.append(chunk[:output_limit - kept[0]])
                    kept[0] += len(chunks[-1])
        reader = threading.Thread(target=read_output, daemon=True)
        reader.start()
        reason = None
        give_up = time.monotonic() + timeout
        while process.poll() is None:
            if time.monotonic() > give_up:
                reason = f"killed: it ran for more than {timeout:g} s"
            elif folder_size(self.writable, self.limits.disk_total) > self.limits.disk_total:
                reason = (f"killed: it wrote more than {self.limits.disk_total >> 20} MiB "
                          "into its folders")
            if reason:
                kill_tree(process)
                break
            time.sleep(DISK_POLL_INTERVAL if process.poll() is None else 0)
        process.wait()
        reader.join(5)
        process.stdout.close()
        text = b"".join(chunks).decode("utf-8", errors="replace")
        if kept[0] >= output_limit:
            text += f"\n[... output past {output_limit} characters dropped ...]\n"
        if reason:
            return None, text + f"\n{reason}\n"
        return decode_status(process.returncode), text


def tasks_of_user(uid: int) -> int:
    """How many tasks (processes and threads) uid has now, from /proc."""
    count = 0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            if os.stat(f"/proc/{name}").st_uid == uid:
                count += len(os.listdir(f"/proc/{name}/task"))
        except OSError:
            continue
    return count


def folder_size(folders: list[str], stop_above: int) -> int:
    """Bytes used by the files under folders (links not followed); stops
    counting once the total is past stop_above."""
    total = 0
    pending = list(folders)
    while pending and total <= stop_above:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                else:
                    total += entry.stat(follow_symlinks=False).st_blocks * 512
            except OSError:
                continue
    return total


def kill_tree(process: subprocess.Popen) -> None:
    """Kill a sandboxed command started with start_new_session=True, and so
    everything in its sandbox (its PID namespace dies with bwrap)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        process.kill()
    except ProcessLookupError:
        pass


def decode_status(status: int) -> int:
    """The status subprocess reports for a command, from bwrap's status.

    bwrap exits with 128 + N when its command died of signal N; this gives
    -N as subprocess would. (A guest that exits QEMU through isa-debug-exit
    with a code of 68, 69, 76 or 77 reads as a signal here: no grader uses
    codes that large.)
    """
    if status > 128 and status - 128 in (signal.SIGKILL, signal.SIGSEGV, signal.SIGXCPU,
                                           signal.SIGXFSZ, signal.SIGBUS, signal.SIGILL):
        return -(status - 128)
    return status


class UntrustedFileError(OSError):
    """A file a sandbox wrote is not a plain file, or is too large."""


def open_untrusted(path: str, limit: int, first_part: bool = False) -> bytes:
    """The contents of path, which a sandbox may have written: a link, a
    FIFO or a device is refused, and so is a file over limit bytes (or,
    with first_part, only its first limit bytes are read)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise UntrustedFileError(f"{path}: {error.strerror} (a link?)") from None
    with os.fdopen(descriptor, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UntrustedFileError(f"{path} is not a regular file")
        if info.st_size > limit and not first_part:
            raise UntrustedFileError(f"{path} is larger than {limit} bytes")
        return f.read(limit + 1)[:limit]


def copy_untrusted(source: str, target: str, limit: int = 256 << 20) -> None:
    """Copy source (a file a sandbox may have written) to a new file target."""
    data = open_untrusted(source, limit)
    if os.path.lexists(target):
        os.remove(target)
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with os.fdopen(descriptor, "wb") as f:
        f.write(data)
