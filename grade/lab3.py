#!/usr/bin/env python3
"""lab3.py - the grader of lab 3: PM, FS, DS, the shell and the utilities.

    python3 grade/lab3.py --build build/lab3 [-v] [TEST ...]     ('make grade')
    python3 grade/lab3.py --list                                 the tests

Two kinds of test. Shell sessions boot the system to its shell prompt and
type commands over the serial line, with file names and data drawn at
random for each run. Program tests boot with the boot parameter run=CMD:
init runs `sh -c CMD` instead of an interactive shell and powers the
machine off with its exit status; the test programs in lab3-servers/tests
take a seed, so every run checks different names and data ("--seed N"
reruns the very same case), and print one line per check and a summary.
A check counts only with its proof, "ok NAME PROOF" (tests/proof.h): a
hash of the seed, the name and a value the check observed, which the
grader computes here for itself; the summary line earns nothing alone.

After a file stress the fsck test saves the RAM disk from guest memory and
has util-linux's fsck.minix judge it.
"""
from __future__ import annotations

import os
import re
import shutil
import sys
import zlib
from dataclasses import dataclass

from gradelib import Run, TestFailure, fail, host_tool, import_tool, main, test
from sandbox import open_untrusted

PROMPT = "$ "
BOOT_TIMEOUT = 10               # guest seconds from power-on to the first prompt
CORE_HOLES = ["lab3:fork", "lab3:exec", "lab3:lookup", "lab3:bmap"]
WRITE_HOLES = CORE_HOLES + ["lab3:alloczone"]
RAMDISK_LINE = re.compile(r"^memory: RAM disk of (\d+) KiB at physical 0x([0-9a-f]{8})$",
                          re.MULTILINE)
SUPERBLOCK_MAGIC_OFFSET = 1024 + 24    # MINIX v3: block 1, s_magic at byte 24
INODE_ZONE0_OFFSET = 24                 # MINIX v3 inode: zone[0] after mode .. ctime
MASK = 0xFFFFFFFF
WORDS = ("granite", "basalt", "shale", "quartz", "gneiss", "schist", "marble", "slate",
         "flint", "chalk", "pumice", "obsidian", "jasper", "agate", "mica", "talc")


# ---- driving the system ----

def boot_shell(run: Run, params: dict[str, str] | None = None) -> None:
    """Boot to the shell's first prompt."""
    run.boot(params=params)
    try:
        run.expect(PROMPT, timeout=BOOT_TIMEOUT)
    except TestFailure as failure:
        fail(f"no shell prompt after boot: {failure}")


def sh(run: Run, line: str, timeout: float | None = None) -> str:
    """Type one command line at the prompt; return its output (no echo)."""
    return run.command(line, timeout=timeout, prompt_text=PROMPT)


def expect_output(run: Run, line: str, expected: str) -> None:
    """Run line; fail unless it prints exactly expected (lines, trailing blanks ignored)."""
    got = sh(run, line)
    if got.rstrip() != expected.rstrip():
        fail(f"`{line}` printed {got.rstrip()!r}, expected {expected.rstrip()!r}")


def run_program(run: Run, command: str, timeout: float = 60) -> tuple[int, str]:
    """Boot with run=command; return (exit code, console text of the run)."""
    run.boot(params={"run": command})
    code = run.wait_exit(timeout=timeout)
    return code, run.output[run.boot_start:]


def random_name(run: Run) -> str:
    """A word and a number drawn for this run, for names of files and directories."""
    return f"{run.rand.choice(WORDS)}{run.rand.randint(100, 999)}"


# ---- what the test programs must print: their checks and proofs ----

FNV_OFFSET_BASIS = 2166136261   # tests/proof.h: 32-bit FNV-1a
FNV_PRIME = 16777619

