/*
 * filestress.c - many files of many sizes through the file system: make
 * them, read them back, overwrite parts, truncate some, delete half, list
 * the directory, and check at every step that each byte is what it should
 * be and each surviving name is there.
 *
 *   filestress SEED [FILES [keep]]   FILES files (default 60) in /tmp/fs<SEED>;
 *                                    "keep" leaves the survivors there
 *
 * The seed picks names, sizes (0 .. 20 KiB, and one of 300 KiB, which
 * needs double indirect zones) and contents. No file's data is kept in
 * memory: byte i of a file is a function of the file's key and i, so it
 * can be made again to compare. Output, one line per step:
 *
 *   ok NAME PROOF   or   FAIL NAME: what went wrong
 *   filestress: N passed, M failed
 *
 * and the exit status is 0 only if every step passed. PROOF (proof.h)
 * hashes the seed, the step's name and, for the steps that read the
 * files back, the Adler-32 checksum of every byte they read (0 for the
 * others): the grader makes the same files from the seed to compute it.
 *
 * Entry point: main.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proof.h"
#include "random.h"

#define DEFAULT_FILES 60
#define MAX_FILES 200
#define KIB 1024
#define LARGE_SIZE (300 * KIB)
#define CHUNK (4 * KIB)
#define ADLER_MODULUS 65521	/* Adler-32's: the largest prime below 2^16 */

/* What one file should hold: key's pattern, with patch_key's over a patch. */
struct planned_file {
	char name[32];
	int size;
	unsigned int key;
	int patch_offset, patch_length;
	unsigned int patch_key;
	int exists;
};

static struct planned_file files[MAX_FILES];
static int file_count;
static char directory[32];
static char buffer[CHUNK], expected[CHUNK];
static unsigned int seed;
static int passed, failed;
static unsigned int observed;	/* the running step's value for its proof:
				   a checksum of what it read back, or 0 */

/* Why the running step failed, for report(). */
static struct {
	const char *what;
	const struct planned_file *file;	/* or NULL */
	int number, error;
} failure;

/* ---- seeded numbers and contents ---- */

/* A number from 0 to limit - 1. */
static int random_below(int limit)
{
	return (int) (random_next() % (unsigned int) limit);
}

/* Byte offset of a file made with key: differs from block to block too. */
static char pattern_byte(unsigned int key, int offset)
{
	unsigned int block = (unsigned int) offset / KIB;

	return (char) ((unsigned int) offset * (key | 1) + block * 131 + (key >> 16));
}

/* Byte offset of file as it should be now. */
static char file_byte(const struct planned_file *file, int offset)
{
	if (offset >= file->patch_offset && offset < file->patch_offset + file->patch_length)
		return pattern_byte(file->patch_key, offset);
	return pattern_byte(file->key, offset);
}

/* ---- checking ---- */

/* The Adler-32 checksum (RFC 1950) carried on over count more bytes
 * (it starts from 1). */
static unsigned int adler32(unsigned int checksum, const char *bytes, int count)
{
	unsigned int low = checksum & 0xffff, high = checksum >> 16;

	for (int i = 0; i < count; i++) {
		low = (low + (unsigned char) bytes[i]) % ADLER_MODULUS;
		high = (high + low) % ADLER_MODULUS;
	}
	return high << 16 | low;
}

/* Note why the running step failed (what, which file, a number); returns -1. */
static int fail(const char *what, const struct planned_file *file, int number)
{
	failure.what = what;
	failure.file = file;
	failure.number = number;
	failure.error = errno;
	return -1;
}

/* Print one step's outcome (0: ok, with `observed` in its proof) and count it. */
static void report(const char *step, int result)
{
	if (result == 0) {
		print_ok(seed, step, observed);
		passed++;
	} else {
		printf("FAIL %s: %s %s (%d, errno %d)\n", step, failure.what,
		       failure.file ? failure.file->name : "", failure.number, failure.error);
		failed++;
	}
	fflush(stdout);
	observed = 0;
}

/* "first/second" into path (size bytes), cut short if it does not fit. */
static void join_path(char *path, int size, const char *first, const char *second)
{
	int length = 0;

	while (*first && length < size - 2)
		path[length++] = *first++;
	path[length++] = '/';
	while (*second && length < size - 1)
		path[length++] = *second++;
	path[length] = '\0';
}

/* The path of file in directory, in a static buffer. */
static const char *path_of(const struct planned_file *file)
{
	static char path[80];

	join_path(path, sizeof(path), directory, file->name);
	return path;
}

