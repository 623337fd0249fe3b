#!/usr/bin/env python3
"""gradescope.py - write the Gradescope autograder package of a lab.

    gradescope.py --lab N --output FILE.zip [--unsandboxed]

The zip holds what Gradescope's "zip file upload" autograder wants at its
root: setup.sh (run once when the image is built: it installs the Debian
packages the kit needs) and run_autograder (run for each submission), and
beside them the kit as the instructor has it, hidden tests included, for
labs 1..N only and without solutions-private/. run_autograder grades
/autograder/submission with grade/autograde.py --one, sandboxed, into
/autograder/results/results.json. (AUTOGRADER_ROOT=DIR stands in for
/autograder, so the package can be tried in a plain folder.)

Where Gradescope's image cannot run the sandbox (bubblewrap needs user
namespaces), the results say so and give 0; --unsandboxed writes a package
that grades without it: each submission then runs in its own container,
but the student's build could read the hidden tests there.
"""
from __future__ import annotations

import argparse
import os
import sys
import zipfile

import handout

ROOT = handout.ROOT
# Debian's (and Ubuntu's) packages for building, emulating and sandboxing.
PACKAGES = ("make gcc gcc-multilib binutils python3 qemu-system-x86 gdb bochs bochsbios "
            "vgabios util-linux bubblewrap git")

SETUP = f"""#!/bin/sh
# setup.sh - Gradescope runs this once, as root, when it builds the image.
set -eu
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends {PACKAGES}
"""

RUN_AUTOGRADER = """#!/bin/sh
# run_autograder - Gradescope runs this for each submission: grade lab {lab}.
set -u
top=${{AUTOGRADER_ROOT:-/autograder}}
mkdir -p "$top/results"
cd "$top/source" || exit 1
exec python3 grade/autograde.py --lab {lab} {flags}--one "$top/submission" \\
	--results "$top/results/results.json"
"""


def lab_number(path: str) -> int:
    """N of a path inside labN-*/, or 0."""
    top = path.split("/")[0]
    return int(top[3]) if top.startswith("lab") and top[3:4].isdigit() else 0


def write_package(lab: int, output: str, unsandboxed: bool) -> int:
    """Write the zip; return the number of kit files in it."""
    files = [f for f in handout.kit_files(hidden_tests=True) if lab_number(f) <= lab]
    scripts = {"setup.sh": SETUP,
               "run_autograder": RUN_AUTOGRADER.format(
                   lab=lab, flags="--no-sandbox " if unsandboxed else "")}
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in scripts.items():
            entry = zipfile.ZipInfo(name)
            entry.external_attr = 0o100755 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(entry, text)
        for path in files:
            package.write(os.path.join(ROOT, path), path)
    return len(files)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="write a lab's Gradescope autograder zip")
    parser.add_argument("--lab", type=int, required=True, help="the lab it grades")
    parser.add_argument("--output", required=True, metavar="ZIP", help="the zip to write")
    parser.add_argument("--unsandboxed", action="store_true",
                        help="grade without the sandbox (an image without user namespaces)")
    args = parser.parse_args(argv)
    if not os.path.isfile(os.path.join(ROOT, "grade", f"lab{args.lab}.py")):
        print(f"gradescope: there is no grader for lab {args.lab}", file=sys.stderr)
        return 2
    count = write_package(args.lab, args.output, args.unsandboxed)
    print(f"gradescope: wrote {args.output}: setup.sh, run_autograder and {count} kit files "
          f"(lab {args.lab}{', unsandboxed' if args.unsandboxed else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
