/*
 * ln - make a hard link: a second name for the same file (inode).
 *
 *	ln source target	target: the new name, or a directory to
 *				make it in under the source's own name
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PATH_LENGTH 256

/*
 * The new name: in a directory target, the source's own name
 * (target/name), else target itself. Returns target or buffer.
 */
static const char *destination_for(const char *source, const char *target,
				   char *buffer, int size)
{
	struct stat status;

	if (stat(target, &status) < 0 || !S_ISDIR(status.st_mode))
		return target;
	const char *slash = strrchr(source, '/');
	snprintf(buffer, size, "%s/%s", target, slash ? slash + 1 : source);
	return buffer;
}

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
