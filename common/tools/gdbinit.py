#!/usr/bin/env python3
"""gdbinit.py BUILD PORT - print the gdb script that 'make gdb' runs.

It connects to QEMU's gdb stub and loads the kernel's and the loader's
symbols, so breakpoints by name and source lines work at once.
"""
import os
import sys


def gdbinit(build: str, port: int) -> str:
    """The gdb commands for the build directory and the stub's port."""
    kernel = os.path.join(build, "kernel")
    loader = os.path.join(build, "loader.elf")
    return f"""\
set confirm off
set pagination off
set architecture i386
echo + target remote 127.0.0.1:{port}\\n
target remote 127.0.0.1:{port}
echo + symbol-file {kernel}\\n
symbol-file {kernel}
add-symbol-file {loader}
echo Try: break kernel_main, continue, backtrace, info registers.\\n
"""


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: gdbinit.py BUILD PORT")
    sys.stdout.write(gdbinit(sys.argv[1], int(sys.argv[2])))
