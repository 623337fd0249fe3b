"""hostile.py - the submissions a hostile class would hand in, and the
verdict the autograder must give each (the self-test grades them).

Each Case makes one submission from a handout tree and says what its
results must show. Two batches: one of the newest lab (a tree that does
not compile, one that injects a command through a file name and edits
the kit, one that links to other files, one that forges the test
programs' lines from a fork-bombing init) and one of lab 1, whose builds
are cheap (includes of files outside the tree, a build that never ends, a
kernel that floods the console). Around both the
self-test checks that nothing outside each submission's own results
changed (the kit and the submissions, by hash) and that no process
outlived the batch.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from typing import Callable, Optional

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# What a submission's results and log must never show.
PASSWORD_LINE = "root:x:0:0"
HIDDEN_MARK = "tests the instructor keeps out of the handout"
INJECTED_NAME = "a;cd lab3-servers;cd root;sh p.sh;#"
BUILD_TIMEOUT_ENDLESS = 15      # wall seconds for the lab-1 batch's builds (one takes 5)


@dataclass
class Verdict:
    """What the autograder said of one submission."""
    row: dict                   # its scores.csv row
    results: str                # its results.json, as text
    log: str                    # its log.txt


@dataclass
class Case:
    """One submission: how to make it, and what must hold of its verdict."""
    name: str
    lab: int                    # the batch it is graded in
    base: str                   # "untouched" or "solved": the tree it starts from
    make: Callable[[str, "Corpus"], None]
    check: Callable[[Verdict, dict[str, Verdict], "Corpus"], Optional[str]]


@dataclass
class Corpus:
    """Where the submissions live, and files the cases plant outside them."""
    solved: str                 # a classmate's tree, with every hole filled
    marker: str                 # a file an escaped build would create


def write(path: str, text: str, mode: str = "w") -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode, encoding="utf-8") as f:
        f.write(text)


def tree_hash(folder: str, skip: tuple[str, ...] = ()) -> str:
    """A hash of every name, link and file's bytes under folder, but for
    the top-level folders in skip and Python's caches."""
    digest = hashlib.sha256()
    for directory, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if f != "__pycache__" and
                            os.path.relpath(os.path.join(directory, f), folder) not in skip)
        for name in sorted(files) + [f for f in folders
                                     if os.path.islink(os.path.join(directory, f))]:
            path = os.path.join(directory, name)
            digest.update(os.path.relpath(path, folder).encode() + b"\0")
            if os.path.islink(path):
                digest.update(b"link:" + os.readlink(path).encode())
            elif os.path.isfile(path):
                with open(path, "rb") as f:
                    digest.update(hashlib.sha256(f.read()).digest())
            else:
                digest.update(b"special")
    return digest.hexdigest()


def processes_mentioning(text: str) -> list[str]:
    """Command lines of running processes that contain text."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                line = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in line:
            found.append(f"{pid}: {line[:200]}")
    return found


# ---- the submissions ----

def broken(tree: str, corpus: Corpus) -> None:
    write(os.path.join(tree, "lab1-boot", "kernel", "main.c"), "\nthis does not compile\n", "a")


def tampered(tree: str, corpus: Corpus) -> None:
    """Edits of everything the kit owns, and a command in a file name that
    the root image's rule once ran (it writes outside and reads the net)."""
    for part in ("grade/gradelib.py", "GNUmakefile", "common/include/ipc.h",
                 "lab1-boot/lab.mk", "lab3-servers/lab.mk", "lab3-servers/tests/posixtest.c"):
        write(os.path.join(tree, part), "\n$(error the kit's file was replaced) !!!\n", "a")
    root = os.path.join(tree, "lab3-servers", "root")
    write(os.path.join(root, INJECTED_NAME), "")
    write(os.path.join(root, INJECTED_NAME.split(";")[0]), "")     # make's "a" prerequisite
    write(os.path.join(root, "p.sh"),
          f"touch {corpus.marker}\n"
          f"python3 -c 'import urllib.request as u; u.urlopen(\"http://127.0.0.1:9/\")' "
          f"&& touch {corpus.marker}.net\n")


def links(tree: str, corpus: Corpus) -> None:
    """A classmate's solution linked in, the password file, and links and
    special files that broke the old copy (dangling, a FIFO, a loop)."""
    classmate = os.path.join(corpus.solved, "lab3-servers", "pm", "fork.c")
    fork = os.path.join(tree, "lab3-servers", "pm", "fork.c")
    os.remove(fork)
    os.symlink(classmate, fork)
    kernel = os.path.join(tree, "lab1-boot", "kernel")
    os.symlink("/etc/passwd", os.path.join(kernel, "passwd.txt"))
    os.symlink("/nowhere/at/all", os.path.join(kernel, "dangling.c"))
    os.symlink(".", os.path.join(tree, "lab1-boot", "loop"))
    os.mkfifo(os.path.join(kernel, "fifo"))


FAKE_INIT = r"""/* A hostile init: fill the process table, then print what the test
 * programs would print if they had passed, and power off. */
#include <cairn.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static const char *lines[] = {
	"ok fork_wait", "ok getpid", "posixtest: 49 passed, 0 failed",
	"ok flood_ran", "badcalls: 6 passed, 0 failed",
	"ok wave1", "forkstress: 32 passed, 0 failed",
	"ok readback", "filestress: 60 passed, 0 failed",
};

int main(void)
{
	for (int fd = 0; fd < 3; fd++)
		open("/dev/console", O_RDWR);
	for (int i = 0; i < 200; i++) {
		pid_t child = fork();
		if (child == 0)
			for (;;)
				fork();
	}
	for (unsigned int i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		printf("%s\n", lines[i]);
	shutdown(0);
	return 0;
}
"""


