/*
 * echo - print the arguments, separated by spaces, then a newline.
 *
 *	echo [-n] [word ...]	-n: no newline at the end
 */

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Print the words. Always returns 0. */
int main(int argc, char **argv)
{
	bool newline = true;
	int first = 1;

	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		newline = false;
		first = 2;
	}
	for (int i = first; i < argc; i++) {
		if (i > first)
			putchar(' ');
		fputs(argv[i], stdout);
	}
	if (newline)
		putchar('\n');
	return 0;
}
