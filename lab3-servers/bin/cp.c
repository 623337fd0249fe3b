/*
 * cp - copy a file.
 *
 *	cp source target	target: the copy's name, or a directory to
 *				put a copy of the same name in
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/utility.h"

#define PATH_LENGTH 256

/*
 * Copy the bytes of input to output; the names are for messages.
 * Returns 0, or 1 after printing an error.
 */
static int copy_data(int input, const char *source, int output, const char *destination)
{
	char buffer[4096];
	int count;

	while ((count = read(input, buffer, sizeof(buffer))) > 0) {
		if (write_all(output, buffer, count) < 0) {
			fprintf(stderr, "cp: %s: %s\n", destination, strerror(errno));
			return 1;
		}
	}
	if (count < 0) {
		fprintf(stderr, "cp: %s: %s\n", source, strerror(errno));
		return 1;
	}
	return 0;
}

/*
 * Copy source to destination, which gets the source's permissions when
 * it is new. Returns 0, or 1 after printing an error.
 */
static int copy_file(const char *source, const char *destination)
{
	struct stat source_status, destination_status;

	int input = open(source, O_RDONLY);
	if (input < 0 || fstat(input, &source_status) < 0) {
		fprintf(stderr, "cp: %s: %s\n", source, strerror(errno));
		return 1;
	}
	if (S_ISDIR(source_status.st_mode)) {
		fprintf(stderr, "cp: %s: %s\n", source, strerror(EISDIR));
		close(input);
		return 1;
	}
	/* Opening the source itself with O_TRUNC would empty it. */
	if (stat(destination, &destination_status) == 0
	    && destination_status.st_ino == source_status.st_ino
	    && destination_status.st_dev == source_status.st_dev) {
		fprintf(stderr, "cp: %s and %s are the same file\n", source, destination);
		close(input);
		return 1;
	}
	int output = open(destination, O_WRONLY | O_CREAT | O_TRUNC, source_status.st_mode & 0777);
	if (output < 0) {
		fprintf(stderr, "cp: %s: %s\n", destination, strerror(errno));
		close(input);
		return 1;
	}
	int status = copy_data(input, source, output, destination);
	close(input);
	if (close(output) < 0 && status == 0) {
		fprintf(stderr, "cp: %s: %s\n", destination, strerror(errno));
		status = 1;
	}
	return status;
}

/* Copy argv[1] to argv[2]. Returns 0, or 1 on failure. */
int main(int argc, char **argv)
{
	char buffer[PATH_LENGTH];

	if (argc != 3) {
		fprintf(stderr, "usage: cp source target\n");
		return 1;
	}
	return copy_file(argv[1], destination_for(argv[1], argv[2], buffer, sizeof(buffer)));
}
