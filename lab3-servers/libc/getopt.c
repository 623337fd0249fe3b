/*
 * getopt.c - command-line options in the POSIX way: "-a -b value" or
 * "-ab value" or "-bvalue", ending at the first non-option or at "--".
 *
 * Entry points: getopt optarg optind opterr optopt.
 */
#include <unistd.h>
#include <stdio.h>
#include <string.h>

char *optarg;		/* the argument of the option just returned */
int optind = 1;		/* the next element of argv to look at */
int opterr = 1;		/* print a message on a bad option */
int optopt;		/* the bad option character */

static int next_character = 1;	/* within argv[optind]: where to go on */

/*
 * The next option letter in argv, as listed in options (a letter followed
 * by ':' takes an argument, left in optarg). Returns '?' for an unknown
 * option or a missing argument (':' for the latter if options begins with
 * ':'), and -1 when the options are over; optind is then the first
 * operand.
 */
int getopt(int argc, char *const argv[], const char *options)
{
	bool quiet = options[0] == ':';
	optarg = NULL;
	if (optind >= argc || argv[optind] == NULL || argv[optind][0] != '-' ||
	    argv[optind][1] == '\0')
		return -1;
	if (strcmp(argv[optind], "--") == 0) {
		optind++;
		return -1;
	}

	char *word = argv[optind];
	int letter = word[next_character++];
	bool word_done = word[next_character] == '\0';
	const char *listed = letter != ':' ? strchr(options, letter) : NULL;

	if (listed == NULL) {
		optopt = letter;
		if (opterr && !quiet)
			fprintf(stderr, "%s: unknown option -%c\n", argv[0], letter);
		letter = '?';
	} else if (listed[1] == ':') {
		if (!word_done) {			/* -bvalue */
			optarg = word + next_character;
		} else if (optind + 1 < argc) {	/* -b value */
			optarg = argv[++optind];
		} else {
			optopt = letter;
			if (opterr && !quiet)
				fprintf(stderr, "%s: option -%c needs an argument\n",
					argv[0], letter);
			letter = quiet ? ':' : '?';
		}
		word_done = true;
	}
	if (word_done) {
		optind++;
		next_character = 1;
	}
	return letter;
}
