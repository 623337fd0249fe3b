#!/usr/bin/env python3
"""mkimage.py - build the boot disk image, or read and change one.

The layout is the one common/include/bootimage.h describes, in 512-byte
sectors:

    0                      the boot sector (signature 0x55 0xAA at 510)
    1 .. 4                 the boot directory (struct boot_directory)
    5 ..                   the loader, a flat binary
    then                   the kernel and each module, each sector aligned

and the image is padded to whole cylinders of 16 heads x 63 sectors, so a
BIOS or Bochs that asks for the disk's geometry gets a plain answer.

    mkimage.py --output disk.img --bootsect B --loader L --kernel K
               [--module name=path ...] [--param key=value ...] [--size-mib N]
    mkimage.py --set-params disk.img key=value ...   change parameters in place
    mkimage.py --list disk.img                       print the boot directory

The graders import it: read_directory(path) and set_params(path, values).
"""
from __future__ import annotations

import argparse
import os
import struct
import sys
from dataclasses import dataclass, field

# ---- the numbers of common/include/bootimage.h (test_mkimage.py checks them) ----
SECTOR_SIZE = 512
BOOT_DIRECTORY_LBA = 1
BOOT_DIRECTORY_SECTORS = 4
LOADER_LBA = BOOT_DIRECTORY_LBA + BOOT_DIRECTORY_SECTORS
LOADER_MAX_SECTORS = 64
BOOT_DIRECTORY_MAGIC = 0x44425243
BOOT_NAME_LENGTH = 24
BOOT_PARAMS_LENGTH = 232
BOOT_MAX_FILES = 49
BOOT_FILE_KERNEL = 1
BOOT_FILE_MODULE = 2

# struct boot_directory: magic, loader_sectors, file_count, params[], then
# BOOT_MAX_FILES of struct boot_file: name[], lba, size, kind. Little endian.
DIRECTORY_HEADER = struct.Struct(f"<IHH{BOOT_PARAMS_LENGTH}s")
DIRECTORY_FILE = struct.Struct(f"<{BOOT_NAME_LENGTH}sIII")

# The disk geometry the image is padded to.
HEADS = 16
SECTORS_PER_TRACK = 63
CYLINDER_BYTES = HEADS * SECTORS_PER_TRACK * SECTOR_SIZE

BOOT_SIGNATURE = b"\x55\xaa"
KERNEL_NAME = "kernel"


class ImageError(Exception):
    """An input the image cannot be built from, or a broken image."""


@dataclass
class BootFile:
    """One entry of the boot directory."""
    name: str
    lba: int
    size: int
    kind: int


@dataclass
class BootDirectory:
    """The boot directory of an image, as read_directory() returns it."""
    loader_sectors: int
    params: dict[str, str] = field(default_factory=dict)
    files: list[BootFile] = field(default_factory=list)


def sectors_for(size: int) -> int:
    """How many whole sectors hold size bytes."""
    return (size + SECTOR_SIZE - 1) // SECTOR_SIZE


def pad_to_sector(data: bytes) -> bytes:
    """data followed by zeros up to the next sector boundary."""
    return data + bytes(sectors_for(len(data)) * SECTOR_SIZE - len(data))


def geometry(image_size: int) -> tuple[int, int, int]:
    """(cylinders, heads, sectors per track) of an image of image_size bytes."""
    if image_size % CYLINDER_BYTES != 0:
        raise ImageError(f"an image of {image_size} bytes is not whole cylinders "
                         f"of {CYLINDER_BYTES} bytes")
    return image_size // CYLINDER_BYTES, HEADS, SECTORS_PER_TRACK


# ---- boot parameters ----

def parse_assignment(text: str, what: str) -> tuple[str, str]:
    """Split "key=value" (a --param or --module argument) into its two parts."""
    key, equals, value = text.partition("=")
    if not equals or not key:
        raise ImageError(f"{what} '{text}' is not of the form key=value")
    return key, value


def encode_params(params: dict[str, str]) -> bytes:
    """The params field: "key=value" lines joined by '\\n', NUL-terminated."""
    for key, value in params.items():
        if "\n" in key or "\n" in value or "=" in key or "\0" in key + value or not key:
            raise ImageError(f"boot parameter {key!r}={value!r}: a key must be non-empty "
                             "without '=', and neither part may hold a newline or NUL")
    text = "\n".join(f"{key}={value}" for key, value in params.items()).encode()
    if len(text) + 1 > BOOT_PARAMS_LENGTH:
        raise ImageError(f"the boot parameters take {len(text) + 1} bytes with their NUL; "
                         f"at most {BOOT_PARAMS_LENGTH} fit")
    return text


