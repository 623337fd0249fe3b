"""Unit tests for linecount.py."""
import unittest

from linecount import code_lines


class CodeLinesTest(unittest.TestCase):
    def test_comments_and_blank_lines_do_not_count(self):
        text = "/* a\n * b\n */\nint x;   /* c */\n\n// d\nint y; // e\n"
        self.assertEqual(code_lines(text), 2)

    def test_comment_markers_inside_strings_are_code(self):
        self.assertEqual(code_lines('char *s = "/* not a comment";\nint z;\n'), 2)

    def test_assembly_hash_comments(self):
        text = "# a comment\n#include \"x.h\"\n\tmovl $1, %eax\n"
        self.assertEqual(code_lines(text, assembly=True), 2)


if __name__ == "__main__":
    unittest.main()
