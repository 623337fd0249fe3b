"""Unit tests for mkfs.py: layout against mkfs.minix, contents read back,
fsck.minix's verdict, the command line, and the errors."""
import contextlib
import io
import os
import shutil
import subprocess
import tempfile
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mkfs  # noqa: E402

FSCK = shutil.which("fsck.minix") or next(
    (p for p in ("/sbin/fsck.minix", "/usr/sbin/fsck.minix") if os.path.exists(p)), None)
MKFS_MINIX = shutil.which("mkfs.minix") or next(
    (p for p in ("/sbin/mkfs.minix", "/usr/sbin/mkfs.minix") if os.path.exists(p)), None)

# Sizes that exercise each kind of zone: none, direct only, all direct,
# one indirect, double indirect.
SIZES = {"empty": 0, "one": 1, "seven": 7 * 1024, "indirect": 7 * 1024 + 1,
         "double": 300 * 1024}


def pattern(size: int, salt: int) -> bytes:
    """size bytes no two blocks of which are alike (a misplaced block shows)."""
    return bytes((i * 7 + i // 1024 * 13 + salt) & 0xFF for i in range(size))


class ImageCase(unittest.TestCase):
    """Each test gets a fresh directory for its images and inputs."""

    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.image = os.path.join(self.directory.name, "root.img")

    def tearDown(self):
        self.directory.cleanup()

    def write_image(self, tree: mkfs.Tree, size_kib: int = 2048, inodes: int = 0) -> bytes:
        image = mkfs.build_image(tree, size_kib, inodes)
        with open(self.image, "wb") as f:
            f.write(image)
        return image

    def host_file(self, name: str, data: bytes) -> str:
        path = os.path.join(self.directory.name, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def assert_fsck_clean(self):
        """fsck.minix -f exits 0 and says nothing but that it checked."""
        if FSCK is None:
            self.skipTest("fsck.minix not installed (apt-get install util-linux): "
                          "fsck check skipped")
        done = subprocess.run([FSCK, "-f", self.image], stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        said = [line for line in done.stdout.splitlines()
                if line.strip() and not line.startswith("Forcing filesystem check")]
        self.assertEqual((done.returncode, said), (0, []), done.stdout)


class LayoutTest(ImageCase):
    def test_plan_of_a_2_mib_image(self):
        sb = mkfs.Superblock.plan(2048)
        self.assertEqual((sb.inodes, sb.imap_blocks, sb.zmap_blocks, sb.first_data_zone,
                          sb.zones), (688, 1, 1, 47, 2048))

    def test_inode_count_rounds_up_to_a_block(self):
        self.assertEqual(mkfs.Superblock.plan(2048, 500).inodes, 512)

    def test_empty_image_is_mkfs_minix_byte_for_byte(self):
        if MKFS_MINIX is None:
            self.skipTest("mkfs.minix not installed: comparison skipped")
        for size_kib, inodes in ((2048, 0), (2048, 512), (9000, 100), (70000, 0)):
            with self.subTest(size_kib=size_kib, inodes=inodes):
                reference = os.path.join(self.directory.name, "reference.img")
                with open(reference, "wb") as f:
                    f.truncate(size_kib * 1024)
                command = [MKFS_MINIX, "-3"] + (["-i", str(inodes)] if inodes else [])
                subprocess.run(command + [reference, str(size_kib)], check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                with open(reference, "rb") as f:
                    expected = f.read()
                # Take mkfs.minix's timestamp: everything else must match as is.
                reader = mkfs.ImageReader(expected)
                ours = mkfs.build_image(mkfs.Tree(), size_kib, inodes,
                                        time=reader.inode(1).time)
                self.assertEqual(len(ours), len(expected))
                self.assertTrue(ours == expected, "the images differ")

    def test_too_small(self):
        with self.assertRaisesRegex(mkfs.ImageError, "too small"):
            mkfs.build_image(mkfs.Tree(), 32, 5000)


class ContentsTest(ImageCase):
    def build_tree(self) -> mkfs.Tree:
        tree = mkfs.Tree()
        for salt, (name, size) in enumerate(SIZES.items()):
            tree.add_file(f"/data/{name}", pattern(size, salt), 0o644)
        tree.add_file("/a/b/c/deep", b"deep\n", 0o600)
        tree.add_directory("/tmp", 0o1777)
        tree.add_device("/dev/console", "c", 4, 0, 0o600)
        tree.add_device("/dev/ram", "b", 1, 0, 0o600)
        for i in range(40):                         # a directory of several blocks
            tree.add_file(f"/many/file{i:02d}", b"%d\n" % i, 0o644)
        return tree

    def test_fsck_accepts_it(self):
        self.write_image(self.build_tree())
        self.assert_fsck_clean()

    def test_fsck_notices_a_wrong_link_count(self):
        """The check above can fail: a root with one link too many."""
        image = bytearray(self.write_image(self.build_tree()))
        sb = mkfs.Superblock.plan(2048)
        image[sb.inode_table * mkfs.BLOCK_SIZE + 2] += 1
        with open(self.image, "wb") as f:
            f.write(image)
        with self.assertRaises(AssertionError):
            self.assert_fsck_clean()

    def test_file_contents_read_back(self):
        reader = mkfs.ImageReader(self.write_image(self.build_tree()))
        for salt, (name, size) in enumerate(SIZES.items()):
            with self.subTest(name=name):
                self.assertTrue(reader.read_file(f"/data/{name}") == pattern(size, salt))
        self.assertEqual(reader.read_file("/a/b/c/deep"), b"deep\n")
        for i in range(40):
            self.assertEqual(reader.read_file(f"/many/file{i:02d}"), b"%d\n" % i)

    def test_zones_used_by_each_size(self):
        reader = mkfs.ImageReader(self.write_image(self.build_tree()))
        zones = {name: reader.inode(reader.lookup(f"/data/{name}")).zones for name in SIZES}
        self.assertEqual(zones["empty"], [0] * 10)
        self.assertNotIn(0, zones["seven"][:7])
        self.assertEqual(zones["seven"][7:], [0] * 3)
        self.assertNotEqual(zones["indirect"][7], 0)
        self.assertEqual(zones["indirect"][8], 0)
        self.assertNotEqual(zones["double"][8], 0)

    def test_modes_links_and_devices(self):
        reader = mkfs.ImageReader(self.write_image(self.build_tree()))

        def inode(path):
            return reader.inode(reader.lookup(path))

        self.assertEqual(inode("/").mode, 0o40755)
        self.assertEqual(inode("/").links, 2 + 5)          # a data dev many tmp
        self.assertEqual(inode("/a/b/c").links, 2)
        self.assertEqual(inode("/a/b").links, 3)
        self.assertEqual(inode("/tmp").mode, 0o41777)
        self.assertEqual(inode("/a/b/c/deep").mode, 0o100600)
        self.assertEqual(inode("/a/b/c/deep").links, 1)
        self.assertEqual((inode("/dev/console").mode, inode("/dev/console").zones[0]),
                         (0o20600, 4 << 8))
        self.assertEqual((inode("/dev/ram").mode, inode("/dev/ram").zones[0]),
                         (0o60600, 1 << 8))
        self.assertEqual(inode("/many").size, 42 * 64)
        root = dict(reader.entries(inode("/")))
        self.assertEqual((root["."], root[".."]), (1, 1))

    def test_same_input_same_image(self):
        self.assertEqual(mkfs.build_image(self.build_tree(), 2048),
                         mkfs.build_image(self.build_tree(), 2048))

    def test_later_option_wins(self):
        tree = mkfs.Tree()
        tree.add_file("/x", b"first", 0o644)
        tree.add_file("/x", b"second", 0o755)
        tree.add_directory("/d", 0o700)
        tree.add_file("/d/f", b"", 0o644)
        tree.add_directory("/d", 0o755)               # keeps /d/f
        reader = mkfs.ImageReader(self.write_image(tree))
        self.assertEqual(reader.read_file("/x"), b"second")
        self.assertEqual(reader.inode(reader.lookup("/x")).mode, 0o100755)
        self.assertEqual(reader.inode(reader.lookup("/d")).mode, 0o40755)
        reader.lookup("/d/f")


class CommandLineTest(ImageCase):
    def run_main(self, *args) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = mkfs.main(list(args))
        return status, out.getvalue(), err.getvalue()

    def test_build_and_list(self):
        root = os.path.join(self.directory.name, "root")
        os.makedirs(os.path.join(root, "etc"))
        with open(os.path.join(root, "etc", "motd"), "w") as f:
            f.write("hello\n")
        shell = self.host_file("sh", pattern(9000, 3))
        status, _, err = self.run_main(
            "--output", self.image, "--size-kib", "1024", "--tree", root,
            "--file", f"/bin/sh={shell}:0755", "--dir", "/tmp:01777",
            "--node", "/dev/null=c:1:3:0666")
        self.assertEqual((status, err), (0, ""))
        self.assert_fsck_clean()
        status, listing, _ = self.run_main("--list", self.image)
        self.assertEqual(status, 0)
        self.assertEqual(listing.splitlines(), [
            "040755      384 /",
            "040755      192 /bin",
            "100755     9000 /bin/sh",
            "040755      192 /dev",
            "020666      1,3 /dev/null",
            "040755      192 /etc",
            "100644        6 /etc/motd",
            "041777      128 /tmp"])
        self.assertEqual(mkfs.list_image(self.image), listing)
        with open(self.image, "rb") as f:
            self.assertTrue(mkfs.ImageReader(f.read()).read_file("/bin/sh") == pattern(9000, 3))

    def test_image_full(self):
        big = self.host_file("big", bytes(200 * 1024))
        status, _, err = self.run_main("--output", self.image, "--size-kib", "128",
                                       "--file", f"/bin/x={big}:0755")
        self.assertEqual(status, 1)
        self.assertRegex(err, r"^mkfs.py: image full: /bin/x needs \d+ more blocks\n$")
        self.assertFalse(os.path.exists(self.image))

    def test_out_of_inodes(self):
        tree = mkfs.Tree()
        for i in range(16):
            tree.add_file(f"/f{i}", b"", 0o644)
        with self.assertRaisesRegex(mkfs.ImageError, "out of inodes: /f9"):
            mkfs.build_image(tree, 1024, 16)

    def test_bad_arguments(self):
        for args in (["--node", "/dev/x=q:1:2:0600"], ["--dir", "/tmp:rwx"],
                     ["--file", "/x=" + os.path.join(self.directory.name, "none") + ":0644"],
                     ["--file", "relative=" + self.host_file("f", b"") + ":0644"],
                     ["--file", "/" + "n" * 61 + "=" + self.host_file("g", b"") + ":0644"]):
            with self.subTest(args=args):
                status, _, err = self.run_main("--output", self.image, "--size-kib", "256",
                                               *args)
                self.assertEqual(status, 1)
                self.assertTrue(err.startswith("mkfs.py: "), err)
                self.assertFalse(os.path.exists(self.image))

    def test_not_an_image(self):
        self.host_file("root.img", bytes(4096))
        status, _, err = self.run_main("--list", self.image)
        self.assertEqual(status, 1)
        self.assertIn("not a MINIX v3 file system", err)


@unittest.skipUnless(os.environ.get("CAIRN_BUILD"), "no CAIRN_BUILD to check")
class BuiltImageTest(ImageCase):
    def test_the_built_root_image(self):
        path = os.path.join(os.environ["CAIRN_BUILD"], "rootfs.img")
        if not os.path.exists(path):
            self.skipTest(f"{path} not built")
        with open(path, "rb") as f:
            reader = mkfs.ImageReader(f.read())
        reader.lookup("/bin/sh")
        self.image = path
        self.assert_fsck_clean()


if __name__ == "__main__":
    unittest.main()
