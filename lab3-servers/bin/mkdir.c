/*
 * mkdir - make directories.
 *
 *	mkdir [-p] directory ...	-p: make missing parents too, and
 *					do not mind a directory that exists
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define PATH_LENGTH 256

/*
 * Make one directory. With parents_mode, one that exists already is fine.
 * Returns 0, or -1 after printing an error.
 */
static int make_directory(const char *path, bool parents_mode)
{
	struct stat status;

	if (mkdir(path, 0777) == 0)
		return 0;
	int error = errno;
	if (parents_mode && error == EEXIST && stat(path, &status) == 0
	    && S_ISDIR(status.st_mode))
		return 0;
	fprintf(stderr, "mkdir: %s: %s\n", path, strerror(error));
	return -1;
}

/*
 * Make a directory and every missing directory on the way to it: for
 * "a/b/c", first "a", then "a/b", then "a/b/c". Returns 0 or -1.
 */
static int make_with_parents(const char *path)
{
	char prefix[PATH_LENGTH];

	if (strlen(path) >= sizeof(prefix)) {
		fprintf(stderr, "mkdir: %s: %s\n", path, strerror(ENAMETOOLONG));
		return -1;
	}
	strcpy(prefix, path);
	for (char *slash = prefix + 1; *slash != '\0'; slash++) {
		if (*slash != '/')
			continue;
		*slash = '\0';	/* cut the path short here for a moment */
		int result = make_directory(prefix, true);
		*slash = '/';
		if (result < 0)
			return -1;
	}
	return make_directory(prefix, true);
}

/* Make each directory named. Returns 0, or 1 if any failed. */
int main(int argc, char **argv)
{
	bool parents = false;
	int first = 1;
	int status = 0;

	if (argc > 1 && strcmp(argv[1], "-p") == 0) {
		parents = true;
		first = 2;
	}
	if (first == argc) {
		fprintf(stderr, "usage: mkdir [-p] directory ...\n");
		return 1;
	}
	for (int i = first; i < argc; i++) {
		int result = parents ? make_with_parents(argv[i]) : make_directory(argv[i], false);
		if (result < 0)
			status = 1;
	}
	return status;
}
