"""Unit tests for mkimage.py: layout, reading back, parameters, bad inputs."""
import contextlib
import io
import os
import re
import struct
import tempfile
import unittest

import mkimage

HERE = os.path.dirname(os.path.abspath(__file__))
BOOTIMAGE_H = os.path.join(HERE, "..", "include", "bootimage.h")

BOOTSECT = bytes(510) + b"\x55\xaa"
LOADER = b"L" * 1000                      # two sectors
KERNEL = b"\x7fELF" + b"K" * 3000         # six sectors
SYMBOLS = b"c0100000 kernel_entry\n"


def defines_of_bootimage_h() -> dict[str, int]:
    """Every '#define NAME number' of bootimage.h, with the numbers evaluated."""
    values: dict[str, int] = {}
    with open(BOOTIMAGE_H, encoding="utf-8") as header:
        for line in header:
            found = re.match(r"#define\s+(\w+)\s+(\S.*?)\s*(/\*.*)?$", line)
            if not found:
                continue
            expression = re.sub(r"(0x[0-9A-Fa-f]+|\d+)U\b", r"\1", found.group(2))
            expression = re.sub(r"[A-Z_]{3,}", lambda m: str(values.get(m.group(0), m.group(0))),
                                expression)
            try:
                values[found.group(1)] = int(eval(expression, {"__builtins__": {}}))
            except (NameError, SyntaxError):
                pass
    return values


class ImageCase(unittest.TestCase):
    """Each test gets a fresh directory for its image."""

    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.image = os.path.join(self.directory.name, "disk.img")

    def tearDown(self):
        self.directory.cleanup()

    def build(self, params=None, modules=None, **options) -> bytes:
        files = [("kernel", KERNEL, mkimage.BOOT_FILE_KERNEL)]
        for name, data in (modules if modules is not None else [("kernel.sym", SYMBOLS)]):
            files.append((name, data, mkimage.BOOT_FILE_MODULE))
        image = mkimage.build_image(BOOTSECT, LOADER, files,
                                    params if params is not None else {"panic": "exit"},
                                    **options)
        with open(self.image, "wb") as f:
            f.write(image)
        return image


class ConstantsTest(unittest.TestCase):
    def test_constants_match_bootimage_h(self):
        defines = defines_of_bootimage_h()
        for name in ("SECTOR_SIZE", "BOOT_DIRECTORY_LBA", "BOOT_DIRECTORY_SECTORS",
                     "LOADER_LBA", "LOADER_MAX_SECTORS", "BOOT_DIRECTORY_MAGIC",
                     "BOOT_NAME_LENGTH", "BOOT_PARAMS_LENGTH", "BOOT_MAX_FILES",
                     "BOOT_FILE_KERNEL", "BOOT_FILE_MODULE"):
            self.assertEqual(getattr(mkimage, name), defines[name], name)

    def test_struct_sizes_match_bootimage_h(self):
        self.assertEqual(mkimage.DIRECTORY_FILE.size, 36)
        directory = mkimage.DIRECTORY_HEADER.size + mkimage.BOOT_MAX_FILES * 36
        self.assertLessEqual(directory, mkimage.BOOT_DIRECTORY_SECTORS * mkimage.SECTOR_SIZE)


class LayoutTest(ImageCase):
    def test_sectors_are_where_bootimage_h_says(self):
        image = self.build()
        self.assertEqual(image[:512], BOOTSECT)
        magic, loader_sectors, file_count = struct.unpack_from("<IHH", image, 512)
        self.assertEqual((magic, loader_sectors, file_count), (0x44425243, 2, 2))
        self.assertEqual(image[5 * 512:5 * 512 + len(LOADER)], LOADER)
        # The kernel follows the loader's two sectors; the module, the kernel's six.
        self.assertEqual(image[7 * 512:7 * 512 + len(KERNEL)], KERNEL)
        self.assertEqual(image[13 * 512:13 * 512 + len(SYMBOLS)], SYMBOLS)

    def test_image_is_whole_cylinders(self):
        image = self.build()
        self.assertEqual(len(image), 16 * 63 * 512)
        self.assertEqual(mkimage.geometry(len(image)), (1, 16, 63))

    def test_size_mib_makes_a_larger_image(self):
        image = self.build(size_mib=2)
        self.assertGreaterEqual(len(image), 2 * 1024 * 1024)
        self.assertEqual(len(image) % (16 * 63 * 512), 0)


class ReadBackTest(ImageCase):
    def test_read_directory(self):
        self.build(params={"panic": "exit", "run": "help"})
        directory = mkimage.read_directory(self.image)
        self.assertEqual(directory.loader_sectors, 2)
        self.assertEqual(directory.params, {"panic": "exit", "run": "help"})
        self.assertEqual([(f.name, f.lba, f.size, f.kind) for f in directory.files],
                         [("kernel", 7, len(KERNEL), 1), ("kernel.sym", 13, len(SYMBOLS), 2)])

    def test_read_boot_file(self):
        self.build()
        self.assertEqual(mkimage.read_boot_file(self.image, "kernel.sym"), SYMBOLS)
        with self.assertRaises(mkimage.ImageError):
            mkimage.read_boot_file(self.image, "nothing")

    def test_not_an_image(self):
        with open(self.image, "wb") as f:
            f.write(bytes(16 * 63 * 512))
        with self.assertRaisesRegex(mkimage.ImageError, "no boot directory"):
            mkimage.read_directory(self.image)