# posixtest's table `tests`, in its order; "cleanup" comes after them.
POSIXTEST_CHECKS = (
    "fork_wait", "getpid", "exec_echo", "exec_env", "exec_enoent", "wnohang",
    "fork_shares_offset", "esrch", "pipe", "epipe", "espipe", "dup", "std_fds",
    "file_io", "creat_fstat", "creat_truncates", "large_file", "append_trunc", "excl",
    "stat", "unlink", "link", "rename", "rename_replace", "unlink_open", "mkdir_rmdir",
    "chdir_getcwd", "getcwd_root", "readdir", "umask_chmod", "ebadf", "enotdir",
    "eisdir", "enoent", "enametoolong", "echild", "sigusr1", "sigchld", "sigkill",
    "sigsegv", "alarm_pause", "sigprocmask", "sigign", "sleep", "sbrk", "malloc",
    "time", "devices", "big_write",
)
BADCALLS_CHECKS = ("flood_ran", "flood_ended", "pm_getpid", "fs_stat", "fs_file", "pm_fork")
FORKSTRESS_WAVE = 10            # forkstress.c WAVE: children of one check
FORKSTRESS_BROKEN_LINK = 255
FORKSTRESS_CHAIN_INDEX = 1000   # chain link L ends as child 1000 + L would
FILESTRESS_SALT = 0x3C6EF372
KIB = 1024
FILESTRESS_LARGE = 300 * KIB
FILESTRESS_CHUNK = 4 * KIB
FILESTRESS_SIZE_LIMITS = (100, 2 * KIB + 1, 8 * KIB + 1, 20 * KIB + 1)   # by size class


def fnv1a(text: str) -> int:
    """The 32-bit FNV-1a hash of text (proof.h proof_hash)."""
    digest = FNV_OFFSET_BASIS
    for byte in text.encode():
        digest = ((digest ^ byte) * FNV_PRIME) & MASK
    return digest


def proof(seed: int, name: str, value: int) -> str:
    """The proof of a passed check (proof.h proof_of): the FNV-1a hash of
    "SEED:NAME:VALUE", as 8 lowercase hex digits."""
    return f"{fnv1a(f'{seed}:{name}:{value}'):08x}"


def check_proofs(text: str, program: str, seed: int, expected: list[tuple[str, int]]) -> None:
    """Fail unless text shows every check of program passing in this run.

    expected lists the checks as (name, value), in the program's order (so
    a crash is reported at the first check missing): each must have its
    line "ok NAME PROOF" with the proof of this seed and value. A FAIL
    line, a check missing or with another proof, a check the grader does
    not know, or no summary "PROGRAM: N passed, 0 failed" fails the test;
    the summary alone proves nothing.
    """
    lines = [line.strip() for line in text.splitlines()]
    failures = [line for line in lines if line.startswith("FAIL ")]
    if failures:
        fail(f"{program} reports {len(failures)} failed checks, the first: {failures[0]!r}")
    printed: dict[str, list[str]] = {}
    for line in lines:
        words = line.split()
        if len(words) >= 2 and words[0] == "ok":
            printed.setdefault(words[1], []).append(line)
    for name, value in expected:
        wanted = f"ok {name} {proof(seed, name, value)}"
        if name not in printed:
            fail(f"{program} never passed its check {name!r} (no line {wanted!r}): "
                 "it did not get that far, or crashed or hung in that check")
        if wanted not in printed[name]:
            fail(f"{program} printed {printed[name][0]!r} for its check {name!r}; with seed "
                 f"{seed} it must print {wanted!r}. The proof is the FNV-1a hash of "
                 f"'{seed}:{name}:{value}': the seed, the check and the value it should "
                 "observe (lab3-servers/tests/proof.h). Only the kit's "
                 f"{program}, run with this seed and passing the check, prints it.")
    known = {name for name, _ in expected}
    unknown = [found[0] for name, found in printed.items() if name not in known]
    if unknown:
        fail(f"{program} printed a check the grader does not know, {unknown[0]!r}; "
             f"its checks are {', '.join(name for name, _ in expected)}")
    summary = f"{program}: {len(expected)} passed, 0 failed"
    if summary not in lines:
        fail(f"{program} passed every check but never printed {summary!r}: "
             "did it crash at the end?")


def posixtest_checks(seed: int) -> list[tuple[str, int]]:
    """posixtest's checks and values for seed: fork_wait's child exits with
    seed % 200 + 1; the others prove 0."""
    values = {"fork_wait": seed % 200 + 1}
    return [(name, values.get(name, 0)) for name in POSIXTEST_CHECKS] + [("cleanup", 0)]


def badcalls_checks() -> list[tuple[str, int]]:
    """badcalls' checks; each proves the value 0."""
    return [(name, 0) for name in BADCALLS_CHECKS]


def forkstress_status(seed: int, index: int) -> int:
    """The exit status forkstress's child index ends with (expected_status)."""
    mixed = ((seed + 1) * 2654435761 ^ index * 40503) & MASK
    return (mixed >> 8) % FORKSTRESS_BROKEN_LINK