def decode_params(field_bytes: bytes) -> dict[str, str]:
    """The params field of a directory as an ordered dictionary."""
    text = field_bytes.split(b"\0", 1)[0].decode()
    params: dict[str, str] = {}
    for line in text.split("\n"):
        if line:
            key, _, value = line.partition("=")
            params[key] = value
    return params


# ---- the boot directory ----

def encode_directory(directory: BootDirectory) -> bytes:
    """The directory's sectors, exactly as struct boot_directory lays them out."""
    if len(directory.files) > BOOT_MAX_FILES:
        raise ImageError(f"{len(directory.files)} files; the boot directory holds "
                         f"at most {BOOT_MAX_FILES}")
    data = DIRECTORY_HEADER.pack(BOOT_DIRECTORY_MAGIC, directory.loader_sectors,
                                 len(directory.files), encode_params(directory.params))
    for entry in directory.files:
        name = entry.name.encode()
        if not name or len(name) >= BOOT_NAME_LENGTH:
            raise ImageError(f"file name '{entry.name}' must be 1 to "
                             f"{BOOT_NAME_LENGTH - 1} bytes long")
        data += DIRECTORY_FILE.pack(name, entry.lba, entry.size, entry.kind)
    data += bytes(BOOT_DIRECTORY_SECTORS * SECTOR_SIZE - len(data))
    return data


def decode_directory(data: bytes) -> BootDirectory:
    """Parse the directory sectors; raises ImageError when the magic is wrong."""
    if len(data) < BOOT_DIRECTORY_SECTORS * SECTOR_SIZE:
        raise ImageError("the image is too short to hold a boot directory")
    magic, loader_sectors, file_count, params = DIRECTORY_HEADER.unpack_from(data, 0)
    if magic != BOOT_DIRECTORY_MAGIC:
        raise ImageError(f"no boot directory (magic 0x{magic:08x}, "
                         f"expected 0x{BOOT_DIRECTORY_MAGIC:08x})")
    if file_count > BOOT_MAX_FILES:
        raise ImageError(f"the boot directory claims {file_count} files")
    directory = BootDirectory(loader_sectors, decode_params(params))
    for index in range(file_count):
        offset = DIRECTORY_HEADER.size + index * DIRECTORY_FILE.size
        name, lba, size, kind = DIRECTORY_FILE.unpack_from(data, offset)
        directory.files.append(BootFile(name.split(b"\0", 1)[0].decode(), lba, size, kind))
    return directory


def read_directory(path: str) -> BootDirectory:
    """The boot directory of the image at path."""
    with open(path, "rb") as image:
        image.seek(BOOT_DIRECTORY_LBA * SECTOR_SIZE)
        return decode_directory(image.read(BOOT_DIRECTORY_SECTORS * SECTOR_SIZE))


def write_directory(path: str, directory: BootDirectory) -> None:
    """Overwrite the boot directory of the image at path; nothing else changes."""
    data = encode_directory(directory)
    with open(path, "r+b") as image:
        image.seek(BOOT_DIRECTORY_LBA * SECTOR_SIZE)
        image.write(data)


def set_params(path: str, values: dict[str, str]) -> None:
    """Set boot parameters of the image at path in place.

    Parameters named in values take the new value (keeping their place);
    new ones are added at the end; every other parameter is kept.
    """
    directory = read_directory(path)
    directory.params.update(values)
    write_directory(path, directory)


def read_boot_file(path: str, name: str) -> bytes:
    """The contents of the boot file called name in the image at path."""
    for entry in read_directory(path).files:
        if entry.name == name:
            with open(path, "rb") as image:
                image.seek(entry.lba * SECTOR_SIZE)
                return image.read(entry.size)
    raise ImageError(f"no boot file called '{name}'")


# ---- building an image ----

def check_bootsect(bootsect: bytes) -> None:
    """Refuse anything but a 512-byte sector ending in the boot signature."""
    if len(bootsect) != SECTOR_SIZE:
        raise ImageError(f"the boot sector is {len(bootsect)} bytes, not {SECTOR_SIZE}")
    if bootsect[SECTOR_SIZE - 2:] != BOOT_SIGNATURE:
        raise ImageError("the boot sector does not end in the signature 0x55 0xAA")


