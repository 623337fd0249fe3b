/*
 * kill - send a signal to processes.
 *
 *	kill [-signal] pid ...		signal: a number; default 15 (SIGTERM)
 */

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read a decimal number made of digits only into *value. False if it is not one. */
static bool parse_number(const char *text, int *value)
{
	if (*text == '\0')
		return false;
	for (const char *p = text; *p != '\0'; p++)
		if (!isdigit((unsigned char) *p))
			return false;
	*value = atoi(text);
	return true;
}

/* Send the signal to each pid. Returns 0, or 1 if any failed. */
int main(int argc, char **argv)
{
	int signal_number = SIGTERM;
	int first = 1;
	int status = 0;

	if (argc > 1 && argv[1][0] == '-') {
		if (!parse_number(argv[1] + 1, &signal_number)) {
			fprintf(stderr, "kill: %s: not a signal number\n", argv[1] + 1);
			return 1;
		}
		first = 2;
	}
	if (first == argc) {
		fprintf(stderr, "usage: kill [-signal] pid ...\n");
		return 1;
	}
	for (int i = first; i < argc; i++) {
		int pid;
		if (!parse_number(argv[i], &pid)) {
			fprintf(stderr, "kill: %s: not a process id\n", argv[i]);
			status = 1;
		} else if (kill(pid, signal_number) < 0) {
			fprintf(stderr, "kill: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
