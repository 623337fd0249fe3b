/*
 * utility.c - what several utilities share: writing a whole buffer, and
 * the "target may be a directory" rule of cp, mv and ln.
 *
 * Entry points: write_all, destination_for.
 */

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "utility.h"

int write_all(int fd, const char *buffer, int count)
{
	while (count > 0) {
		int written = write(fd, buffer, count);
		if (written < 0)
			return -1;
		buffer += written;
		count -= written;
	}
	return 0;
}

const char *destination_for(const char *source, const char *target, char *buffer, int size)
{
	struct stat status;

	if (stat(target, &status) < 0 || !S_ISDIR(status.st_mode))
		return target;
	const char *slash = strrchr(source, '/');
	snprintf(buffer, size, "%s/%s", target, slash ? slash + 1 : source);
	return buffer;
}
