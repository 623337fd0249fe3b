/*
 * cat - copy files, one after the other, to standard output.
 *
 *	cat [file ...]		no file, or "-": standard input
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lib/utility.h"

/*
 * Copy everything from fd to standard output; name is for messages.
 * Returns 0, or 1 after printing an error.
 */
static int copy_to_output(int fd, const char *name)
{
	char buffer[4096];
	int count;

	while ((count = read(fd, buffer, sizeof(buffer))) != 0) {
		if (count < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
			return 1;
		}
		if (write_all(1, buffer, count) < 0) {
			fprintf(stderr, "cat: write error: %s\n", strerror(errno));
			return 1;
		}
	}
	return 0;
}

/* Copy each file named, or standard input. Returns 0, or 1 if any failed. */
int main(int argc, char **argv)
{
	int status = 0;

	if (argc == 1)
		return copy_to_output(0, "standard input");
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0) {
			status |= copy_to_output(0, "standard input");
			continue;
		}
		int fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		status |= copy_to_output(fd, argv[i]);
		close(fd);
	}
	return status;
}
