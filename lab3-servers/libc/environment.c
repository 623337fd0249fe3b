/*
 * environment.c - the environment: "NAME=value" strings, found through
 * environ (set by _start, crt0.S, from what exec put on the stack).
 *
 * The first change makes a malloc'd copy of the array (the original lies
 * on the stack and cannot grow); the strings setenv makes are malloc'd
 * and never freed, since a caller may still hold one.
 *
 * Entry points: environ getenv setenv unsetenv putenv.
 */
#include "syscall.h"
#include <stdlib.h>
#include <unistd.h>
#include <stdio.h>

char **environ;
static bool environ_is_ours;	/* environ was malloc'd here */

/* The index of name's entry in environ, or -1. */
static int find_entry(const char *name, size_t name_length)
{
	if (environ == NULL)
		return -1;
	for (int i = 0; environ[i] != NULL; i++) {
		if (strncmp(environ[i], name, name_length) == 0 &&
		    environ[i][name_length] == '=')
			return i;
	}
	return -1;
}

/* How many entries environ has. */
static int entry_count(void)
{
	int count = 0;
	while (environ != NULL && environ[count] != NULL)
		count++;
	return count;
}

/* name's value, or NULL if it is not set. */
char *getenv(const char *name)
{
	size_t name_length = strlen(name);
	int index = find_entry(name, name_length);
	return index < 0 ? NULL : environ[index] + name_length + 1;
}

/* Whether name can be a variable's name (not empty, no '='); errno EINVAL if not. */
static bool valid_name(const char *name)
{
	if (name == NULL || *name == '\0' || strchr(name, '=') != NULL) {
		errno = EINVAL;
		return false;
	}
	return true;
}

/* Add or replace the "NAME=value" string entry. Returns 0 or -1 (ENOMEM). */
static int put_entry(char *entry, size_t name_length)
{
	int index = find_entry(entry, name_length);
	if (index >= 0 && environ_is_ours) {
		environ[index] = entry;
		return 0;
	}
	/* A new array: the old entries, then room for the new one and NULL. */
	int count = entry_count();
	char **grown = malloc((count + 2) * sizeof(char *));
	if (grown == NULL)
		return -1;
	for (int i = 0; i < count; i++)
		grown[i] = environ[i];
	if (index >= 0) {
		grown[index] = entry;
		grown[count] = NULL;
	} else {
		grown[count] = entry;
		grown[count + 1] = NULL;
	}
	if (environ_is_ours)
		free(environ);
	environ = grown;
	environ_is_ours = true;
	return 0;
}

/* Set name to value (unless it is set and overwrite is 0). Returns 0 or -1. */
int setenv(const char *name, const char *value, int overwrite)
{
	if (!valid_name(name))
		return -1;
	size_t name_length = strlen(name);
	if (!overwrite && find_entry(name, name_length) >= 0)
		return 0;
	size_t length = name_length + 1 + strlen(value) + 1;
	char *entry = malloc(length);
	if (entry == NULL)
		return -1;
	snprintf(entry, length, "%s=%s", name, value);
	return put_entry(entry, name_length);
}

/* Add or replace "NAME=value" itself (it becomes part of the environment). */
int putenv(char *assignment)
{
	char *equals = strchr(assignment, '=');
	if (equals == NULL || equals == assignment) {
		errno = EINVAL;
		return -1;
	}
	return put_entry(assignment, equals - assignment);
}

/* Remove name from the environment. Returns 0 or -1 (EINVAL). */
int unsetenv(const char *name)
{
	if (!valid_name(name))
		return -1;
	size_t name_length = strlen(name);
	int index;
	while ((index = find_entry(name, name_length)) >= 0) {
		/* Close the gap; this changes the array in place, wherever it is. */
		for (int i = index; environ[i] != NULL; i++)
			environ[i] = environ[i + 1];
	}
	return 0;
}
