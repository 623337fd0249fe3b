#!/usr/bin/env python3
"""lab3.py - the grader of lab 3: PM, FS, DS, the shell and the utilities.

    python3 grade/lab3.py --build build/lab3 [-v] [TEST ...]     ('make grade')
    python3 grade/lab3.py --list                                 the tests

Two kinds of test. Shell sessions boot the system to its shell prompt and
type commands over the serial line, with file names and data drawn at
random for each run. Program tests boot with the boot parameter run=CMD:
init runs `sh -c CMD` instead of an interactive shell and powers the
machine off with its exit status; the test programs in lab3-servers/tests
print one line per check and a summary, and take a seed so every run
checks different names and data ("--seed N" reruns the very same case).

After a file stress the fsck test saves the RAM disk from guest memory and
has util-linux's fsck.minix judge it.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from gradelib import Run, TestFailure, fail, import_tool, main, test

PROMPT = "$ "
BOOT_TIMEOUT = 10               # guest seconds from power-on to the first prompt
CORE_HOLES = ["lab3:fork", "lab3:exec", "lab3:lookup", "lab3:bmap"]
WRITE_HOLES = CORE_HOLES + ["lab3:alloczone"]
RAMDISK_LINE = re.compile(r"^memory: RAM disk of (\d+) KiB at physical 0x([0-9a-f]{8})$",
                          re.MULTILINE)
SUPERBLOCK_MAGIC_OFFSET = 1024 + 24    # MINIX v3: block 1, s_magic at byte 24
INODE_ZONE0_OFFSET = 24                 # MINIX v3 inode: zone[0] after mode .. ctime
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


def check_summary(text: str, program: str, minimum: int) -> None:
    """Fail unless program printed 'PROGRAM: N passed, 0 failed' with N >= minimum."""
    failures = [line for line in text.splitlines() if line.startswith("FAIL ")]
    summary = re.search(rf"^{program}: (\d+) passed, (\d+) failed$", text, re.MULTILINE)
    if failures:
        fail(f"{program} reports {len(failures)} failed checks, the first: {failures[0]!r}")
    if summary is None:
        fail(f"{program} never printed its summary line (did it crash or hang?)")
    passed, failed = int(summary.group(1)), int(summary.group(2))
    if failed:
        fail(f"{program}: {failed} checks failed")
    if passed < minimum:
        fail(f"{program} ran only {passed} checks, expected at least {minimum}")


def random_name(run: Run) -> str:
    return f"{run.rand.choice(WORDS)}{run.rand.randint(100, 999)}"


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
    check_summary(text, "posixtest", minimum=40)
    if code != 0:
        fail(f"posixtest passed but the run ended with code {code}")


@test(5, holes=WRITE_HOLES, timeout=60)
def test_badcalls(run: Run) -> None:
    """Thousands of malformed requests (random types, wild pointers) leave PM and
    FS serving correctly."""
    seed = run.rand.randint(1, 999_999)
    code, text = run_program(run, f"badcalls {seed} 3000")
    check_summary(text, "badcalls", minimum=6)
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
    check_summary(text, "forkstress", minimum=2)
    if code != 0:
        fail(f"forkstress passed but the run ended with code {code}")


@test(10, holes=WRITE_HOLES, timeout=120)
def test_filestress(run: Run) -> None:
    """filestress: many files (one needs double-indirect zones), read back and deleted."""
    seed = run.rand.randint(1, 999_999)
    code, text = run_program(run, f"filestress {seed} 60", timeout=120)
    check_summary(text, "filestress", minimum=5)
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
    check_summary(output, "filestress", minimum=5)
    directory = random_name(run)
    sh(run, f"mkdir /tmp/{directory}; echo {directory} > /tmp/{directory}/note; sync")
    image = os.path.join(run.workdir, "ramdisk.img")
    run.save_memory(int(ramdisk.group(2), 16), int(ramdisk.group(1)) * 1024, image)
    result = subprocess.run([fsck, "-f", image], capture_output=True, text=True, timeout=60)
    # Some damage (a zone marked used that no file holds) leaves the exit
    # status 0: any line but the banner counts as a complaint too.
    report = [line for line in (result.stdout + result.stderr).strip().splitlines()
              if line and not line.startswith("Forcing filesystem check")]
    if result.returncode != 0 or report:
        fail("fsck.minix finds the RAM disk damaged after the run "
             f"(exit status {result.returncode}):\n  " + "\n  ".join(report[:12]))
    listing = import_tool("mkfs").list_image(image)
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
    sys.exit(main(lab=3))