def fake(tree: str, corpus: Corpus) -> None:
    init = os.path.join(tree, "lab3-servers", "init")
    shutil.rmtree(init)
    write(os.path.join(init, "init.c"), FAKE_INIT)


def include_passwd(tree: str, corpus: Corpus) -> None:
    main = os.path.join(tree, "lab1-boot", "kernel", "main.c")
    write(main, '#include "/etc/passwd"\n' + open(main, encoding="utf-8").read())


def include_hidden(tree: str, corpus: Corpus) -> None:
    main = os.path.join(tree, "lab1-boot", "kernel", "main.c")
    write(main, '#include "../../grade/hidden_lab1.py"\n' + open(main, encoding="utf-8").read())


def endless(tree: str, corpus: Corpus) -> None:
    """An assembler macro that expands itself twice, forty deep."""
    write(os.path.join(tree, "lab1-boot", "kernel", "entry.S"),
          '\n.macro boom n\n.if \\n\nboom "(\\n-1)"\nboom "(\\n-1)"\n.endif\n.endm\nboom 40\n',
          "a")


def flood(tree: str, corpus: Corpus) -> None:
    """A kernel that prints for ever before anything a test looks for."""
    main = os.path.join(tree, "lab1-boot", "kernel", "main.c")
    text = open(main, encoding="utf-8").read()
    start = text.index("console_init();", text.index("void kernel_main(")) + len("console_init();")
    write(main, text[:start] + "\n\tfor (;;)\n"
          '\t\tkprintf("flood flood flood flood flood flood flood flood\\n");\n' + text[start:])


# ---- the verdicts ----

def never_shows(verdict: Verdict, *texts: str) -> Optional[str]:
    for text in texts:
        if text in verdict.results or text in verdict.log:
            return f"its results or log show {text!r}"
    return None


def score(verdict: Verdict) -> int:
    return int(verdict.row["score"] or 0)


def expect_build_failed(v: Verdict, all_: dict[str, Verdict], c: Corpus) -> Optional[str]:
    if v.row["note"] != "build failed" or not int(v.row["max_score"] or 0):
        return f"expected 'build failed' with every test at 0, got {v.row}"
    return never_shows(v, PASSWORD_LINE, HIDDEN_MARK)


def expect_tampered(v: Verdict, all_: dict[str, Verdict], c: Corpus) -> Optional[str]:
    # Built from the kit's own files, the handout builds and fails its tests.
    if v.row["note"] or not v.row["tests"] or score(v) == int(v.row["max_score"]):
        return (f"the kit's edits or the injected name changed the verdict: {v.row['score']}/"
                f"{v.row['max_score']} {v.row['note']!r}")
    if INJECTED_NAME not in v.log:
        return "the log does not list the file name it left out"
    if os.path.exists(c.marker) or os.path.exists(c.marker + ".net"):
        return "the injected command ran"
    return None


def expect_links(v: Verdict, all_: dict[str, Verdict], c: Corpus) -> Optional[str]:
    if score(v) >= int(v.row["max_score"]):
        return "a classmate's solution, linked in, earned the points"
    for name in ("pm/fork.c", "passwd.txt", "dangling.c", "loop", "fifo"):
        if f"{name}: " not in v.log:
            return f"the log does not say it left out {name}"
    return never_shows(v, PASSWORD_LINE)


def expect_fake(v: Verdict, all_: dict[str, Verdict], c: Corpus) -> Optional[str]:
    forged = {name: v.row["tests"].get(name) for name in
              ("posix", "badcalls", "forkstress", "filestress")}
    if any(points for points in forged.values()):
        return f"forged lines earned points: {forged}"
    if "posixtest: 49 passed, 0 failed" not in v.results:
        return "the forged lines never reached the console: the case tests nothing"
    return None


def expect_timed_out(v: Verdict, all_: dict[str, Verdict], c: Corpus) -> Optional[str]:
    return None if v.row["note"] == "build timed out" else f"expected a time-out: {v.row}"


def expect_flood(v: Verdict, all_: dict[str, Verdict], c: Corpus) -> Optional[str]:
    if v.row["note"] or not v.row["tests"] or v.row["tests"].get("boot"):
        return f"a flooding kernel should fail its tests, not the grader: {v.row}"
    if "the console flooded" not in v.results:
        return "no test says the console flooded"
    return None


# The solved tree is graded through the Gradescope package (selftest.py),
# and the untouched handout by each lab's handout check.
CASES = [
    Case("broken", 0, "solved", broken, expect_build_failed),
    Case("tampered", 0, "untouched", tampered, expect_tampered),
    Case("links", 0, "untouched", links, expect_links),
    Case("fake", 0, "solved", fake, expect_fake),
    Case("include-passwd", 1, "solved", include_passwd, expect_build_failed),
    Case("include-hidden", 1, "solved", include_hidden, expect_build_failed),
    Case("endless", 1, "solved", endless, expect_timed_out),
    Case("flood", 1, "solved", flood, expect_flood),
]
