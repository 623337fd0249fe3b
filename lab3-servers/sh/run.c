/*
 * run.c - run a pipeline: the heart of a shell, where fork, pipe, dup2,
 * exec and wait meet.
 *
 * For "a | b | c" the shell makes a pipe between each pair of neighbours
 * and forks one child per command. Each child moves its pipe ends onto
 * its standard input and output with dup2, opens its redirections, and
 * replaces itself with the program (execve). The shell closes its copies
 * of the pipe ends (a reader only sees end-of-file once every write end
 * is closed) and waits for the children, unless the pipeline runs in
 * the background.
 *
 * Entry points: run_pipeline, status_of_child.
 */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

extern char **environ;

/*
 * Open a file and put it on file descriptor target (0, 1 or 2).
 * Returns 0, or -1 after printing why not.
 */
static int redirect(const char *path, int flags, int target)
{
	int fd = open(path, flags, 0666);
	if (fd < 0) {
		fprintf(stderr, "sh: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (fd != target) {
		dup2(fd, target);
		close(fd);
	}
	return 0;
}

/*
 * Open all of a command's redirections, in the child: standard input,
 * then output, then error (always in this order, wherever they were on
 * the line). Returns 0 or -1.
 */
static int apply_redirections(const struct command *command)
{
	int output_flags = O_WRONLY | O_CREAT | (command->append_output ? O_APPEND : O_TRUNC);

	if (command->input_file && redirect(command->input_file, O_RDONLY, 0) < 0)
		return -1;
	if (command->output_file && redirect(command->output_file, output_flags, 1) < 0)
		return -1;
	if (command->output_to_error)
		dup2(2, 1);
	if (command->error_file
	    && redirect(command->error_file, O_WRONLY | O_CREAT | O_TRUNC, 2) < 0)
		return -1;
	if (command->error_to_output)
		dup2(1, 2);
	return 0;
}

/*
 * Find the program a command names: a name with a '/' is a path already;
 * otherwise try each directory of $PATH (default "/bin") in turn.
 * Returns the path (name itself or in buffer), or NULL if there is none.
 */
static const char *find_program(const char *name, char *buffer, size_t size)
{
	struct stat status;

	if (strchr(name, '/') != NULL)
		return name;
	const char *directory = getenv("PATH");
	if (directory == NULL)
		directory = "/bin";
	while (*directory != '\0') {
		size_t length = strcspn(directory, ":");
		if (length + 1 + strlen(name) < size) {
			/* buffer = directory "/" name; an empty directory means "." */
			memcpy(buffer, directory, length);
			buffer[length] = '\0';
			if (length == 0)
				strcpy(buffer, ".");
			strcat(buffer, "/");
			strcat(buffer, name);
			if (stat(buffer, &status) == 0 && S_ISREG(status.st_mode))
				return buffer;
		}
		directory += length;
		if (*directory == ':')
			directory++;
	}
	return NULL;
}

/*
 * In a child: become the command. Leading NAME=value words go into the
 * environment, a built-in runs here, anything else is looked up and
 * exec'd. Never returns: 127 means not found, 126 that exec failed.
 */
static void become_command(struct command *command)
{
	char path[256];

	if (apply_redirections(command) < 0)
		_exit(1);
	int assignments = count_assignments(command->words, command->word_count);
	for (int i = 0; i < assignments; i++)
		assign_variable(command->words[i]);
	char **words = command->words + assignments;
	int word_count = command->word_count - assignments;
	if (word_count == 0)
		_exit(0);

	builtin_function builtin = find_builtin(words[0]);
	if (builtin != NULL) {
		int status = builtin(word_count, words);
		fflush(stdout);
		_exit(status);
	}
	const char *program = find_program(words[0], path, sizeof(path));
	if (program == NULL) {
		fprintf(stderr, "sh: %s: not found\n", words[0]);
		_exit(127);
	}
	execve(program, words, environ);
	int error = errno;
	fprintf(stderr, "sh: %s: %s\n", words[0], strerror(error));
	_exit(error == ENOENT ? 127 : 126);
}

/*
 * Turn what waitpid reported about a child into a shell status: its exit
 * code, or 128 + the signal that killed it (and say so, unless it was
 * an interrupt from the keyboard or a broken pipe, which are expected).
 */
int status_of_child(int pid, int wait_status)
{
	if (WIFEXITED(wait_status))
		return WEXITSTATUS(wait_status);
	int signal_number = WTERMSIG(wait_status);
	if (signal_number != SIGINT && signal_number != SIGPIPE)
		fprintf(stderr, "sh: pid %d killed by signal %d\n", pid, signal_number);
	return 128 + signal_number;
}

/*
 * Wait for the started commands of a pipeline (started of command_count).
 * Returns the status of the last command, or 1 if it never started.
 */
static int wait_for_pipeline(const int *pids, int started, int command_count)
{
	int status = 1;
	int wait_status;

	for (int i = 0; i < started; i++) {
		int result;
		do
			result = waitpid(pids[i], &wait_status, 0);
		while (result < 0 && errno == EINTR);
		int child_status = (result < 0) ? 1 : status_of_child(pids[i], wait_status);
		if (i == command_count - 1)
			status = child_status;
	}
	return status;
}

/*
 * A built-in that changes the shell (cd, exit, a variable) must run in the
 * shell itself, not in a child. That is only possible for a pipeline of
 * one command, in the foreground, without redirections.
 * Returns true if it ran, with its status in *status.
 */
static bool run_in_shell(struct pipeline *pipeline, bool background, int *status)
{
	struct command *command = &pipeline->commands[0];
	char **words = command->words;
	int assignments = count_assignments(words, command->word_count);

	bool redirected = command->input_file || command->output_file || command->error_file
		|| command->error_to_output || command->output_to_error;

	if (pipeline->command_count != 1 || background || redirected)
		return false;
	if (assignments == command->word_count) {
		for (int i = 0; i < assignments; i++)
			assign_variable(words[i]);
		*status = 0;
		return true;
	}
	builtin_function builtin = find_builtin(words[0]);
	if (assignments > 0 || builtin == NULL)
		return false;
	*status = builtin(command->word_count, words);
	fflush(stdout);		/* keep its output in order with what follows */
	return true;
}

/* Close a pipe end, if there is one (-1: none). */
static void close_pipe_end(int fd)
{
	if (fd >= 0)
		close(fd);
}

/*
 * In the child made for one command of a pipeline: read from input and
 * write to output (pipe ends, or -1 to keep the shell's own), close the
 * pipe end meant for the next command, and become the command.
 */
static void start_child(struct command *command, int input, int output, int next_input)
{
	if (interactive)
		signal(SIGINT, SIG_DFL);	/* ^C may stop this one */
	close_pipe_end(next_input);
	if (input >= 0) {
		dup2(input, 0);
		close(input);
	}
	if (output >= 0) {
		dup2(output, 1);
		close(output);
	}
	become_command(command);
}

/*
 * Run a pipeline. In the foreground, wait for all of its commands and
 * return the status of the last one; in the background, print the last
 * one's pid and return 0 at once (it is reaped later, see sh.c).
 */
int run_pipeline(struct pipeline *pipeline, bool background)
{
	int pids[MAX_COMMANDS];
	int started = 0;
	int input = -1;		/* read end of the pipe from the command before */
	int status;

	if (run_in_shell(pipeline, background, &status))
		return status;

	/* Whatever the shell buffered must not be printed again by a child. */
	fflush(stdout);
	fflush(stderr);
	for (int i = 0; i < pipeline->command_count; i++) {
		int pipe_ends[2] = { -1, -1 };	/* [0]: read end, [1]: write end */

		if (i < pipeline->command_count - 1 && pipe(pipe_ends) < 0) {
			fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
			break;
		}
		int pid = fork();
		if (pid == 0)
			start_child(&pipeline->commands[i], input, pipe_ends[1], pipe_ends[0]);
		if (pid > 0)
			pids[started++] = pid;
		else
			fprintf(stderr, "sh: fork: %s\n", strerror(errno));
		/* The shell keeps only the read end, for the next command. */
		close_pipe_end(input);
		close_pipe_end(pipe_ends[1]);
		input = pipe_ends[0];
		if (pid < 0)
			break;
	}
	close_pipe_end(input);

	if (background) {
		if (started > 0)
			printf("[%d]\n", pids[started - 1]);
		return 0;
	}
	return wait_for_pipeline(pids, started, pipeline->command_count);
}