class SetParamsTest(ImageCase):
    def test_override_keeps_others_and_order(self):
        self.build(params={"panic": "exit", "run": "help", "seed": "1"})
        mkimage.set_params(self.image, {"run": "backtrace; exit", "new": "yes"})
        self.assertEqual(list(mkimage.read_directory(self.image).params.items()),
                         [("panic", "exit"), ("run", "backtrace; exit"), ("seed", "1"),
                          ("new", "yes")])

    def test_only_the_directory_changes(self):
        before = self.build()
        mkimage.set_params(self.image, {"run": "x"})
        with open(self.image, "rb") as f:
            after = f.read()
        self.assertEqual(len(after), len(before))
        self.assertEqual(after[:512], before[:512])
        self.assertEqual(after[5 * 512:], before[5 * 512:])
        self.assertNotEqual(after[512:5 * 512], before[512:5 * 512])

    def test_too_long_is_refused_and_image_untouched(self):
        before = self.build()
        with self.assertRaisesRegex(mkimage.ImageError, "at most 232"):
            mkimage.set_params(self.image, {"run": "x" * 240})
        with open(self.image, "rb") as f:
            self.assertEqual(f.read(), before)

    def test_command_line(self):
        self.build()
        self.assertEqual(mkimage.main(["--set-params", self.image, "run=help", "a=b=c"]), 0)
        self.assertEqual(mkimage.read_directory(self.image).params,
                         {"panic": "exit", "run": "help", "a": "b=c"})


class ErrorTest(ImageCase):
    def files(self, count=1):
        return [("kernel", KERNEL, 1)] + [(f"m{i}", b"x", 2) for i in range(count - 1)]

    def test_bootsect_wrong_size(self):
        with self.assertRaisesRegex(mkimage.ImageError, "511 bytes"):
            mkimage.build_image(BOOTSECT[:511], LOADER, self.files(), {})

    def test_bootsect_without_signature(self):
        with self.assertRaisesRegex(mkimage.ImageError, "signature"):
            mkimage.build_image(bytes(512), LOADER, self.files(), {})

    def test_loader_too_large(self):
        with self.assertRaisesRegex(mkimage.ImageError, "loader"):
            mkimage.build_image(BOOTSECT, bytes(64 * 512 + 1), self.files(), {})
        mkimage.build_image(BOOTSECT, bytes(64 * 512), self.files(), {})

    def test_name_too_long(self):
        with self.assertRaisesRegex(mkimage.ImageError, "name"):
            mkimage.build_image(BOOTSECT, LOADER, [("kernel", KERNEL, 1), ("n" * 24, b"", 2)], {})
        mkimage.build_image(BOOTSECT, LOADER, [("kernel", KERNEL, 1), ("n" * 23, b"", 2)], {})

    def test_duplicate_name(self):
        with self.assertRaisesRegex(mkimage.ImageError, "two boot files"):
            mkimage.build_image(BOOTSECT, LOADER, [("kernel", KERNEL, 1), ("kernel", b"", 2)], {})

    def test_too_many_files(self):
        with self.assertRaisesRegex(mkimage.ImageError, "at most 49"):
            mkimage.build_image(BOOTSECT, LOADER, self.files(50), {})
        mkimage.build_image(BOOTSECT, LOADER, self.files(49), {})

    def test_params_too_long(self):
        # "k=" and 229 bytes of value, with the NUL, fill the 232 bytes exactly.
        with self.assertRaisesRegex(mkimage.ImageError, "at most 232"):
            mkimage.build_image(BOOTSECT, LOADER, self.files(), {"k": "v" * 230})
        mkimage.build_image(BOOTSECT, LOADER, self.files(), {"k": "v" * 229})

    def test_bad_param(self):
        for params in ({"": "v"}, {"k": "two\nlines"}, {"a=b": "c"}):
            with self.assertRaises(mkimage.ImageError):
                mkimage.build_image(BOOTSECT, LOADER, self.files(), params)

    def test_size_mib_too_small(self):
        with self.assertRaisesRegex(mkimage.ImageError, "too small"):
            mkimage.build_image(BOOTSECT, LOADER, [("kernel", bytes(2 * 1024 * 1024), 1)],
                                {}, size_mib=1)

    def test_command_line_reports_errors(self):
        bootsect = os.path.join(self.directory.name, "bootsect.bin")
        with open(bootsect, "wb") as f:
            f.write(bytes(512))
        errors = io.StringIO()
        with contextlib.redirect_stderr(errors):
            status = mkimage.main(["--output", self.image, "--bootsect", bootsect,
                                   "--loader", bootsect, "--kernel", bootsect])
        self.assertEqual(status, 1)
        self.assertIn("mkimage: error: the boot sector does not end in the signature",
                      errors.getvalue())
        self.assertFalse(os.path.exists(self.image))


@unittest.skipUnless(os.environ.get("CAIRN_BUILD"), "no CAIRN_BUILD to check")
class BuiltImageTest(unittest.TestCase):
    def test_the_build_image_reads_back(self):
        path = os.path.join(os.environ["CAIRN_BUILD"], "disk.img")
        directory = mkimage.read_directory(path)
        self.assertEqual(directory.files[0].name, "kernel")
        self.assertEqual(directory.files[0].kind, mkimage.BOOT_FILE_KERNEL)
        self.assertTrue(mkimage.read_boot_file(path, "kernel").startswith(b"\x7fELF"))
        mkimage.geometry(os.path.getsize(path))


if __name__ == "__main__":
    unittest.main()
