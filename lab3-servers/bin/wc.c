/*
 * wc - count the lines, words and bytes of files.
 *
 *	wc [-l] [-w] [-c] [file ...]	no file: standard input
 *	-l lines, -w words, -c bytes; no option: all three
 *
 * A word is a run of characters other than white space. With more than
 * one file a last line gives the totals.
 */

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct counts {
	int lines;
	int words;
	int bytes;
};

static bool show_lines, show_words, show_bytes;

/* Count what fd holds into *counts. Returns 0, or -1 on a read error. */
static int count(int fd, struct counts *counts)
{
	char buffer[4096];
	bool in_word = false;
	int length;

	while ((length = read(fd, buffer, sizeof(buffer))) > 0) {
		counts->bytes += length;
		for (int i = 0; i < length; i++) {
			unsigned char c = buffer[i];
			if (c == '\n')
				counts->lines++;
			if (isspace(c)) {
				in_word = false;
			} else if (!in_word) {
				in_word = true;
				counts->words++;
			}
		}
	}
	return (length < 0) ? -1 : 0;
}

/* Print the chosen counts, then the name if there is one. */
static void print_counts(const struct counts *counts, const char *name)
{
	const char *separator = "";

	if (show_lines) {
		printf("%7d", counts->lines);
		separator = " ";
	}
	if (show_words) {
		printf("%s%7d", separator, counts->words);
		separator = " ";
	}
	if (show_bytes)
		printf("%s%7d", separator, counts->bytes);
	if (name != NULL)
		printf(" %s", name);
	printf("\n");
}

/* Count one file and print its line. Returns 0, or 1 after an error. */
static int count_file(const char *name, struct counts *total)
{
	struct counts counts = { 0, 0, 0 };
	int fd = open(name, O_RDONLY);

	if (fd < 0 || count(fd, &counts) < 0) {
		fprintf(stderr, "wc: %s: %s\n", name, strerror(errno));
		if (fd >= 0)
			close(fd);
		return 1;
	}
	close(fd);
	print_counts(&counts, name);
	total->lines += counts.lines;
	total->words += counts.words;
	total->bytes += counts.bytes;
	return 0;
}

/* Read the options, then count each file. Returns 0, or 1 if any failed. */
int main(int argc, char **argv)
{
	struct counts total = { 0, 0, 0 };
	int first = 1;
	int status = 0;

	for (; first < argc && argv[first][0] == '-' && argv[first][1] != '\0'; first++) {
		for (const char *option = argv[first] + 1; *option != '\0'; option++) {
			if (*option == 'l') {
				show_lines = true;
			} else if (*option == 'w') {
				show_words = true;
			} else if (*option == 'c') {
				show_bytes = true;
			} else {
				fprintf(stderr, "wc: unknown option -%c\nusage: wc [-l] [-w] [-c] [file ...]\n",
					*option);
				return 1;
			}
		}
	}
	if (!show_lines && !show_words && !show_bytes)
		show_lines = show_words = show_bytes = true;

	if (first == argc) {
		if (count(0, &total) < 0) {
			fprintf(stderr, "wc: standard input: %s\n", strerror(errno));
			return 1;
		}
		print_counts(&total, NULL);
		return 0;
	}
	for (int i = first; i < argc; i++)
		status |= count_file(argv[i], &total);
	if (argc - first > 1)
		print_counts(&total, "total");
	return status;
}
