#!/usr/bin/env python3
"""mkfs.py - build a MINIX file system v3 image (1 KiB blocks), or list one.

The image is laid out the way util-linux's `mkfs.minix -3` lays it out, so
`fsck.minix -f` accepts it and the FS server mounts it. In 1 KiB blocks:

    0                  boot block (zeros)
    1                  superblock (magic 0x4d5a)
    2 ..               inode bitmap, then zone bitmap
    then               the inode table, 16 inodes of 64 bytes a block
    first_data_zone .. the data zones: "/" first, then every other
                       directory and file, in the order of their inodes

Bit 0 of both bitmaps is set and names nothing; inode bit i is inode i,
zone bit i is zone first_data_zone + i - 1; bits past the last inode or
zone are set too. Inode 1 is "/". A file's zone[0..6] are direct,
zone[7] an indirect block, zone[8] a double indirect block.

    mkfs.py --output IMG --size-kib N [--inodes N]
            [--tree DIR] [--file /PATH=HOSTPATH:MODE] [--dir /PATH:MODE]
            [--node /PATH=c|b:MAJOR:MINOR:MODE] ...
    mkfs.py --list IMG          print every path with its mode and size

Options apply in order, a later one replacing an earlier one for the same
path; missing parents become 0755 directories. --tree copies a host tree:
its files get mode 0644, or 0755 if the host file is executable, its
directories 0755. The default inode count is mkfs.minix's: a third of the
blocks, rounded up to a whole block of inodes. Owners are root; every time
is SOURCE_DATE_EPOCH if set, else a fixed date, so images are reproducible.

Tests import build_image(), Tree and ImageReader; the lab 3 grader calls
list_image() on a RAM disk saved from the running system.
"""
from __future__ import annotations

import argparse
import os
import struct
import sys
from dataclasses import dataclass, field

BLOCK_SIZE = 1024
SUPER_MAGIC_V3 = 0x4D5A
MAX_FILE_SIZE = 0x7FFFFFFF          # what mkfs.minix puts in s_max_size
ROOT_INODE = 1
INODES_PER_BLOCK = BLOCK_SIZE // 64
BITS_PER_BLOCK = BLOCK_SIZE * 8
NAME_MAX = 60
DIRECT_ZONES = 7
ZONES_PER_BLOCK = BLOCK_SIZE // 4   # 32-bit zone numbers in an indirect block
MAX_FILE_BLOCKS = DIRECT_ZONES + ZONES_PER_BLOCK + ZONES_PER_BLOCK ** 2
DEFAULT_TIME = 1704067200           # 2024-01-01 00:00:00 UTC

S_IFMT, S_IFDIR, S_IFREG = 0o170000, 0o040000, 0o100000
S_IFCHR, S_IFBLK = 0o020000, 0o060000

# The superblock: inodes, pad, imap_blocks, zmap_blocks, first_data_zone,
# log_zone_size, pad, max_size, zones, magic, pad, block_size, disk_version.
SUPERBLOCK = struct.Struct("<IHHHHHHIIHHHB")
# An inode: mode, links, uid, gid, size, atime, mtime, ctime, zone[10].
INODE = struct.Struct("<HHHHIIII10I")
# A directory entry: inode number (0 = free) and a NUL-padded name.
DIRENT = struct.Struct(f"<I{NAME_MAX}s")


class ImageError(Exception):
    """An input no image can be built from, or an image that is broken."""


def blocks_for(size: int) -> int:
    """How many whole blocks hold size bytes."""
    return (size + BLOCK_SIZE - 1) // BLOCK_SIZE


# ---- the superblock ----

