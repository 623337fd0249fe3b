/*
 * grep - print the lines of files that contain a pattern.
 *
 *	grep [-v] [-c] [-n] pattern [file ...]	no file: standard input
 *	-v: the lines that do NOT match   -c: only count them
 *	-n: put each line's number before it
 *
 * The pattern is plain text, plus three special characters: '^' at its
 * start ties it to the start of the line, '$' at its end to the end of
 * the line, and '.' matches any one character.
 * Exit status: 0 if a line was selected, 1 if none, 2 after an error.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define LINE_LENGTH 1024	/* a longer line is read as several */

static bool invert;		/* -v */
static bool count_only;		/* -c */
static bool number_lines;	/* -n */

/* The pattern, with its anchors taken off and remembered. */
static const char *pattern;
static size_t pattern_length;
static bool anchored_at_start;	/* it began with '^' */
static bool anchored_at_end;	/* it ended with '$' */

/* Take the pattern apart: its anchors and the text between them. */
static void set_pattern(const char *text)
{
	anchored_at_start = (text[0] == '^');
	if (anchored_at_start)
		text++;
	pattern_length = strlen(text);
	anchored_at_end = (pattern_length > 0 && text[pattern_length - 1] == '$');
	if (anchored_at_end)
		pattern_length--;
	pattern = text;
}

/* Does the pattern match text right here, at its first character? */
static bool matches_here(const char *text)
{
	for (size_t i = 0; i < pattern_length; i++) {
		if (text[i] == '\0')
			return false;
		if (pattern[i] != '.' && pattern[i] != text[i])
			return false;
	}
	return !anchored_at_end || text[pattern_length] == '\0';
}

/* Does the pattern match anywhere in line (allowed by the anchors)? */
static bool line_matches(const char *line)
{
	if (anchored_at_start)
		return matches_here(line);
	for (const char *start = line; ; start++) {
		if (matches_here(start))
			return true;
		if (*start == '\0')
			return false;
	}
}

/*
 * Search one open file; name is printed before each line when show_name.
 * Returns how many lines were selected.
 */
static int search(FILE *file, const char *name, bool show_name)
{
	char line[LINE_LENGTH];
	int line_number = 0;
	int selected = 0;

	while (fgets(line, sizeof(line), file) != NULL) {
		size_t length = strlen(line);
		if (length > 0 && line[length - 1] == '\n')
			line[length - 1] = '\0';
		line_number++;
		if (line_matches(line) == invert)
			continue;
		selected++;
		if (count_only)
			continue;
		if (show_name)
			printf("%s:", name);
		if (number_lines)
			printf("%d:", line_number);
		printf("%s\n", line);
	}
	if (count_only) {
		if (show_name)
			printf("%s:", name);
		printf("%d\n", selected);
	}
	return selected;
}

/* Read the options and the pattern, then search each file. */
int main(int argc, char **argv)
{
	int first = 1;
	int selected = 0;
	bool failed = false;

	for (; first < argc && argv[first][0] == '-' && argv[first][1] != '\0'; first++) {
		for (const char *option = argv[first] + 1; *option != '\0'; option++) {
			if (*option == 'v') {
				invert = true;
			} else if (*option == 'c') {
				count_only = true;
			} else if (*option == 'n') {
				number_lines = true;
			} else {
				fprintf(stderr, "grep: unknown option -%c\n", *option);
				first = argc;	/* print the usage below */
				break;
			}
		}
	}
	if (first >= argc) {
		fprintf(stderr, "usage: grep [-v] [-c] [-n] pattern [file ...]\n");
		return 2;
	}
	set_pattern(argv[first++]);

	if (first == argc)
		selected = search(stdin, "standard input", false);
	for (int i = first; i < argc; i++) {
		FILE *file = fopen(argv[i], "r");
		if (file == NULL) {
			fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
			failed = true;
			continue;
		}
		selected += search(file, argv[i], argc - first > 1);
		fclose(file);
	}
	if (failed)
		return 2;
	return (selected > 0) ? 0 : 1;
}
