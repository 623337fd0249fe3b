/*
 * rm - remove files.
 *
 *	rm [-r] [-f] file ...
 *	-r: remove directories too, with everything in them
 *	-f: say nothing about files that do not exist
 */

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PATH_LENGTH 256

static bool recursive;	/* -r */
static bool force;	/* -f */

static int remove_path(const char *path);

/* Print an error about path. Returns -1, for the caller to return. */
static int complain(const char *path, int error)
{
	fprintf(stderr, "rm: %s: %s\n", path, strerror(error));
	return -1;
}

/*
 * Remove everything inside a directory, then the directory itself.
 * The names are read first, and the directory closed, before anything is
 * removed: changing a directory while reading it could skip entries.
 * Returns 0 or -1.
 */
static int remove_directory(const char *path)
{
	DIR *directory = opendir(path);
	char **names = NULL;
	int count = 0;
	int result = 0;
	struct dirent *entry;

	if (directory == NULL)
		return complain(path, errno);
	while ((entry = readdir(directory)) != NULL) {
		if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
			continue;
		char **bigger = realloc(names, (count + 1) * sizeof(char *));
		if (bigger == NULL)
			break;
		names = bigger;
		names[count++] = strdup(entry->d_name);
	}
	closedir(directory);

	for (int i = 0; i < count; i++) {
		char child[PATH_LENGTH];
		if (names[i] == NULL)
			continue;
		snprintf(child, sizeof(child), "%s/%s", path, names[i]);
		if (remove_path(child) < 0)
			result = -1;
		free(names[i]);
	}
	free(names);
	if (result == 0 && rmdir(path) < 0)
		return complain(path, errno);
	return result;
}

/* Remove one file, or with -r a directory tree. Returns 0 or -1. */
static int remove_path(const char *path)
{
	struct stat status;

	if (stat(path, &status) < 0) {
		if (force && errno == ENOENT)
			return 0;
		return complain(path, errno);
	}
	if (S_ISDIR(status.st_mode)) {
		if (!recursive)
			return complain(path, EISDIR);
		return remove_directory(path);
	}
	if (unlink(path) < 0)
		return complain(path, errno);
	return 0;
}

/* Read the options, then remove each file. Returns 0, or 1 if any failed. */
int main(int argc, char **argv)
{
	int first = 1;
	int status = 0;

	for (; first < argc && argv[first][0] == '-' && argv[first][1] != '\0'; first++) {
		for (const char *option = argv[first] + 1; *option != '\0'; option++) {
			if (*option == 'r') {
				recursive = true;
			} else if (*option == 'f') {
				force = true;
			} else {
				fprintf(stderr, "rm: unknown option -%c\nusage: rm [-r] [-f] file ...\n",
					*option);
				return 1;
			}
		}
	}
	if (first == argc && !force) {
		fprintf(stderr, "usage: rm [-r] [-f] file ...\n");
		return 1;
	}
	for (int i = first; i < argc; i++) {
		if (remove_path(argv[i]) < 0)
			status = 1;
	}
	return status;
}
