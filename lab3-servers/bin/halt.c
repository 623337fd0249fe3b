/*
 * halt - stop the machine: PM asks FS to write everything back to the
 * disk, then turns the machine off.
 *
 *	halt [code]	code: the emulator's exit status (default 0)
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if __STDC_HOSTED__
/* Built as an ordinary program of another system: stopping it is not ours to do. */
static int shutdown(int code)
{
	printf("halt: would stop the machine with code %d\n", code);
	exit(0);
}
#else
#include <cairn.h>
#endif

/* Ask PM to shut down. Returns only if that failed: 1. */
int main(int argc, char **argv)
{
	int code = (argc > 1) ? atoi(argv[1]) : 0;

	shutdown(code);
	fprintf(stderr, "halt: %s\n", strerror(errno));
	return 1;
}
