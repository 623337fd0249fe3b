#!/usr/bin/env python3
"""gdbinit.py BUILD PORT - print the gdb script that 'make gdb' runs.

It connects to QEMU's gdb stub and loads the kernel's and the loader's
symbols, so breakpoints by name and source lines work at once. From lab 2
on it also defines `server NAME` (a system process's symbols: pm, fs ...)
and, from lab 3, `program NAME` (a program of /bin): every program is
linked at the same user address, so load one at a time.
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
define server
add-symbol-file {os.path.join(build, "user")}/$arg0
end
document server
server NAME: load the symbols of the system process NAME (its ELF in {os.path.join(build, "user")}).
end
define program
add-symbol-file {os.path.join(build, "bin")}/$arg0
end
document program
program NAME: load the symbols of the program /bin/NAME (its ELF in {os.path.join(build, "bin")}).
end
echo Try: break kernel_main, continue, backtrace, info registers.\\n
echo Processes: server fs (or pm, ...), program sh; then break do_read, continue.\\n
"""


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: gdbinit.py BUILD PORT")
    sys.stdout.write(gdbinit(sys.argv[1], int(sys.argv[2])))