def build_image(bootsect: bytes, loader: bytes, files: list[tuple[str, bytes, int]],
                params: dict[str, str], size_mib: int = 0) -> bytes:
    """The bytes of a disk image.

    files is a list of (name, contents, kind); the kernel must come first.
    The image is at least size_mib MiB, rounded up to whole cylinders.
    """
    check_bootsect(bootsect)
    loader_sectors = sectors_for(len(loader))
    if loader_sectors == 0 or loader_sectors > LOADER_MAX_SECTORS:
        raise ImageError(f"the loader is {len(loader)} bytes ({loader_sectors} sectors); "
                         f"it must be 1 to {LOADER_MAX_SECTORS} sectors")
    names = [name for name, _, _ in files]
    for name in names:
        if names.count(name) > 1:
            raise ImageError(f"two boot files are called '{name}'")

    directory = BootDirectory(loader_sectors, dict(params))
    contents = b""
    next_lba = LOADER_LBA + loader_sectors
    for name, data, kind in files:
        directory.files.append(BootFile(name, next_lba, len(data), kind))
        contents += pad_to_sector(data)
        next_lba += sectors_for(len(data))

    image = bootsect + encode_directory(directory) + pad_to_sector(loader) + contents
    wanted = max(size_mib * 1024 * 1024, len(image))
    if size_mib and len(image) > size_mib * 1024 * 1024:
        raise ImageError(f"the files need {len(image)} bytes; --size-mib {size_mib} is too small")
    cylinders = (wanted + CYLINDER_BYTES - 1) // CYLINDER_BYTES
    return image + bytes(cylinders * CYLINDER_BYTES - len(image))


def read_input(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def list_directory(path: str) -> str:
    """A readable listing of the image's boot directory (for --list)."""
    directory = read_directory(path)
    cylinders, heads, sectors = geometry(os.path.getsize(path))
    kinds = {BOOT_FILE_KERNEL: "kernel", BOOT_FILE_MODULE: "module"}
    lines = [f"{path}: {cylinders} cylinders x {heads} heads x {sectors} sectors",
             f"loader: {directory.loader_sectors} sectors at {LOADER_LBA}",
             "params:"]
    lines += [f"  {key}={value}" for key, value in directory.params.items()]
    lines.append(f"files: {len(directory.files)}")
    for entry in directory.files:
        kind = kinds.get(entry.kind, f"kind {entry.kind}")
        lines.append(f"  {entry.name:{BOOT_NAME_LENGTH}} {kind:7} "
                     f"lba {entry.lba:6}  {entry.size:9} bytes")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--output", metavar="IMAGE", help="build a new image here")
    mode.add_argument("--set-params", metavar="IMAGE", help="change parameters in place")
    mode.add_argument("--list", metavar="IMAGE", help="print the boot directory")
    parser.add_argument("--bootsect", help="the 512-byte boot sector")
    parser.add_argument("--loader", help="the loader, a flat binary")
    parser.add_argument("--kernel", help="the kernel, an ELF file")
    parser.add_argument("--module", action="append", default=[], metavar="NAME=PATH")
    parser.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--size-mib", type=int, default=0, metavar="N",
                        help="make the image at least N MiB")
    parser.add_argument("assignments", nargs="*", metavar="KEY=VALUE",
                        help="with --set-params: the parameters to set")
    args = parser.parse_args(argv)

    try:
        if args.list:
            sys.stdout.write(list_directory(args.list))
        elif args.set_params:
            set_params(args.set_params,
                       dict(parse_assignment(a, "parameter") for a in args.assignments))
        else:
            if args.assignments:
                parser.error(f"unexpected arguments: {' '.join(args.assignments)}")
            if not (args.bootsect and args.loader and args.kernel):
                parser.error("--output needs --bootsect, --loader and --kernel")
            files = [(KERNEL_NAME, read_input(args.kernel), BOOT_FILE_KERNEL)]
            for module in args.module:
                name, path = parse_assignment(module, "module")
                files.append((name, read_input(path), BOOT_FILE_MODULE))
            params = dict(parse_assignment(p, "parameter") for p in args.param)
            image = build_image(read_input(args.bootsect), read_input(args.loader),
                                files, params, args.size_mib)
            with open(args.output, "wb") as output:
                output.write(image)
    except (ImageError, OSError) as error:
        print(f"mkimage: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
