/*
 * ls - list files and the contents of directories.
 *
 *	ls [-l] [-a] [path ...]	no path: the current directory
 *	-l: long format: mode, links, size, name
 *	-a: also names that start with '.' (among them "." and "..")
 *
 * A directory's entries are read with opendir/readdir (the C library
 * asks FS for struct dirent records) and printed sorted by name.
 */

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PATH_LENGTH 256

static bool long_format;	/* -l */
static bool show_all;		/* -a */
static int exit_status;		/* 1 once anything failed */

/* Print an error about a file; the exit status becomes 1. */
static void complain(const char *path)
{
	fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
	exit_status = 1;
}

/*
 * Write a mode as ten characters and a NUL into text, like "drwxr-xr-x":
 * the file's type, then read/write/execute for owner, group and others.
 */
static void mode_string(unsigned int mode, char *text)
{
	const char *permissions = "rwxrwxrwx";

	if (S_ISDIR(mode))
		text[0] = 'd';
	else if (S_ISCHR(mode))
		text[0] = 'c';
	else if (S_ISBLK(mode))
		text[0] = 'b';
	else if (S_ISFIFO(mode))
		text[0] = 'p';
	else
		text[0] = '-';
	for (int i = 0; i < 9; i++)
		text[1 + i] = (mode & (0400 >> i)) ? permissions[i] : '-';
	text[10] = '\0';
}

/* Print one file: its name, or in long format its details too. */
static void print_file(const char *path, const char *name)
{
	struct stat status;
	char mode[11];

	if (!long_format) {
		printf("%s\n", name);
		return;
	}
	if (stat(path, &status) < 0) {
		complain(path);
		return;
	}
	mode_string(status.st_mode, mode);
	printf("%s %3d %8ld %s\n", mode, (int) status.st_nlink, (long) status.st_size, name);
}

/* For qsort: order two names (pointers to char *) as strcmp does. */
static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/*
 * Read the names in a directory into a new array (sorted, each one
 * malloc'd). Returns the number of names, or -1 after printing an error.
 */
static int read_names(const char *path, char ***names_out)
{
	DIR *directory = opendir(path);
	char **names = NULL;
	int count = 0;
	int room = 0;
	struct dirent *entry;

	if (directory == NULL) {
		complain(path);
		return -1;
	}
	while ((entry = readdir(directory)) != NULL) {
		if (entry->d_name[0] == '.' && !show_all)
			continue;
		if (count == room) {
			room = room ? 2 * room : 16;
			char **bigger = realloc(names, room * sizeof(char *));
			if (bigger == NULL)
				break;
			names = bigger;
		}
		names[count] = strdup(entry->d_name);
		if (names[count] != NULL)
			count++;
	}
	closedir(directory);
	qsort(names, count, sizeof(char *), compare_names);
	*names_out = names;
	return count;
}

/* List the files in a directory, sorted. */
static void list_directory(const char *path)
{
	char **names = NULL;
	char file_path[PATH_LENGTH];
	int count = read_names(path, &names);

	for (int i = 0; i < count; i++) {
		snprintf(file_path, sizeof(file_path), "%s/%s", path, names[i]);
		print_file(file_path, names[i]);
		free(names[i]);
	}
	free(names);
}

/* Read the options, then list each path. Returns 0, or 1 if anything failed. */
int main(int argc, char **argv)
{
	int first = 1;

	for (; first < argc && argv[first][0] == '-' && argv[first][1] != '\0'; first++) {
		for (const char *option = argv[first] + 1; *option != '\0'; option++) {
			if (*option == 'l') {
				long_format = true;
			} else if (*option == 'a') {
				show_all = true;
			} else {
				fprintf(stderr, "ls: unknown option -%c\nusage: ls [-l] [-a] [path ...]\n",
					*option);
				return 1;
			}
		}
	}
	if (first == argc) {
		list_directory(".");
		return exit_status;
	}
	for (int i = first; i < argc; i++) {
		struct stat status;
		if (stat(argv[i], &status) < 0) {
			complain(argv[i]);
		} else if (S_ISDIR(status.st_mode)) {
			if (argc - first > 1)
				printf("%s%s:\n", i > first ? "\n" : "", argv[i]);
			list_directory(argv[i]);
		} else {
			print_file(argv[i], argv[i]);
		}
	}
	return exit_status;
}
