/*
 * parse.c - cut a command line into pipelines, one pipeline at a time.
 *
 * Reading is done in two layers. The lexer (next_token) returns the next
 * operator ("|", "&&", ">" ...) or the next word; a word comes out already
 * finished: quotes removed, backslash escapes applied and $variables
 * replaced by their values. The parser (parse_pipeline) puts the words
 * and redirections of each command into a struct pipeline.
 *
 * The shell parses one pipeline, runs it, then parses the next: so in
 * "false; echo $?" the $? is expanded after false has run, as it must be.
 *
 * Entry point: parse_pipeline.
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

enum token {
	TOKEN_WORD,
	TOKEN_END,		/* end of the line, or a '#' comment */
	TOKEN_ERROR,		/* a bad word; the message is printed */
	/* separators, then the pipe, then redirections */
	TOKEN_SEQUENCE, TOKEN_BACKGROUND, TOKEN_AND, TOKEN_OR,
	TOKEN_PIPE,
	TOKEN_INPUT, TOKEN_OUTPUT, TOKEN_APPEND, TOKEN_ERROR_OUTPUT,
	TOKEN_ERROR_TO_OUTPUT, TOKEN_OUTPUT_TO_ERROR,
};

/* The operators, longest first: "&&" must not be read as two "&". */
static const struct operator {
	const char *text;
	enum token token;
} operators[] = {
	{ "2>&1", TOKEN_ERROR_TO_OUTPUT },
	{ ">&2", TOKEN_OUTPUT_TO_ERROR },
	{ "2>", TOKEN_ERROR_OUTPUT },
	{ ">>", TOKEN_APPEND },
	{ "&&", TOKEN_AND },
	{ "||", TOKEN_OR },
	{ "|", TOKEN_PIPE },
	{ "&", TOKEN_BACKGROUND },
	{ ";", TOKEN_SEQUENCE },
	{ "<", TOKEN_INPUT },
	{ ">", TOKEN_OUTPUT },
};
#define OPERATOR_COUNT (sizeof(operators) / sizeof(operators[0]))

/* Print a syntax error near a token. Returns -1, for the caller to return. */
static int syntax_error(enum token token)
{
	const char *text = "end of line";

	for (unsigned int i = 0; i < OPERATOR_COUNT; i++)
		if (operators[i].token == token)
			text = operators[i].text;
	fprintf(stderr, "sh: syntax error near '%s'\n", text);
	return -1;
}

/* Append one character to the word being built. False if there is no room. */
static bool put_char(struct pipeline *pipeline, char c)
{
	if (pipeline->word_space_used >= WORD_SPACE)
		return false;
	pipeline->word_space[pipeline->word_space_used++] = c;
	return true;
}

/* Append a string to the word being built. False if there is no room. */
static bool put_string(struct pipeline *pipeline, const char *text)
{
	for (; *text != '\0'; text++)
		if (!put_char(pipeline, *text))
			return false;
	return true;
}

/* Can c be in a variable's name? (The first character may not be a digit.) */
static bool is_name_char(char c)
{
	return isalnum((unsigned char) c) || c == '_';
}

/*
 * Expand the variable named at *cursor (just after a '$') into the word
 * being built, and move *cursor past its name: $? is the last exit
 * status, $$ the shell's pid, $NAME and ${NAME} the environment variable
 * (nothing if it is unset). A '$' followed by no name stays a '$'.
 * Returns false if there is no room.
 */
static bool expand_variable(const char **cursor, struct pipeline *pipeline)
{
	const char *start = *cursor;
	bool braces = (*start == '{');
	char name[64];
	char number[16];

	if (*start == '?' || *start == '$') {
		int value = (*start == '?') ? last_status : (int) getpid();
		snprintf(number, sizeof(number), "%d", value);
		*cursor = start + 1;
		return put_string(pipeline, number);
	}
	const char *name_start = braces ? start + 1 : start;
	const char *name_end = name_start;
	while (is_name_char(*name_end))
		name_end++;
	size_t length = name_end - name_start;
	if (length == 0 || length >= sizeof(name) || isdigit((unsigned char) *name_start)
	    || (braces && *name_end != '}'))
		return put_char(pipeline, '$');
	memcpy(name, name_start, length);
	name[length] = '\0';
	*cursor = braces ? name_end + 1 : name_end;

	const char *value = getenv(name);
	return value == NULL || put_string(pipeline, value);
}

/* Does this character, outside quotes, end a word? */
static bool ends_word(char c)
{
	return c == '\0' || strchr(" \t\r\n|&;<>", c) != NULL;
}

/*
 * Read the word at *cursor into the pipeline's word space, finished:
 * '...' keeps everything inside as it is; "..." keeps everything but
 * expands $ and lets a backslash escape $ " and itself; outside quotes a
 * backslash escapes any character and $ is expanded. The word ends at a
 * blank or an operator outside quotes. *quoted tells whether any part of
 * it was quoted (so "" is an empty word, but an unset $X is no word).
 * Returns the word, or NULL after printing what is wrong.
 */
static char *read_word(const char **cursor, struct pipeline *pipeline, bool *quoted)
{
	char *word = pipeline->word_space + pipeline->word_space_used;
	const char *p = *cursor;
	char quote = 0;		/* the quote we are inside: 0, '\'' or '"' */
	bool room = true;

	*quoted = false;
	while (*p != '\0' && room) {
		char c = *p;
		if (quote == '\'') {
			if (c != '\'')
				room = put_char(pipeline, c);
			else
				quote = 0;
			p++;
		} else if (c == '\\' && p[1] != '\0'
			   && (quote == 0 || strchr("$\"\\", p[1]) != NULL)) {
			room = put_char(pipeline, p[1]);
			p += 2;
		} else if (c == '$') {
			p++;
			room = expand_variable(&p, pipeline);
		} else if (c == '"' || (c == '\'' && quote == 0)) {
			quote = (quote == c) ? 0 : c;
			*quoted = true;
			p++;
		} else if (quote == 0 && ends_word(c)) {
			break;
		} else {
			room = put_char(pipeline, c);
			p++;
		}
	}
	if (room)
		room = put_char(pipeline, '\0');
	if (!room) {
		fprintf(stderr, "sh: line too long\n");
		return NULL;
	}
	if (quote != 0) {
		fprintf(stderr, "sh: missing closing %c\n", quote);
		return NULL;
	}
	*cursor = p;
	return word;
}