/* Write file's bytes from..to-1 at the current offset, in seeded pieces. */
static int write_range(int fd, const struct planned_file *file, int from, int to)
{
	while (from < to) {
		int piece = 1 + random_below(CHUNK);

		if (piece > to - from)
			piece = to - from;
		for (int i = 0; i < piece; i++)
			buffer[i] = file_byte(file, from + i);
		if (write(fd, buffer, piece) != piece)
			return fail("short write to", file, from);
		from += piece;
	}
	return 0;
}

/* Create file and write all of it. */
static int create_file(const struct planned_file *file)
{
	int fd = open(path_of(file), O_WRONLY | O_CREAT | O_EXCL, 0644);

	if (fd < 0)
		return fail("cannot create", file, 0);
	if (write_range(fd, file, 0, file->size) != 0) {
		close(fd);
		return -1;
	}
	return close(fd) == 0 ? 0 : fail("close failed on", file, 0);
}

/*
 * Read file whole, in seeded pieces, and compare each byte and the size;
 * the bytes go into the checksum `observed`.
 */
static int verify_file(const struct planned_file *file)
{
	struct stat status;
	int fd = open(path_of(file), O_RDONLY), offset = 0, got;

	if (fd < 0)
		return fail("cannot open", file, 0);
	if (fstat(fd, &status) != 0 || status.st_size != file->size) {
		close(fd);
		return fail("wrong size of", file, (int) status.st_size);
	}
	while ((got = read(fd, buffer, 1 + random_below(CHUNK))) > 0) {
		for (int i = 0; i < got; i++)
			expected[i] = file_byte(file, offset + i);
		if (offset + got > file->size || memcmp(buffer, expected, got) != 0) {
			close(fd);
			return fail("wrong bytes in", file, offset);
		}
		observed = adler32(observed, buffer, got);
		offset += got;
	}
	close(fd);
	if (got < 0 || offset != file->size)
		return fail("read ended early in", file, offset);
	return 0;
}

/* verify_file for every file that should exist; `observed` is the
 * checksum of all they hold, one file after the other. */
static int verify_all(void)
{
	observed = 1;		/* the Adler-32 checksum of no bytes */
	for (int i = 0; i < file_count; i++)
		if (files[i].exists && verify_file(&files[i]) != 0)
			return -1;
	return 0;
}

/* ---- the steps ---- */

/* Choose names, sizes and keys; one file (seeded) is the large one. */
static void plan_files(void)
{
	int large = random_below(file_count);

	for (int i = 0; i < file_count; i++) {
		struct planned_file *file = &files[i];
		int size_class = random_below(4);

		snprintf(file->name, sizeof(file->name), "%x_%d", random_next(), i);
		file->key = random_next();
		/* Mostly small files, some up to 20 KiB: they must fit on a small disk. */
		if (size_class == 0)
			file->size = random_below(100);
		else if (size_class == 1)
			file->size = random_below(2 * KIB + 1);
		else if (size_class == 2)
			file->size = random_below(8 * KIB + 1);
		else
			file->size = random_below(20 * KIB + 1);
		if (i == large)
			file->size = LARGE_SIZE;
		file->patch_length = 0;
		file->exists = 0;
	}
}

/* Create every file. */
static int create_all(void)
{
	if (mkdir(directory, 0755) != 0)
		return fail("cannot make the directory", NULL, 0);
	for (int i = 0; i < file_count; i++) {
		if (create_file(&files[i]) != 0)
			return -1;
		files[i].exists = 1;
	}
	return 0;
}

/* Overwrite a seeded range in the middle of every third file. */
static int overwrite_some(void)
{
	for (int i = 0; i < file_count; i += 3) {
		struct planned_file *file = &files[i];
		int fd;

		if (file->size < 2)
			continue;
		file->patch_offset = random_below(file->size / 2 + 1);
		file->patch_length = 1 + random_below(file->size - file->patch_offset);
		file->patch_key = random_next();
		fd = open(path_of(file), O_WRONLY);
		if (fd < 0)
			return fail("cannot open to overwrite", file, 0);
		if (lseek(fd, file->patch_offset, SEEK_SET) != file->patch_offset)
			return fail("lseek failed on", file, file->patch_offset);
		if (write_range(fd, file, file->patch_offset,
				file->patch_offset + file->patch_length) != 0)
			return -1;
		close(fd);
	}
	return verify_all();
}

