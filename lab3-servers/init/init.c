/*
 * init.c - the first user process (pid 1): it gives the system a console
 * and a shell, and adopts every orphan.
 *
 * The kernel starts init from the boot image, with no arguments and no
 * open files. init opens the console as its standard input, output and
 * error (which every process after it inherits), then:
 *  - if the boot parameter "run" is set, runs that one command with
 *    /bin/sh -c, waits for it, and shuts the machine down with the
 *    command's exit status (how a grader runs a test without typing);
 *  - otherwise runs an interactive /bin/sh, and another whenever it
 *    exits.
 * Either way it waits in a loop, so that any process whose parent died
 * before it (PM makes init its parent) is reaped when it exits.
 *
 * Entry point: main.
 */
#include <cairn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CONSOLE_PATH "/dev/console"
#define SHELL_PATH "/bin/sh"
#define CONSOLE_ATTEMPTS 3	/* tries to open the console before giving up */
#define EXEC_FAILED 127		/* a child's exit code when the shell would not start */
#define EXEC_FAILURES_MAX 3	/* shells in a row that would not start */
#define SHUTDOWN_FAILED 2	/* shutdown code when init cannot do its job */
#define RUN_COMMAND_MAX 1024

/* The environment every shell starts with. */
static char *const shell_environment[] = { "PATH=/bin", "HOME=/", NULL };

/* Stop the machine with code; if even that fails, there is nothing left to do. */
static void stop_machine(int code)
{
	shutdown(code);
	for (;;)
		pause();
}

/*
 * Open the console as file descriptors 0, 1 and 2 (init has none open,
 * so each open gets the next). Returns true when all three are open.
 */
static bool open_console(void)
{
	for (int fd = 0; fd < 3; fd++) {
		int opened = open(CONSOLE_PATH, O_RDWR);
		if (opened != fd) {
			if (opened >= 0)
				close(opened);
			return false;
		}
	}
	return true;
}

/* open_console, a few times, a second apart: FS may not be ready yet. */
static bool open_console_patiently(void)
{
	for (int attempt = 1; attempt <= CONSOLE_ATTEMPTS; attempt++) {
		if (open_console())
			return true;
		for (int fd = 0; fd < 3; fd++)
			close(fd);
		if (attempt < CONSOLE_ATTEMPTS)
			sleep(1);
	}
	return false;
}

/*
 * Start /bin/sh with argv in a child process. Returns the child's pid,
 * or -1 if fork failed. A child that cannot run the shell says why and
 * exits with EXEC_FAILED.
 */
static pid_t start_shell(char *const argv[])
{
	pid_t child = fork();
	if (child != 0)
		return child;
	execve(SHELL_PATH, argv, shell_environment);
	fprintf(stderr, "init: cannot run %s: %s\n", SHELL_PATH, strerror(errno));
	_exit(EXEC_FAILED);
}

/*
 * Wait until the child shell ends, reaping any other child (orphans
 * adopted by init) that ends meanwhile. Returns shell's wait status, or
 * -1 if it cannot be waited for.
 */
static int wait_for(pid_t shell)
{
	for (;;) {
		int status;
		pid_t child = wait(&status);
		if (child == shell)
			return status;
		if (child < 0 && errno != EINTR)
			return -1;
	}
}

/* A wait status as one exit code: the exit status, or 128 + the signal. */
static int exit_code(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

/* Run command with sh -c, wait for it, and shut down with its exit code. */
static void run_command(char *command)
{
	char *argv[] = { "sh", "-c", command, NULL };
	pid_t shell = start_shell(argv);
	if (shell < 0) {
		printf("init: cannot fork: %s\n", strerror(errno));
		stop_machine(SHUTDOWN_FAILED);
	}
	int status = wait_for(shell);
	if (status < 0) {
		printf("init: lost the shell: %s\n", strerror(errno));
		stop_machine(SHUTDOWN_FAILED);
	}
	stop_machine(exit_code(status));
}

/*
 * Run an interactive shell, and a new one each time it exits. Stops the
 * machine when the shell could not be started, or was killed,
 * EXEC_FAILURES_MAX times in a row (after each failure it waits a second,
 * so as not to spin).
 */
static void run_shells(void)
{
	char *argv[] = { "sh", NULL };
	int failures = 0;
	for (;;) {
		int status = -1;
		pid_t shell = start_shell(argv);
		if (shell < 0)
			printf("init: cannot fork: %s\n", strerror(errno));
		else if ((status = wait_for(shell)) < 0)
			printf("init: cannot wait for the shell: %s\n", strerror(errno));
		else
			printf("init: shell exited (status %d); starting a new one\n",
			       exit_code(status));

		/* A shell that ends by exiting (not 127: exec failed) ran;
		 * one killed by a signal may never have started (PM kills a
		 * process whose exec failed half way), so it counts as a
		 * failure too: enough of them in a row stop the machine. */
		bool started = status >= 0 && WIFEXITED(status) &&
			WEXITSTATUS(status) != EXEC_FAILED;
		if (started) {
			failures = 0;
			continue;
		}
		if (++failures == EXEC_FAILURES_MAX) {
			printf("init: %s would not start %d times; shutting down\n",
			       SHELL_PATH, failures);
			stop_machine(SHUTDOWN_FAILED);
		}
		sleep(1);
	}
}

/* Open the console, then run the "run" command or shells. Never returns. */
int main(void)
{
	if (!open_console_patiently())
		stop_machine(SHUTDOWN_FAILED);	/* nowhere to complain */
	printf("Cairn init: starting %s\n", SHELL_PATH);

	static char command[RUN_COMMAND_MAX];
	int length = getparam("run", command, sizeof(command));
	if (length >= (int) sizeof(command)) {
		printf("init: the run parameter is longer than %d bytes\n",
		       RUN_COMMAND_MAX - 1);
		stop_machine(SHUTDOWN_FAILED);
	}
	if (length >= 0)
		run_command(command);
	run_shells();
	return 0;
}
