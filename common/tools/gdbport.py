#!/usr/bin/env python3
"""gdbport.py - print a TCP port for QEMU's gdb stub: unique per user, free now.

Each user starts from their own base (so two students on one machine do not
collide), then takes the first port from there that nothing listens on.
"""
import os
import socket
import sys


def free_port(start: int, tries: int = 200) -> int:
    """The first port at or above start that can be bound on 127.0.0.1."""
    for port in range(start, start + tries):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise SystemExit(f"gdbport: no free port in {start}..{start + tries - 1}")


def user_base_port() -> int:
    """25000 plus a per-user offset: the same user gets the same base."""
    return 25000 + (os.getuid() % 5000) * 4


if __name__ == "__main__":
    print(free_port(user_base_port()))
    sys.exit(0)