@dataclass
class Superblock:
    """Where everything is: the numbers of the superblock."""
    inodes: int
    imap_blocks: int
    zmap_blocks: int
    first_data_zone: int
    zones: int                      # blocks on the device

    @classmethod
    def plan(cls, size_kib: int, inodes: int = 0) -> Superblock:
        """The layout mkfs.minix -3 chooses for size_kib blocks and inodes."""
        if not inodes:
            inodes = size_kib // 3
        inodes = (inodes + INODES_PER_BLOCK - 1) // INODES_PER_BLOCK * INODES_PER_BLOCK
        imap = (inodes + 1 + BITS_PER_BLOCK - 1) // BITS_PER_BLOCK
        table = inodes // INODES_PER_BLOCK
        zmap = (size_kib - (1 + imap + table) + BITS_PER_BLOCK) // (BITS_PER_BLOCK + 1)
        first = 2 + imap + zmap + table
        if inodes < 16 or first + 1 >= size_kib:
            raise ImageError(f"{size_kib} KiB is too small for {inodes} inodes")
        return cls(inodes, imap, zmap, first, size_kib)

    @property
    def inode_table(self) -> int:
        """The first block of the inode table."""
        return 2 + self.imap_blocks + self.zmap_blocks

    def pack(self) -> bytes:
        return SUPERBLOCK.pack(self.inodes, 0, self.imap_blocks, self.zmap_blocks,
                               self.first_data_zone, 0, 0, MAX_FILE_SIZE, self.zones,
                               SUPER_MAGIC_V3, 0, BLOCK_SIZE, 0)

    @classmethod
    def unpack(cls, block: bytes) -> Superblock:
        """Read the superblock; ImageError unless it is a MINIX v3 one we can read."""
        (inodes, _, imap, zmap, first, log_zone_size, _, _, zones, magic, _,
         block_size, _) = SUPERBLOCK.unpack_from(block)
        if magic != SUPER_MAGIC_V3:
            raise ImageError(f"bad magic {magic:#x}: not a MINIX v3 file system")
        if block_size != BLOCK_SIZE or log_zone_size != 0:
            raise ImageError(f"block size {block_size} << {log_zone_size} is not 1024")
        return cls(inodes, imap, zmap, first, zones)


# ---- inodes ----

@dataclass
class Inode:
    """One inode of the inode table."""
    mode: int = 0
    links: int = 0
    size: int = 0
    time: int = 0
    zones: list[int] = field(default_factory=lambda: [0] * 10)

    def pack(self) -> bytes:
        return INODE.pack(self.mode, self.links, 0, 0, self.size,
                          self.time, self.time, self.time, *self.zones)

    @classmethod
    def unpack(cls, raw: bytes) -> Inode:
        fields = INODE.unpack(raw)
        return cls(fields[0], fields[1], fields[4], fields[6], list(fields[8:]))


# ---- the tree to put in the image ----

@dataclass
class Node:
    """A directory, a file (data) or a device file (device number)."""
    mode: int                       # S_IF* type and permission bits
    data: bytes = b""
    device: int = 0
    children: dict[str, Node] = field(default_factory=dict)
    number: int = 0                 # its inode, once build_image numbers it

    @property
    def is_directory(self) -> bool:
        return self.mode & S_IFMT == S_IFDIR


class Tree:
    """The files and directories the image will hold, built path by path."""

    def __init__(self) -> None:
        self.root = Node(S_IFDIR | 0o755)

    def _split(self, path: str) -> tuple[Node, str]:
        """The directory that holds path (made if missing) and path's last name."""
        names = [name for name in path.split("/") if name]
        if not path.startswith("/") or not names:
            raise ImageError(f"{path!r}: not an absolute path below /")
        for name in names:
            if len(name.encode()) > NAME_MAX:
                raise ImageError(f"{path}: the name {name!r} is longer than {NAME_MAX} bytes")
        directory = self.root
        for name in names[:-1]:
            directory = directory.children.setdefault(name, Node(S_IFDIR | 0o755))
            if not directory.is_directory:
                raise ImageError(f"{path}: {name} is not a directory")
        return directory, names[-1]

    def put(self, path: str, node: Node) -> None:
        """Put node at path, replacing what was there (a directory keeps its entries)."""
        if path.strip("/") == "":
            if not node.is_directory:
                raise ImageError("/ must be a directory")
            self.root.mode = node.mode
            return
        parent, name = self._split(path)
        old = parent.children.get(name)
        if old is not None and old.is_directory:
            if node.is_directory:
                old.mode = node.mode
                return
            if old.children:
                raise ImageError(f"{path}: cannot replace a directory that has entries")
        parent.children[name] = node

    def add_directory(self, path: str, mode: int) -> None:
        self.put(path, Node(S_IFDIR | mode & 0o7777))

    def add_file(self, path: str, data: bytes, mode: int) -> None:
        self.put(path, Node(S_IFREG | mode & 0o7777, data=data))

    def add_device(self, path: str, kind: str, major: int, minor: int, mode: int) -> None:
        if kind not in ("c", "b") or not (0 <= major < 256 and 0 <= minor < 256):
            raise ImageError(f"{path}: a device is c|b with major and minor 0..255")
        type_bits = S_IFCHR if kind == "c" else S_IFBLK
        self.put(path, Node(type_bits | mode & 0o7777, device=major << 8 | minor))

    def add_host_tree(self, host_directory: str, path: str = "/") -> None:
        """Copy a host directory's contents under path (files 0644 or 0755)."""
        if not os.path.isdir(host_directory):
            raise ImageError(f"{host_directory}: not a directory")
        for entry in sorted(os.scandir(host_directory), key=lambda e: e.name):
            target = path.rstrip("/") + "/" + entry.name
            if entry.is_symlink():
                raise ImageError(f"{entry.path}: symbolic links are not supported")
            if entry.is_dir():
                self.add_directory(target, 0o755)
                self.add_host_tree(entry.path, target)
            elif entry.is_file():
                executable = entry.stat().st_mode & 0o111
                with open(entry.path, "rb") as host_file:
                    self.add_file(target, host_file.read(), 0o755 if executable else 0o644)
            else:
                raise ImageError(f"{entry.path}: only files and directories can be copied")


