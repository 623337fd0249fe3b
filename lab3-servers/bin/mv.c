/*
 * mv - move (rename) a file or directory.
 *
 *	mv source target	target: the new name, or a directory to
 *				move the source into under its own name
 *
 * Nothing is copied: FS only changes directory entries (rename).
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "lib/utility.h"

#define PATH_LENGTH 256

/* Rename argv[1] to argv[2]. Returns 0, or 1 on failure. */
int main(int argc, char **argv)
{
	char buffer[PATH_LENGTH];

	if (argc != 3) {
		fprintf(stderr, "usage: mv source target\n");
		return 1;
	}
	const char *destination = destination_for(argv[1], argv[2], buffer, sizeof(buffer));
	if (rename(argv[1], destination) < 0) {
		fprintf(stderr, "mv: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	return 0;
}