/*
 * The lexer: skip blanks and return the next token at *cursor, moving
 * *cursor past it. For TOKEN_WORD, *word and *quoted describe the word.
 */
static enum token next_token(const char **cursor, struct pipeline *pipeline,
			     char **word, bool *quoted)
{
	const char *p = *cursor;

	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	*cursor = p;
	if (*p == '\0' || *p == '#')
		return TOKEN_END;
	for (unsigned int i = 0; i < OPERATOR_COUNT; i++) {
		size_t length = strlen(operators[i].text);
		if (strncmp(p, operators[i].text, length) == 0) {
			*cursor = p + length;
			return operators[i].token;
		}
	}
	*word = read_word(cursor, pipeline, quoted);
	return (*word != NULL) ? TOKEN_WORD : TOKEN_ERROR;
}

/* Start a new, empty command at the end of the pipeline and return it. */
static struct command *add_command(struct pipeline *pipeline)
{
	struct command *command = &pipeline->commands[pipeline->command_count++];
	memset(command, 0, sizeof(*command));
	return command;
}

/* Does a command have nothing in it (no word, no redirection)? */
static bool is_empty(const struct command *command)
{
	return command->word_count == 0 && command->input_file == NULL
		&& command->output_file == NULL && command->error_file == NULL
		&& !command->error_to_output && !command->output_to_error;
}

/*
 * Read the file name after a redirection operator into the command.
 * Returns 0, or -1 after printing an error.
 */
static int parse_redirection(const char **cursor, struct pipeline *pipeline,
			     struct command *command, enum token redirection)
{
	char *file;
	bool quoted;
	enum token token = next_token(cursor, pipeline, &file, &quoted);

	if (token == TOKEN_ERROR)
		return -1;
	if (token != TOKEN_WORD || (file[0] == '\0' && !quoted))
		return syntax_error(redirection);
	if (redirection == TOKEN_INPUT) {
		command->input_file = file;
	} else if (redirection == TOKEN_ERROR_OUTPUT) {
		command->error_file = file;
	} else {
		command->output_file = file;
		command->append_output = (redirection == TOKEN_APPEND);
	}
	return 0;
}

/*
 * The pipeline has ended at a separator token: check that it is complete
 * and tell the caller which separator it was. An empty pipeline (an empty
 * line, or "a ; ; b") is fine before ';' or the end, an error elsewhere.
 * Returns 0 or -1.
 */
static int end_pipeline(struct pipeline *pipeline, enum token token,
			enum separator *separator)
{
	if (is_empty(&pipeline->commands[pipeline->command_count - 1])) {
		if (pipeline->command_count > 1)
			return syntax_error(token);
		pipeline->command_count = 0;
		if (token != TOKEN_END && token != TOKEN_SEQUENCE)
			return syntax_error(token);
	}
	switch (token) {
	case TOKEN_SEQUENCE:   *separator = SEPARATOR_SEQUENCE; break;
	case TOKEN_BACKGROUND: *separator = SEPARATOR_BACKGROUND; break;
	case TOKEN_AND:        *separator = SEPARATOR_AND; break;
	case TOKEN_OR:         *separator = SEPARATOR_OR; break;
	default:               *separator = SEPARATOR_END; break;
	}
	return 0;
}

/*
 * Parse the next pipeline at *cursor into *pipeline and move *cursor past
 * it and its separator, which goes into *separator. Words are expanded
 * now, so a pipeline must be run before the next one is parsed.
 * Returns 0, or -1 after printing a syntax error.
 */
int parse_pipeline(const char **cursor, struct pipeline *pipeline,
		   enum separator *separator)
{
	pipeline->command_count = 0;
	pipeline->word_space_used = 0;
	struct command *command = add_command(pipeline);

	for (;;) {
		char *word = NULL;
		bool quoted = false;
		enum token token = next_token(cursor, pipeline, &word, &quoted);

		switch (token) {
		case TOKEN_ERROR:
			return -1;
		case TOKEN_WORD:
			if (word[0] == '\0' && !quoted)
				break;	/* an unset variable: no word at all */
			if (command->word_count == MAX_WORDS) {
				fprintf(stderr, "sh: too many words\n");
				return -1;
			}
			command->words[command->word_count++] = word;
			break;
		case TOKEN_INPUT:
		case TOKEN_OUTPUT:
		case TOKEN_APPEND:
		case TOKEN_ERROR_OUTPUT:
			if (parse_redirection(cursor, pipeline, command, token) < 0)
				return -1;
			break;
		case TOKEN_ERROR_TO_OUTPUT:
			command->error_to_output = true;
			break;
		case TOKEN_OUTPUT_TO_ERROR:
			command->output_to_error = true;
			break;
		case TOKEN_PIPE:
			if (is_empty(command))
				return syntax_error(token);
			if (pipeline->command_count == MAX_COMMANDS) {
				fprintf(stderr, "sh: too many commands in a pipeline\n");
				return -1;
			}
			command = add_command(pipeline);
			break;
		default:
			return end_pipeline(pipeline, token, separator);
		}
	}
}
