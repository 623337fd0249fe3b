/*
 * sh.c - the shell: read a command line, run it, and again.
 *
 *	sh		commands from standard input; with a prompt "$ " when
 *			that is a terminal
 *	sh -c LINE	run one command line
 *	sh FILE		run the commands of a script
 *
 * At the end of its input the shell exits with the status of the last
 * command. The rest of the shell is in parse.c (reading a line's
 * pipelines), run.c (running one) and builtin.c (cd, exit and friends).
 *
 * Entry point: main.
 */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

int last_status;	/* $? */
bool interactive;	/* reading from a terminal: prompt, ignore ^C */

#define LINE_TOO_LONG (-2)

/*
 * Read one line from fd into line (size bytes of room), without its
 * newline. The shell reads one byte at a time: reading ahead would take
 * input that belongs to the commands it starts, which share the same
 * standard input. Returns the line's length, -1 at the end of the input,
 * or LINE_TOO_LONG (the rest of that line is skipped).
 */
static int read_line(int fd, char *line, int size)
{
	int length = 0;
	bool too_long = false;
	char c;

	for (;;) {
		int result = read(fd, &c, 1);
		if (result < 0 && errno == EINTR)
			continue;
		if (result <= 0) {
			if (length == 0 && !too_long)
				return -1;
			break;		/* a last line without a newline */
		}
		if (c == '\n')
			break;
		if (length < size - 1)
			line[length++] = c;
		else
			too_long = true;
	}
	line[length] = '\0';
	return too_long ? LINE_TOO_LONG : length;
}

/*
 * Run a command line: its pipelines one after the other, each as its
 * separator says. The status of the last pipeline run becomes $?.
 */
static void run_line(const char *line)
{
	static struct pipeline pipeline;	/* large: keep it off the stack */
	enum separator previous = SEPARATOR_SEQUENCE;
	enum separator separator;
	const char *cursor = line;

	do {
		if (parse_pipeline(&cursor, &pipeline, &separator) < 0) {
			last_status = 2;
			return;
		}
		bool wanted = (previous == SEPARATOR_AND) ? (last_status == 0)
			: (previous == SEPARATOR_OR) ? (last_status != 0) : true;
		if (pipeline.command_count > 0 && wanted)
			last_status = run_pipeline(&pipeline,
						   separator == SEPARATOR_BACKGROUND);
		previous = separator;
	} while (separator != SEPARATOR_END);
}

/*
 * Collect the background commands that have finished, without waiting
 * for the others, and say how each ended.
 */
static void reap_background_jobs(void)
{
	int wait_status;
	int pid;

	while ((pid = waitpid(-1, &wait_status, WNOHANG)) > 0)
		printf("[%d] done (status %d)\n", pid, status_of_child(pid, wait_status));
}

/* Read lines from fd and run them until the input ends. */
static void run_input(int fd)
{
	char line[LINE_MAX_LENGTH];

	for (;;) {
		reap_background_jobs();
		if (interactive)
			printf("$ ");
		fflush(stdout);
		int length = read_line(fd, line, sizeof(line));
		if (length == -1)
			break;
		if (length == LINE_TOO_LONG) {
			fprintf(stderr, "sh: line too long\n");
			last_status = 2;
			continue;
		}
		run_line(line);
	}
}

/* Decide where commands come from, run them, exit with the last status. */
int main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "-c") == 0) {
		if (argc < 3) {
			fprintf(stderr, "sh: -c needs a command line\n");
			return 2;
		}
		run_line(argv[2]);
		fflush(stdout);
		return last_status;
	}
	if (argc >= 2) {
		int fd = open(argv[1], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
			return 127;
		}
		/* The commands it runs must not inherit the script. */
		fcntl(fd, F_SETFD, FD_CLOEXEC);
		run_input(fd);
		close(fd);
		return last_status;
	}
	interactive = isatty(0);
	if (interactive)
		signal(SIGINT, SIG_IGN);	/* ^C is for the command running, not the shell */
	run_input(0);
	return last_status;
}
