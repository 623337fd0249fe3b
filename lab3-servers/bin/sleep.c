/*
 * sleep - wait a number of seconds.
 *
 *	sleep seconds
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Sleep for argv[1] seconds. Returns 0, or 1 on a bad argument. */
int main(int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '\0') {
		fprintf(stderr, "usage: sleep seconds\n");
		return 1;
	}
	for (const char *p = argv[1]; *p != '\0'; p++) {
		if (!isdigit((unsigned char) *p)) {
			fprintf(stderr, "sleep: %s: not a number of seconds\n", argv[1]);
			return 1;
		}
	}
	sleep(atoi(argv[1]));
	return 0;
}
