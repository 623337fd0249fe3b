/*
 * sh.h - the pieces of the shell and what they hand each other.
 *
 * The shell reads a line (sh.c), cuts it into pipelines one at a time
 * (parse.c), and runs each pipeline with fork, pipe, dup2, exec and wait
 * (run.c). A few commands must change the shell itself, so the shell runs
 * them without forking (builtin.c).
 *
 * A line is pipelines joined by separators:
 *	line      = pipeline { (";" | "&" | "&&" | "||") pipeline }
 *	pipeline  = command { "|" command }
 *	command   = { word | "<" word | ">" word | ">>" word | "2>" word
 *		      | "2>&1" | ">&2" }
 */
#ifndef SH_H
#define SH_H

#include <stdbool.h>

#define LINE_MAX_LENGTH 1024	/* bytes of one input line */
#define MAX_WORDS 64		/* words of one command */
#define MAX_COMMANDS 16		/* commands of one pipeline */
#define WORD_SPACE 8192		/* bytes of all words of one pipeline, expanded */

/* One command of a pipeline: its words (argv) and where its files go. */
struct command {
	char *words[MAX_WORDS + 1];	/* NULL-terminated, ready for execve */
	int word_count;
	char *input_file;		/* < file, or NULL */
	char *output_file;		/* > file or >> file, or NULL */
	bool append_output;		/* it was >> */
	char *error_file;		/* 2> file, or NULL */
	bool error_to_output;		/* 2>&1: standard error joins standard output */
	bool output_to_error;		/* >&2: standard output goes to standard error */
};

/* Commands joined by '|', each one's output the next one's input. */
struct pipeline {
	struct command commands[MAX_COMMANDS];
	int command_count;		/* 0: an empty line, nothing to run */
	char word_space[WORD_SPACE];	/* the text every words[] points into */
	int word_space_used;
};

/* What ends a pipeline, and so decides what happens next. */
enum separator {
	SEPARATOR_END,		/* end of the line */
	SEPARATOR_SEQUENCE,	/* ';'  run it, then go on */
	SEPARATOR_BACKGROUND,	/* '&'  start it and go on without waiting */
	SEPARATOR_AND,		/* '&&' run the next one only if it succeeded */
	SEPARATOR_OR,		/* '||' run the next one only if it failed */
};

/* sh.c: the state of the shell */
extern int last_status;		/* $?: exit status of the last pipeline */
extern bool interactive;	/* reading commands from a terminal */

/* parse.c */
int parse_pipeline(const char **cursor, struct pipeline *pipeline,
		   enum separator *separator);

/* run.c */
int run_pipeline(struct pipeline *pipeline, bool background);
int status_of_child(int pid, int wait_status);

/* builtin.c */
typedef int (*builtin_function)(int argc, char **argv);
builtin_function find_builtin(const char *name);
int count_assignments(char **words, int word_count);
void assign_variable(const char *assignment);

#endif /* SH_H */