def forkstress_checks(seed: int, count: int) -> list[tuple[str, int]]:
    """forkstress's checks for seed and count children: each wave proves the
    sum of its children's exit statuses, the chain its first link's status."""
    checks = []
    for wave, first in enumerate(range(0, count, FORKSTRESS_WAVE), start=1):
        last = min(first + FORKSTRESS_WAVE, count)
        checks.append((f"wave{wave}", sum(forkstress_status(seed, index)
                                          for index in range(first, last))))
    checks.append(("chain", forkstress_status(seed, FORKSTRESS_CHAIN_INDEX + 1)))
    checks.append(("reaped", 0))
    return checks


class SeededRandom:
    """The test programs' seeded generator (tests/random.h): xorshift32."""

    def __init__(self, seed: int, salt: int) -> None:
        self.state = (seed * 2654435761 ^ salt) & MASK or 1

    def next(self) -> int:
        """The next number (random_next)."""
        state = self.state
        state ^= (state << 13) & MASK
        state ^= state >> 17
        state ^= (state << 5) & MASK
        self.state = state
        return state

    def below(self, limit: int) -> int:
        """A number from 0 to limit - 1 (filestress's random_below)."""
        return self.next() % limit


@dataclass
class PlannedFile:
    """What one of filestress's files should hold (its struct planned_file)."""
    size: int
    key: int
    patch_offset: int = 0
    patch_length: int = 0
    patch_key: int = 0
    exists: bool = False


