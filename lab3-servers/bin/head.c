/*
 * head - copy the first lines of a file to standard output.
 *
 *	head [-n count] [file]		default: 10 lines of standard input
 */

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * Copy bytes from fd to standard output until lines newlines have gone by.
 * Returns 0, or 1 after printing an error.
 */
static int copy_lines(int fd, const char *name, int lines)
{
	char buffer[4096];
	int length;

	while (lines > 0 && (length = read(fd, buffer, sizeof(buffer))) != 0) {
		if (length < 0) {
			fprintf(stderr, "head: %s: %s\n", name, strerror(errno));
			return 1;
		}
		int end = 0;	/* bytes of this buffer to print */
		while (end < length && lines > 0) {
			if (buffer[end++] == '\n')
				lines--;
		}
		if (write(1, buffer, end) != end) {
			fprintf(stderr, "head: write error: %s\n", strerror(errno));
			return 1;
		}
	}
	return 0;
}

/* Is text a number made of digits only? */
static bool is_number(const char *text)
{
	if (*text == '\0')
		return false;
	for (; *text != '\0'; text++)
		if (!isdigit((unsigned char) *text))
			return false;
	return true;
}

/* Read the options, then copy the first lines. Returns 0, or 1 on failure. */
int main(int argc, char **argv)
{
	int lines = 10;
	int first = 1;

	if (argc > 2 && strcmp(argv[1], "-n") == 0) {
		if (!is_number(argv[2])) {
			fprintf(stderr, "head: %s: not a number of lines\n", argv[2]);
			return 1;
		}
		lines = atoi(argv[2]);
		first = 3;
	}
	if (argc - first > 1 || (first < argc && argv[first][0] == '-' && argv[first][1] != '\0')) {
		fprintf(stderr, "usage: head [-n count] [file]\n");
		return 1;
	}
	if (first == argc)
		return copy_lines(0, "standard input", lines);

	int fd = open(argv[first], O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, "head: %s: %s\n", argv[first], strerror(errno));
		return 1;
	}
	int status = copy_lines(fd, argv[first], lines);
	close(fd);
	return status;
}