/* Truncate every fifth file with O_TRUNC and write a short new content. */
static int truncate_some(void)
{
	for (int i = 1; i < file_count; i += 5) {
		struct planned_file *file = &files[i];
		int fd = open(path_of(file), O_WRONLY | O_TRUNC);
		struct stat status;

		if (fd < 0)
			return fail("cannot open O_TRUNC", file, 0);
		if (fstat(fd, &status) != 0 || status.st_size != 0)
			return fail("O_TRUNC did not empty", file, (int) status.st_size);
		file->size = random_below(3 * KIB);
		file->key = random_next();
		file->patch_length = 0;
		if (write_range(fd, file, 0, file->size) != 0)
			return -1;
		close(fd);
	}
	return verify_all();
}

/* Delete a seeded half of the files; each is gone afterwards. */
static int delete_half(void)
{
	int deleted = 0;

	for (int i = 0; i < file_count && deleted < file_count / 2; i++) {
		struct planned_file *file = &files[i];

		if (random_below(2) == 0 && i + (file_count / 2 - deleted) < file_count)
			continue;
		if (unlink(path_of(file)) != 0)
			return fail("cannot unlink", file, 0);
		if (open(path_of(file), O_RDONLY) >= 0 || errno != ENOENT)
			return fail("still there after unlink:", file, 0);
		file->exists = 0;
		deleted++;
	}
	return 0;
}

/* The directory lists exactly the surviving names, once each (and . ..). */
static int list_directory(void)
{
	static int seen[MAX_FILES];
	struct dirent *entry;
	DIR *stream = opendir(directory);

	if (stream == NULL)
		return fail("cannot open the directory", NULL, 0);
	memset(seen, 0, sizeof(seen));
	while ((entry = readdir(stream)) != NULL) {
		int found = strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0;

		for (int i = 0; i < file_count && !found; i++) {
			if (strcmp(entry->d_name, files[i].name) == 0) {
				if (!files[i].exists || seen[i]++)
					return fail("listed a deleted or doubled name:", &files[i], 0);
				found = 1;
			}
		}
		if (!found)
			return fail("listed a name never made, inode", NULL, (int) entry->d_ino);
	}
	closedir(stream);
	for (int i = 0; i < file_count; i++)
		if (files[i].exists && !seen[i])
			return fail("did not list", &files[i], 0);
	return 0;
}

/* Delete the survivors and the directory; it is gone afterwards. */
static int delete_all(void)
{
	for (int i = 0; i < file_count; i++) {
		if (files[i].exists && unlink(path_of(&files[i])) != 0)
			return fail("cannot unlink", &files[i], 0);
		files[i].exists = 0;
	}
	if (rmdir(directory) != 0)
		return fail("cannot remove the directory", NULL, 0);
	if (opendir(directory) != NULL || errno != ENOENT)
		return fail("the directory is still there", NULL, 0);
	return 0;
}

/* Remove what an earlier run with this seed left behind. */
static void remove_leftovers(void)
{
	char path[80];
	struct dirent *entry;
	DIR *stream = opendir(directory);

	while (stream != NULL && (entry = readdir(stream)) != NULL) {
		join_path(path, sizeof(path), directory, entry->d_name);
		unlink(path);
	}
	if (stream != NULL)
		closedir(stream);
	rmdir(directory);
}

/*
 * Plan the files, run each step over them in order, print the tally.
 * grade/lab3.py knows these steps and draws the same numbers from the
 * seed: a change to either goes into both.
 */
int main(int argc, char *argv[])
{
	int keep = argc > 3 && strcmp(argv[3], "keep") == 0;

	seed = argc > 1 ? (unsigned int) strtoul(argv[1], NULL, 0) : 1;
	file_count = argc > 2 ? atoi(argv[2]) : DEFAULT_FILES;
	if (file_count < 2 || file_count > MAX_FILES) {
		fprintf(stderr, "filestress: FILES must be 2 .. %d\n", MAX_FILES);
		return 2;
	}
	random_start(seed, 0x3c6ef372u);
	snprintf(directory, sizeof(directory), "/tmp/fs%u", seed);
	remove_leftovers();

	plan_files();
	report("create", create_all());
	report("readback", verify_all());
	report("overwrite", overwrite_some());
	report("truncate", truncate_some());
	report("delete", delete_half());
	report("list", list_directory());
	report("survivors", verify_all());
	if (!keep)
		report("cleanup", delete_all());

	printf("filestress: %d passed, %d failed\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