def pattern_bytes(key: int, start: int, end: int) -> bytes:
    """Bytes start .. end-1 of a file made with key (filestress's pattern_byte)."""
    step, base = key | 1, key >> 16
    return bytes((offset * step + offset // KIB * 131 + base) & 0xFF
                 for offset in range(start, end))


def planned_bytes(file: PlannedFile) -> bytes:
    """All of file as it should be now: its key's pattern, the patch over it."""
    data = bytearray(pattern_bytes(file.key, 0, file.size))
    patch_end = file.patch_offset + file.patch_length
    data[file.patch_offset:patch_end] = pattern_bytes(file.patch_key, file.patch_offset,
                                                      patch_end)
    return bytes(data)


def draw_write_pieces(rand: SeededRandom, count: int) -> None:
    """Draw what filestress draws to write count bytes (write_range's pieces)."""
    done = 0
    while done < count:
        done += 1 + rand.below(FILESTRESS_CHUNK)


def draw_read_pieces(rand: SeededRandom, size: int) -> None:
    """Draw what filestress draws to read a file of size bytes (verify_file):
    one size per read, the last read being the one that returns 0. FS's
    read of a regular file returns all it is asked for up to the end."""
    offset = 0
    while True:
        wanted = 1 + rand.below(FILESTRESS_CHUNK)
        if offset == size:
            return
        offset += min(wanted, size - offset)


def verify_all(rand: SeededRandom, files: list[PlannedFile]) -> int:
    """Read every existing file back as filestress does; the Adler-32 of all the bytes."""
    checksum = 1
    for file in files:
        if file.exists:
            draw_read_pieces(rand, file.size)
            checksum = zlib.adler32(planned_bytes(file), checksum)
    return checksum


def filestress_checks(seed: int, count: int, keep: bool = False) -> list[tuple[str, int]]:
    """filestress's steps and values for seed and count files ("keep": no
    cleanup step). Its run is replayed draw by draw: the steps that read
    the files back prove the Adler-32 checksum of all they read."""
    rand = SeededRandom(seed, FILESTRESS_SALT)
    large = rand.below(count)
    files = []
    for index in range(count):
        size_class = rand.below(4)
        rand.next()                                 # the name
        key = rand.next()
        size = rand.below(FILESTRESS_SIZE_LIMITS[size_class])
        files.append(PlannedFile(FILESTRESS_LARGE if index == large else size, key))
    for file in files:                              # create
        draw_write_pieces(rand, file.size)
        file.exists = True
    readback = verify_all(rand, files)
    for file in files[::3]:                         # overwrite
        if file.size < 2:
            continue
        file.patch_offset = rand.below(file.size // 2 + 1)
        file.patch_length = 1 + rand.below(file.size - file.patch_offset)
        file.patch_key = rand.next()
        draw_write_pieces(rand, file.patch_length)
    overwrite = verify_all(rand, files)
    for file in files[1::5]:                        # truncate
        file.size = rand.below(3 * KIB)
        file.key = rand.next()
        file.patch_length = 0
        draw_write_pieces(rand, file.size)
    truncate = verify_all(rand, files)
    deleted = 0                                     # delete
    for index, file in enumerate(files):
        if deleted >= count // 2:
            break
        if rand.below(2) == 0 and index + (count // 2 - deleted) < count:
            continue
        file.exists = False
        deleted += 1
    survivors = verify_all(rand, files)
    checks = [("create", 0), ("readback", readback), ("overwrite", overwrite),
              ("truncate", truncate), ("delete", 0), ("list", 0), ("survivors", survivors)]
    return checks if keep else checks + [("cleanup", 0)]


# ---- the tests ----

@test(5, holes=CORE_HOLES, timeout=BOOT_TIMEOUT)
def test_boot(run: Run) -> None:
    """The servers start, FS mounts the RAM disk, init starts a shell that runs echo."""
    boot_shell(run)
    output = run.output[run.boot_start:]
    if not RAMDISK_LINE.search(output):
        fail("expected the memory driver's line 'memory: RAM disk of N KiB at physical 0x...'")
    if "fs: root file system" not in output:
        fail("expected FS's line 'fs: root file system: ...' once it mounted the RAM disk")
    word = random_name(run)
    expect_output(run, f"echo {word}", word)


@test(15, holes=WRITE_HOLES)
def test_shell(run: Run) -> None:
    """A shell session: directories, redirection, pipes, $?, cd, background jobs."""
    boot_shell(run)
    directory, name = random_name(run), random_name(run)
    lines = [random_name(run) for _ in range(run.rand.randint(3, 7))]
    sh(run, f"mkdir /tmp/{directory}")
    sh(run, f"cd /tmp/{directory}")
    expect_output(run, "pwd", f"/tmp/{directory}")
    sh(run, f"echo {lines[0]} > {name}")
    for line in lines[1:]:
        sh(run, f"echo {line} >> {name}")
    expect_output(run, f"cat {name}", "\n".join(lines))
    expect_output(run, f"cat < {name} | grep {lines[-1]}", lines[-1])
    expect_output(run, f"cat {name} | wc -l", f"{len(lines):7d}")
    expect_output(run, "false; echo $?", "1")
    expect_output(run, "true; echo $?", "0")
    expect_output(run, "no-such-program-here; echo $?",
                  "sh: no-such-program-here: not found\n127")
    expect_output(run, "ls", name)
    sh(run, "cd ..")
    expect_output(run, "pwd", "/tmp")
    started = sh(run, "sleep 1 &")
    job = re.search(r"\[(\d+)\]", started)
    if job is None:
        fail(f"a background job should print [pid]; `sleep 1 &` printed {started.strip()!r}")
    word = random_name(run)
    # The shell did not wait for the job. (It may have ended meanwhile: the
    # shell then reports it before its next prompt.)
    lines = sh(run, f"echo {word}").strip().splitlines()
    if not lines or lines[0] != word or \
            any(line != f"[{job.group(1)}] done (status 0)" for line in lines[1:]):
        fail(f"`echo {word}` after a background job printed {lines!r}")


@test(10, holes=WRITE_HOLES)
def test_utilities(run: Run) -> None:
    """cp, mv, ln, rm, rmdir, ls, wc, grep, ps and kill at the shell."""
    boot_shell(run)
    a, b, c = random_name(run), random_name(run), random_name(run)
    text = " ".join(random_name(run) for _ in range(5))
    sh(run, "cd /tmp")
    sh(run, f"echo {text} > {a}")
    sh(run, f"cp {a} {b}")
    expect_output(run, f"cat {b}", text)
    sh(run, f"mv {b} {c}")
    expect_output(run, f"ls {b}; echo $?", f"ls: {b}: No such file or directory\n1")
    expect_output(run, f"cat {c}", text)
    sh(run, f"ln {c} {b}")
    expect_output(run, f"wc -c {b}", f"{len(text) + 1:7d} {b}")
    sh(run, f"rm {c}")
    expect_output(run, f"cat {b}", text)
    expect_output(run, f"grep -c {text.split()[2]} {b}", "1")
    sh(run, f"mkdir {a}.d")
    sh(run, f"rmdir {a}.d")
    expect_output(run, f"ls {a}.d; echo $?", f"ls: {a}.d: No such file or directory\n1")
    ps = sh(run, "ps")
    for program in ("init", "sh", "ps", "pm", "fs"):
        if not re.search(rf"\b{program}\b", ps):
            fail(f"ps should list {program}; it printed:\n{ps}")
    # Guest time races while the guest idles (-icount sleep=off): a long
    # sleep, so that it is still there to kill.
    started = sh(run, "sleep 100000 &")
    job = re.search(r"\[(\d+)\]", started)
    if job is None:
        fail(f"`sleep 100000 &` printed {started.strip()!r}, no [pid]")
    if "sleep" not in sh(run, "ps"):
        fail("ps should list the background sleep")
    sh(run, f"kill {job.group(1)}")
    ps = sh(run, "ps")
    if "sleep" in ps:
        fail(f"after `kill {job.group(1)}`, ps still lists sleep:\n{ps}")


@test(20, holes=WRITE_HOLES, timeout=60)
def test_posix(run: Run) -> None:
    """posixtest: fork, exec, wait, pipes, files, directories, errors, signals."""
    seed = run.rand.randint(1, 999_999)
    code, text = run_program(run, f"posixtest {seed}")
    check_proofs(text, "posixtest", seed, posixtest_checks(seed))
    if code != 0:
        fail(f"posixtest passed but the run ended with code {code}")


@test(5, holes=WRITE_HOLES, timeout=60)
def test_badcalls(run: Run) -> None:
    """Thousands of malformed requests (random types, wild pointers) leave PM and
    FS serving correctly."""
    seed = run.rand.randint(1, 999_999)
    code, text = run_program(run, f"badcalls {seed} 3000")
    check_proofs(text, "badcalls", seed, badcalls_checks())
    if re.search(r"^(pm|fs|ds|memory|tty): .*(panic|killed)", text, re.MULTILINE) or \
            "kernel panic" in text:
        fail("a server or the kernel broke down under the malformed requests")
    if code != 0:
        fail(f"badcalls passed but the run ended with code {code}")


@test(10, holes=CORE_HOLES, timeout=120)
def test_forkstress(run: Run) -> None:
    """forkstress: hundreds of processes, each exit status checked by its parent."""
    seed = run.rand.randint(1, 999_999)
    code, text = run_program(run, f"forkstress {seed} 300", timeout=120)
    check_proofs(text, "forkstress", seed, forkstress_checks(seed, 300))
    if code != 0:
        fail(f"forkstress passed but the run ended with code {code}")


@test(10, holes=WRITE_HOLES, timeout=120)
def test_filestress(run: Run) -> None:
    """filestress: many files (one needs double-indirect zones), read back and deleted."""
    seed = run.rand.randint(1, 999_999)
    code, text = run_program(run, f"filestress {seed} 60", timeout=120)
    check_proofs(text, "filestress", seed, filestress_checks(seed, 60))
    if code != 0:
        fail(f"filestress passed but the run ended with code {code}")


@test(10, holes=WRITE_HOLES, timeout=120)
def test_fsck(run: Run) -> None:
    """After a file stress and sync, fsck.minix finds the RAM disk clean."""
    fsck = shutil.which("fsck.minix") or shutil.which("fsck.minix", path="/sbin:/usr/sbin")
    if fsck is None:
        fail("fsck.minix is missing (Debian package util-linux)")
    boot_shell(run)
    ramdisk = RAMDISK_LINE.search(run.output[run.boot_start:])
    if ramdisk is None:
        fail("the memory driver never printed where the RAM disk is")
    seed = run.rand.randint(1, 999_999)
    output = sh(run, f"filestress {seed} 40 keep", timeout=120)
    check_proofs(output, "filestress", seed, filestress_checks(seed, 40, keep=True))
    directory = random_name(run)
    sh(run, f"mkdir /tmp/{directory}; echo {directory} > /tmp/{directory}/note; sync")
    image = os.path.join(run.workdir, "ramdisk.img")
    run.save_memory(int(ramdisk.group(2), 16), int(ramdisk.group(1)) * 1024, image)
    result = host_tool([fsck, "-f", image], [run.workdir])
    # Some damage (a zone marked used that no file holds) leaves the exit
    # status 0: any line but the banner counts as a complaint too.
    report = [line for line in (result.stdout + result.stderr).strip().splitlines()
              if line and not line.startswith("Forcing filesystem check")]
    if result.returncode != 0 or report:
        fail("fsck.minix finds the RAM disk damaged after the run "
             f"(exit status {result.returncode}):\n  " + "\n  ".join(report[:12]))
    mkfs = import_tool("mkfs")
    try:        # QEMU wrote the image: a link or an oversized file is refused
        saved = open_untrusted(image, int(ramdisk.group(1)) * 1024)
    except OSError as error:
        fail(f"cannot read the saved RAM disk: {error}")
    listing = mkfs.ImageReader(saved).listing()
    if f"/tmp/{directory}/note" not in listing:
        fail(f"after sync, /tmp/{directory}/note is not in the saved RAM disk")


@test(5, holes=CORE_HOLES)
def test_fault(run: Run) -> None:
    """Faults become signals: a bad pointer kills with SIGSEGV, a division by zero
    with SIGFPE, a SIGSEGV handler runs instead; the shell goes on."""
    boot_shell(run)
    output = sh(run, "fault null; echo status $?")
    if "status 139" not in output:
        fail(f"a program killed by SIGSEGV should leave $? = 139 (128 + 11); got {output!r}")
    if not re.search(r"pm: pid \d+ \(fault\) killed by signal 11", run.output[run.boot_start:]):
        fail("expected PM's line 'pm: pid N (fault) killed by signal 11 ...'")
    output = sh(run, "fault divide; echo status $?")
    if "status 136" not in output:
        fail(f"a division by zero should end in SIGFPE, $? = 136; got {output!r}")
    output = sh(run, "fault catch; echo status $?")
    if "caught signal 11" not in output or "status 42" not in output:
        fail(f"a SIGSEGV handler should run and exit with 42; got {output!r}")
    word = random_name(run)
    expect_output(run, f"echo {word}", word)


def rootfs_place(disk: str) -> tuple[int, int]:
    """(offset, size) of the root file system's boot module in the disk image."""
    mkimage = import_tool("mkimage")
    for entry in mkimage.read_directory(disk).files:
        if entry.name == "rootfs":
            return entry.lba * mkimage.SECTOR_SIZE, entry.size
    fail("the disk image has no rootfs boot module")


def corrupt_superblock(disk: str) -> None:
    """Overwrite the magic number of the root file system's superblock in disk."""
    with open(disk, "r+b") as image:
        image.seek(rootfs_place(disk)[0] + SUPERBLOCK_MAGIC_OFFSET)
        image.write(b"\xde\xad")


def corrupt_motd_inode(disk: str) -> None:
    """Point /etc/motd's first zone far beyond the end of the file system."""
    mkfs = import_tool("mkfs")
    start, size = rootfs_place(disk)
    with open(disk, "r+b") as image:
        image.seek(start)
        reader = mkfs.ImageReader(image.read(size))
        number = reader.lookup("/etc/motd")
        inode_offset = (reader.super.inode_table * mkfs.BLOCK_SIZE +
                        (number - 1) * mkfs.INODE.size)
        image.seek(start + inode_offset + INODE_ZONE0_OFFSET)
        image.write((0x7FFFFFF0).to_bytes(4, "little"))


@test(5, holes=CORE_HOLES)
def test_corrupt(run: Run) -> None:
    """A corrupt superblock is refused with a message, init finds no console and
    powers off (code 2); a corrupt inode makes reading that file fail with EIO,
    and the system goes on. Nothing crashes."""
    run.boot(disk_patch=corrupt_superblock)
    run.expect(re.compile(r"^fs: .*superblock.*$", re.MULTILINE), timeout=BOOT_TIMEOUT)
    code = run.wait_exit(timeout=BOOT_TIMEOUT)
    if "kernel panic" in run.output[run.boot_start:]:
        fail("the kernel panicked")
    if code != 2:
        fail(f"with no root file system init should power off with code 2, not {code}")

    run.boot(disk_patch=corrupt_motd_inode)
    run.expect(PROMPT, timeout=BOOT_TIMEOUT)
    output = sh(run, "cat /etc/motd; echo status $?")
    if "status 1" not in output or "Input/output error" not in output:
        fail("cat of a file whose inode names a zone past the end of the disk should fail "
             f"with an I/O error (EIO) and status 1; it printed {output.strip()!r}")
    word = random_name(run)
    expect_output(run, f"echo {word}", word)


@test(5, holes=CORE_HOLES)
def test_bochs(run: Run) -> None:
    """Under Bochs the system boots and runs a command through the shell."""
    word = random_name(run)
    output = run.bochs(params={"run": f"echo {word} | wc -c"})
    if f"{len(word) + 1:7d}" not in output.splitlines():
        fail(f"under Bochs, `echo {word} | wc -c` should print {len(word) + 1:7d}")


if __name__ == "__main__":
    sys.exit(main(lab=3, hidden_points=10))
