/*
 * tee - copy standard input to standard output and into a file too.
 *
 *	tee [file]
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lib/utility.h"

/* Copy standard input to both places. Returns 0, or 1 on failure. */
int main(int argc, char **argv)
{
	char buffer[4096];
	int file = -1;
	int status = 0;
	int length;

	if (argc > 2) {
		fprintf(stderr, "usage: tee [file]\n");
		return 1;
	}
	if (argc == 2) {
		file = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (file < 0) {
			fprintf(stderr, "tee: %s: %s\n", argv[1], strerror(errno));
			return 1;
		}
	}
	while ((length = read(0, buffer, sizeof(buffer))) > 0) {
		if (write_all(1, buffer, length) < 0) {
			fprintf(stderr, "tee: standard output: %s\n", strerror(errno));
			status = 1;
			break;
		}
		if (file >= 0 && write_all(file, buffer, length) < 0) {
			fprintf(stderr, "tee: %s: %s\n", argv[1], strerror(errno));
			close(file);
			file = -1;	/* keep copying to standard output */
			status = 1;
		}
	}
	if (length < 0) {
		fprintf(stderr, "tee: standard input: %s\n", strerror(errno));
		status = 1;
	}
	if (file >= 0)
		close(file);
	return status;
}
