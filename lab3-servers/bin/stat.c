/*
 * stat - show what the file system records about files (their inodes).
 *
 *	stat file ...
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* The kind of file a mode says, in words. */
static const char *type_name(unsigned int mode)
{
	if (S_ISREG(mode))
		return "regular file";
	if (S_ISDIR(mode))
		return "directory";
	if (S_ISCHR(mode))
		return "character device";
	if (S_ISBLK(mode))
		return "block device";
	if (S_ISFIFO(mode))
		return "pipe";
	return "unknown";
}

/*
 * Write the permission bits of a mode as nine characters and a NUL, like
 * "rwxr-xr-x": read, write, execute for owner, group and others.
 */
static void permission_string(unsigned int mode, char *text)
{
	const char *letters = "rwxrwxrwx";

	for (int i = 0; i < 9; i++)
		text[i] = (mode & (0400 >> i)) ? letters[i] : '-';
	text[9] = '\0';
}

/* Print one file's inode. Returns 0, or 1 after printing an error. */
static int show(const char *path)
{
	struct stat status;
	char permissions[10];

	if (stat(path, &status) < 0) {
		fprintf(stderr, "stat: %s: %s\n", path, strerror(errno));
		return 1;
	}
	permission_string(status.st_mode, permissions);
	printf("  File: %s\n", path);
	printf("  Type: %s\n", type_name(status.st_mode));
	printf("  Mode: %s (%o)\n", permissions, (unsigned int) status.st_mode);
	printf("  Size: %ld\n", (long) status.st_size);
	printf(" Links: %d\n", (int) status.st_nlink);
	printf(" Inode: %lu\n", (unsigned long) status.st_ino);
	if (S_ISCHR(status.st_mode) || S_ISBLK(status.st_mode))
		printf("Device: %d, %d\n", (int) (status.st_rdev >> 8) & 0xFF,
		       (int) status.st_rdev & 0xFF);
	return 0;
}

/* Show each file named. Returns 0, or 1 if any failed. */
int main(int argc, char **argv)
{
	int status = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: stat file ...\n");
		return 1;
	}
	for (int i = 1; i < argc; i++)
		status |= show(argv[i]);
	return status;
}
