/*
 * ln - make a hard link: a second name for the same file (inode).
 *
 *	ln source target	target: the new name, or a directory to
 *				make it in under the source's own name
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lib/utility.h"

#define PATH_LENGTH 256

/* Link argv[2] to argv[1]. Returns 0, or 1 on failure. */
int main(int argc, char **argv)
{
	char buffer[PATH_LENGTH];

	if (argc != 3) {
		fprintf(stderr, "usage: ln source target\n");
		return 1;
	}
	const char *destination = destination_for(argv[1], argv[2], buffer, sizeof(buffer));
	if (link(argv[1], destination) < 0) {
		/* Name the file the error is about: the new name if it exists. */
		const char *file = (errno == EEXIST) ? destination : argv[1];
		fprintf(stderr, "ln: %s: %s\n", file, strerror(errno));
		return 1;
	}
	return 0;
}
