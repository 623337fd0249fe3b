/*
 * builtin.c - the commands the shell carries out itself, and variables.
 *
 * "cd" cannot be a program: a child that changes its own directory
 * leaves the shell's unchanged. The same holds for "exit" and for setting
 * variables. Every shell variable here is an environment variable, so
 * the programs the shell starts see them all.
 *
 * Entry points: find_builtin, count_assignments, assign_variable.
 */

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

/* Is word of the form NAME=value, NAME a valid variable name? */
static bool is_assignment(const char *word)
{
	const char *p = word;

	if (!isalpha((unsigned char) *p) && *p != '_')
		return false;
	while (isalnum((unsigned char) *p) || *p == '_')
		p++;
	return *p == '=';
}

/* How many of the first words of a command are NAME=value assignments. */
int count_assignments(char **words, int word_count)
{
	int count = 0;

	while (count < word_count && is_assignment(words[count]))
		count++;
	return count;
}

/* Set the variable of a NAME=value word (which must be one). */
void assign_variable(const char *assignment)
{
	char name[64];
	const char *equals = strchr(assignment, '=');
	size_t length = equals - assignment;

	if (length >= sizeof(name)) {
		fprintf(stderr, "sh: variable name too long\n");
		return;
	}
	memcpy(name, assignment, length);
	name[length] = '\0';
	if (setenv(name, equals + 1, 1) < 0)
		fprintf(stderr, "sh: %s: %s\n", name, strerror(errno));
}

/* cd [directory]: change the shell's directory, by default to $HOME or "/". */
static int builtin_cd(int argc, char **argv)
{
	const char *directory = (argc > 1) ? argv[1] : getenv("HOME");

	if (directory == NULL || directory[0] == '\0')
		directory = "/";
	if (chdir(directory) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", directory, strerror(errno));
		return 1;
	}
	return 0;
}

/* exit [n]: leave the shell with status n, by default the last status. */
static int builtin_exit(int argc, char **argv)
{
	int status = (argc > 1) ? atoi(argv[1]) : last_status;

	fflush(stdout);
	exit(status & 0xFF);
	return status;	/* not reached */
}

/* pwd: print the current directory. */
static int builtin_pwd(int argc, char **argv)
{
	char directory[256];

	(void) argc;
	(void) argv;
	if (getcwd(directory, sizeof(directory)) == NULL) {
		fprintf(stderr, "sh: pwd: %s\n", strerror(errno));
		return 1;
	}
	printf("%s\n", directory);
	return 0;
}

/*
 * export NAME=value ...: set variables. Every variable is in the
 * environment already, so "export NAME" alone has nothing to do.
 */
static int builtin_export(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (is_assignment(argv[i]))
			assign_variable(argv[i]);
	}
	return 0;
}

/* unset NAME ...: remove variables. */
static int builtin_unset(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		unsetenv(argv[i]);
	return 0;
}

static const struct builtin {
	const char *name;
	builtin_function function;
} builtins[] = {
	{ "cd", builtin_cd },
	{ "exit", builtin_exit },
	{ "pwd", builtin_pwd },
	{ "export", builtin_export },
	{ "unset", builtin_unset },
};

/* The built-in command called name, or NULL if there is none. */
builtin_function find_builtin(const char *name)
{
	for (unsigned int i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(builtins[i].name, name) == 0)
			return builtins[i].function;
	return NULL;
}
