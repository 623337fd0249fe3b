"""Unit tests for skelgen.py: rendering, drift and malformed holes."""
import unittest

import skelgen

GOOD = """int foo(int a)
{
	/* LAB 1: your code here.
	 * Hint: return twice a. */
	/* SOLUTION BEGIN lab1:foo */
	return 2 * a;
	/* SOLUTION ELSE
	panic("LAB 1: foo() is not written yet");
	   SOLUTION END */
}

void bar(void)
{
	/* LAB 1: your code here. */
	/* SOLUTION BEGIN lab1:bar */
	baz();
	/* SOLUTION ELSE
	return_error("LAB 1: bar() is not written yet");
	   SOLUTION END */
}
"""


class RenderTest(unittest.TestCase):
    def test_student_copy_has_stubs_and_no_solution(self):
        text = skelgen.render(skelgen.parse("a.c", GOOD), None)
        self.assertIn('panic("LAB 1: foo() is not written yet");', text)
        self.assertIn("LAB 1: your code here.", text)
        self.assertNotIn("2 * a", text)
        self.assertNotIn("SOLUTION", text)

    def test_open_one_hole_keeps_the_others_solved(self):
        text = skelgen.render(skelgen.parse("a.c", GOOD), {"lab1:bar"})
        self.assertIn("return 2 * a;", text)
        self.assertIn("return_error(", text)
        self.assertNotIn("baz()", text)

    def test_hole_table_names_function_and_hint(self):
        table = skelgen.holes_table([skelgen.parse("a.c", GOOD)])
        self.assertEqual([h["id"] for h in table], ["lab1:foo", "lab1:bar"])
        self.assertEqual(table[0]["function"], "foo()")
        self.assertEqual(table[0]["hint"], "Hint: return twice a")


class MalformedTest(unittest.TestCase):
    def assertRefused(self, text: str, message: str):
        with self.assertRaises(skelgen.HoleError) as caught:
            skelgen.parse("a.c", text)
        self.assertIn(message, str(caught.exception))

    def test_empty_solution_is_refused(self):
        self.assertRefused(GOOD.replace("\treturn 2 * a;\n", ""), "solution is empty")

    def test_silent_stub_is_refused(self):
        self.assertRefused(GOOD.replace('panic("LAB 1: foo() is not written yet");', "return 0;"),
                           "fail loudly")

    def test_missing_comment_is_refused(self):
        self.assertRefused(GOOD.replace("/* LAB 1: your code here.\n\t * Hint: return twice a. */\n", ""),
                           "your code here")

    def test_wrong_lab_is_refused(self):
        self.assertRefused(GOOD.replace("LAB 1: your code here.\n\t * Hint", "LAB 2: your code here.\n\t * Hint"),
                           "says LAB 2")

    def test_unclosed_hole_is_refused(self):
        self.assertRefused(GOOD.split("   SOLUTION END */")[0], "not closed")

    def test_stray_marker_is_refused(self):
        self.assertRefused(GOOD + "/* SOLUTION END */\n", "stray")


class RepositoryTest(unittest.TestCase):
    def test_repository_skeletons_are_in_sync(self):
        files = skelgen.solution_files()
        self.assertTrue(files, "solutions-private/ has files with holes")
        for solution in files:
            self.assertEqual(skelgen.read(solution.path), skelgen.render(solution, None),
                             f"{solution.path} drifted from its solution")


if __name__ == "__main__":
    unittest.main()
