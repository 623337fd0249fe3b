/*
 * env - print the environment, one NAME=value a line.
 */

#include <stdio.h>

extern char **environ;	/* set up by the C library before main runs */

/* Print every variable. Returns 0. */
int main(void)
{
	for (char **variable = environ; *variable != NULL; variable++)
		printf("%s\n", *variable);
	return 0;
}