# ---- writing an image ----

def zone_blocks(data_blocks: int) -> int:
    """Data blocks plus the indirect blocks that point at them."""
    if data_blocks <= DIRECT_ZONES:
        return data_blocks
    beyond = data_blocks - DIRECT_ZONES - ZONES_PER_BLOCK
    if beyond <= 0:
        return data_blocks + 1
    return data_blocks + 2 + (beyond + ZONES_PER_BLOCK - 1) // ZONES_PER_BLOCK


class ImageWriter:
    """An image in memory: allocates inodes and zones in order, writes them."""

    def __init__(self, superblock: Superblock) -> None:
        self.super = superblock
        self.image = bytearray(superblock.zones * BLOCK_SIZE)
        self.inodes_used = 0
        self.next_zone = superblock.first_data_zone

    def new_inode(self, path: str) -> int:
        """The next free inode number; ImageError when none is left."""
        if self.inodes_used == self.super.inodes:
            raise ImageError(f"out of inodes: {path} needs one more "
                             f"(the image has {self.super.inodes}; use --inodes)")
        self.inodes_used += 1
        return self.inodes_used

    def new_zone(self, contents: bytes = b"") -> int:
        """Take the next free zone and fill it with contents."""
        zone = self.next_zone
        self.next_zone += 1
        self.image[zone * BLOCK_SIZE:zone * BLOCK_SIZE + len(contents)] = contents
        return zone

    def pointer_block(self, data: bytes, first: int, count: int) -> int:
        """An indirect block for data blocks first .. first+count-1 (allocated here)."""
        zones = [self.new_zone(data[(first + i) * BLOCK_SIZE:(first + i + 1) * BLOCK_SIZE])
                 for i in range(count)]
        return self.new_zone(struct.pack(f"<{count}I", *zones))

    def write_data(self, path: str, data: bytes) -> list[int]:
        """Store data in new zones; returns the inode's ten zone slots."""
        count = blocks_for(len(data))
        if count > MAX_FILE_BLOCKS:
            raise ImageError(f"{path}: too large for a MINIX v3 file")
        needed = zone_blocks(count)
        free = self.super.zones - self.next_zone
        if needed > free:
            raise ImageError(f"image full: {path} needs {needed - free} more blocks")
        zones = [0] * 10
        for i in range(min(count, DIRECT_ZONES)):
            zones[i] = self.new_zone(data[i * BLOCK_SIZE:(i + 1) * BLOCK_SIZE])
        done = DIRECT_ZONES
        if count > done:
            zones[7] = self.pointer_block(data, done, min(count - done, ZONES_PER_BLOCK))
            done += ZONES_PER_BLOCK
        if count > done:
            # The double indirect block is filled in after the blocks it names.
            double = self.new_zone()
            pointers = []
            while done < count:
                pointers.append(self.pointer_block(data, done,
                                                   min(count - done, ZONES_PER_BLOCK)))
                done += ZONES_PER_BLOCK
            self.image[double * BLOCK_SIZE:double * BLOCK_SIZE + 4 * len(pointers)] = \
                struct.pack(f"<{len(pointers)}I", *pointers)
            zones[8] = double
        return zones

    def write_inode(self, number: int, inode: Inode) -> None:
        offset = self.super.inode_table * BLOCK_SIZE + (number - 1) * INODE.size
        self.image[offset:offset + INODE.size] = inode.pack()

    def mark_bitmap(self, start: int, blocks: int, used: int, meaningful: int) -> None:
        """Set bits 0 .. used and every bit past meaningful in a bitmap."""
        for bit in range(blocks * BITS_PER_BLOCK):
            if bit <= used or bit > meaningful:
                self.image[start * BLOCK_SIZE + bit // 8] |= 1 << (bit % 8)

    def finish(self) -> bytes:
        """Write the superblock and both bitmaps; return the whole image."""
        sb = self.super
        self.image[BLOCK_SIZE:BLOCK_SIZE + SUPERBLOCK.size] = sb.pack()
        self.mark_bitmap(2, sb.imap_blocks, self.inodes_used, sb.inodes)
        self.mark_bitmap(2 + sb.imap_blocks, sb.zmap_blocks,
                         self.next_zone - sb.first_data_zone, sb.zones - sb.first_data_zone)
        return bytes(self.image)


def number_inodes(node: Node, path: str, parent: int, writer: ImageWriter,
                  numbered: list[tuple[str, Node, int]]) -> None:
    """Give node and everything below it inode numbers, depth first by name.

    Appends (path, node, its parent's number) to numbered, in that order."""
    node.number = writer.new_inode(path)
    numbered.append((path, node, parent or node.number))
    for name in sorted(node.children):
        number_inodes(node.children[name], path.rstrip("/") + "/" + name, node.number,
                      writer, numbered)


def directory_data(node: Node, parent: int) -> bytes:
    """A directory's entries: ".", "..", then its children by name."""
    entries = [(node.number, "."), (parent, "..")]
    entries += [(child.number, name) for name, child in sorted(node.children.items())]
    return b"".join(DIRENT.pack(inode, name.encode()) for inode, name in entries)


def build_image(tree: Tree, size_kib: int, inodes: int = 0, time: int = DEFAULT_TIME) -> bytes:
    """The bytes of an image of size_kib KiB holding tree (ImageError if it cannot)."""
    writer = ImageWriter(Superblock.plan(size_kib, inodes))
    numbered: list[tuple[str, Node, int]] = []
    number_inodes(tree.root, "/", 0, writer, numbered)
    for path, node, parent in numbered:
        inode = Inode(mode=node.mode, links=1, time=time)
        if node.is_directory:
            inode.links = 2 + sum(child.is_directory for child in node.children.values())
            node.data = directory_data(node, parent)
        if node.mode & S_IFMT in (S_IFCHR, S_IFBLK):
            inode.zones[0] = node.device
        else:
            inode.size = len(node.data)
            inode.zones = writer.write_data(path, node.data)
        writer.write_inode(node.number, inode)
    return writer.finish()


# ---- reading an image ----

class ImageReader:
    """Reads files and directories back out of an image (to list or check it)."""

    def __init__(self, image: bytes) -> None:
        if len(image) < 2 * BLOCK_SIZE:
            raise ImageError("too short to hold a superblock")
        self.image = image
        self.super = Superblock.unpack(image[BLOCK_SIZE:2 * BLOCK_SIZE])
        if self.super.zones * BLOCK_SIZE > len(image):
            raise ImageError(f"the superblock says {self.super.zones} blocks, "
                             f"the image has {len(image) // BLOCK_SIZE}")

    def block(self, zone: int) -> bytes:
        if not self.super.first_data_zone <= zone < self.super.zones:
            raise ImageError(f"zone {zone} is outside the data zones")
        return self.image[zone * BLOCK_SIZE:(zone + 1) * BLOCK_SIZE]

    def inode(self, number: int) -> Inode:
        if not 1 <= number <= self.super.inodes:
            raise ImageError(f"inode {number} does not exist")
        offset = self.super.inode_table * BLOCK_SIZE + (number - 1) * INODE.size
        return Inode.unpack(self.image[offset:offset + INODE.size])

    def pointers(self, zone: int) -> list[int]:
        """The zone numbers an indirect block holds (a hole: all zeros)."""
        if zone == 0:
            return [0] * ZONES_PER_BLOCK
        return list(struct.unpack(f"<{ZONES_PER_BLOCK}I", self.block(zone)))

    def data(self, inode: Inode) -> bytes:
        """The size bytes of a file or directory (holes read as zeros)."""
        zones = inode.zones[:DIRECT_ZONES] + self.pointers(inode.zones[7])
        for indirect in self.pointers(inode.zones[8]):
            zones += self.pointers(indirect)
        count = blocks_for(inode.size)
        blocks = [self.block(z) if z else bytes(BLOCK_SIZE) for z in zones[:count]]
        return b"".join(blocks)[:inode.size]

    def entries(self, inode: Inode) -> list[tuple[str, int]]:
        """A directory's (name, inode number) pairs, free slots left out."""
        raw = self.data(inode)
        found = []
        for offset in range(0, len(raw) - DIRENT.size + 1, DIRENT.size):
            number, name = DIRENT.unpack_from(raw, offset)
            if number:
                found.append((name.rstrip(b"\0").decode(errors="replace"), number))
        return found

    def lookup(self, path: str) -> int:
        """The inode number of path; ImageError if it is not there."""
        number = ROOT_INODE
        for name in [n for n in path.split("/") if n]:
            entries = dict(self.entries(self.inode(number)))
            if name not in entries:
                raise ImageError(f"{path}: no such file or directory")
            number = entries[name]
        return number

    def read_file(self, path: str) -> bytes:
        return self.data(self.inode(self.lookup(path)))

    def walk(self, path: str = "/", number: int = ROOT_INODE):
        """Yield (path, inode) for path and, depth first, all below it."""
        inode = self.inode(number)
        yield path, inode
        if inode.mode & S_IFMT == S_IFDIR:
            for name, child in self.entries(inode):
                if name not in (".", ".."):
                    yield from self.walk(path.rstrip("/") + "/" + name, child)

    def listing(self) -> str:
        """One line per path: octal mode, size (major,minor for devices), path."""
        lines = []
        for path, inode in self.walk():
            if inode.mode & S_IFMT in (S_IFCHR, S_IFBLK):
                size = f"{inode.zones[0] >> 8},{inode.zones[0] & 0xFF}"
            else:
                size = str(inode.size)
            lines.append(f"{inode.mode:06o} {size:>8} {path}\n")
        return "".join(lines)


def list_image(path: str) -> str:
    """The listing of the image file at path (see ImageReader.listing)."""
    with open(path, "rb") as image_file:
        return ImageReader(image_file.read()).listing()


# ---- the command line ----

class InOrder(argparse.Action):
    """Collects --tree/--file/--dir/--node in the order they were given."""

    def __call__(self, parser, namespace, value, option_string=None):
        namespace.contents.append((self.dest, value))


def parse_mode(text: str, what: str) -> int:
    try:
        return int(text, 8)
    except ValueError:
        raise ImageError(f"{what}: {text!r} is not an octal mode") from None


def apply_option(tree: Tree, option: str, value: str) -> None:
    """Add what one --tree, --file, --dir or --node option describes."""
    if option == "tree":
        tree.add_host_tree(value)
    elif option == "file":
        path, _, source = value.partition("=")
        host_path, _, mode = source.rpartition(":")
        if not host_path:
            raise ImageError(f"--file {value}: expected /PATH=HOSTPATH:MODE")
        with open(host_path, "rb") as host_file:
            tree.add_file(path, host_file.read(), parse_mode(mode, path))
    elif option == "dir":
        path, _, mode = value.rpartition(":")
        tree.add_directory(path, parse_mode(mode, path))
    else:
        path, _, device = value.partition("=")
        parts = device.split(":")
        if len(parts) != 4 or not parts[1].isdigit() or not parts[2].isdigit():
            raise ImageError(f"--node {value}: expected /PATH=c|b:MAJOR:MINOR:MODE")
        tree.add_device(path, parts[0], int(parts[1]), int(parts[2]),
                        parse_mode(parts[3], path))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--output", metavar="IMAGE", help="build a new image here")
    mode.add_argument("--list", metavar="IMAGE", help="print the tree of an image")
    parser.add_argument("--size-kib", type=int, default=0, metavar="N")
    parser.add_argument("--inodes", type=int, default=0, metavar="N")
    parser.set_defaults(contents=[])
    for option, metavar in (("tree", "DIR"), ("file", "/PATH=HOSTPATH:MODE"),
                            ("dir", "/PATH:MODE"), ("node", "/PATH=c|b:MAJOR:MINOR:MODE")):
        parser.add_argument("--" + option, dest=option, action=InOrder, metavar=metavar)
    args = parser.parse_args(argv)

    try:
        if args.list:
            sys.stdout.write(list_image(args.list))
            return 0
        if args.size_kib <= 0:
            parser.error("--output needs --size-kib")
        tree = Tree()
        for option, value in args.contents:
            apply_option(tree, option, value)
        epoch = os.environ.get("SOURCE_DATE_EPOCH", str(DEFAULT_TIME))
        if not epoch.isdigit():
            raise ImageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds")
        time = int(epoch)
        image = build_image(tree, args.size_kib, args.inodes, time)
        with open(args.output, "wb") as output:
            output.write(image)
    except (ImageError, OSError) as error:
        print(f"mkfs.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
