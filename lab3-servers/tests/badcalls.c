/*
 * badcalls.c - malformed requests must not hurt the servers: a child
 * process sends PM and FS thousands of requests with random types and
 * random payloads (wild pointers, kernel addresses, huge counts, bad
 * descriptors), then the parent checks that PM and FS still serve it.
 *
 *   badcalls SEED [COUNT]
 *
 * Requests that would end or replace the sender itself or others (exit,
 * exec, kill, shutdown, sigreturn, brk, fork) are left out: they are
 * legitimate, and their harm would be the test's own. Output, like the
 * other test programs':
 *
 *   ok NAME PROOF   or   FAIL NAME
 *   badcalls: N passed, M failed
 *
 * PROOF (proof.h) hashes the seed and the name (the value is 0).
 * grade/lab3.py lists the same checks (BADCALLS_CHECKS).
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <servers.h>

#include "proof.h"
#include "random.h"

int ipc_sendrec(endpoint_t partner, message *m);	/* lab2-ipc/user/ipc.S */

static unsigned int seed;
static int passed, failed;

/* A word that is often a bad pointer, a small number, or garbage. */
static unsigned int random_word(void)
{
	static const unsigned int interesting[] = {
		0, 1, 2, 0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0xC0000000, 0xC0100000,
		0xAFFFFFFF, 0xB0000000, 0x08048000, 0x1000, 4096, 65536, 256, 61,
	};
	unsigned int choice = random_next();

	if (choice % 3 == 0)
		return interesting[(choice >> 8) % (sizeof(interesting) / sizeof(interesting[0]))];
	if (choice % 3 == 1)
		return random_next() % 64;
	return random_next();
}

/* Whether a PM request type is one the flood leaves out (see the top). */
static int harmful(int type)
{
	return type == PM_EXIT || type == PM_EXEC || type == PM_KILL || type == PM_SHUTDOWN ||
	       type == PM_SIGRETURN || type == PM_BRK || type == PM_FORK ||
	       type == PM_SIGACTION || type == PM_SIGPROCMASK || type == PM_PAUSE ||
	       type == PM_SLEEP || type == PM_ALARM;
}

/*
 * The flood, in a child process: count requests, each answered somehow.
 * Some legitimately wait for ever (a write to a full pipe that only this
 * process could read): an alarm ends the child then. The child's standard
 * descriptors are /dev/null, so the random writes (wild pointers and all)
 * still go through FS to a driver, but never print on the console, where
 * they could break the lines the grader reads.
 */
static void flood(int count)
{
	int null = open("/dev/null", O_RDWR);

	for (int fd = 0; fd < 3; fd++)
		dup2(null, fd);
	if (null > 2)
		close(null);
	alarm(5);
	for (int i = 0; i < count; i++) {
		message m;
		endpoint_t server = random_next() % 2 ? PM_ENDPOINT : FS_ENDPOINT;
		int base = server == PM_ENDPOINT ? PM_BASE : FS_BASE;

		memset(&m, 0, sizeof(m));
		m.type = random_next() % 8 == 0 ? (int) random_word() : base + (int) (random_next() % 48);
		if (harmful(m.type))
			continue;
		for (int w = 0; w < 14; w++)
			m.payload.words.word[w] = random_word();
		/* Never a read from the console or a pipe: it would wait for ever. */
		if (m.type == FS_READ || m.type == FS_GETDENTS)
			m.payload.fs_io.fd = 3 + random_next() % 30;
		ipc_sendrec(server, &m);
	}
	_exit(0);
}

/* Print one check's outcome and count it. */
static void check(int ok, const char *name)
{
	if (ok) {
		print_ok(seed, name, 0);
		passed++;
	} else {
		printf("FAIL %s\n", name);
		failed++;
	}
}

/* Flood PM and FS from a child, check that they still serve; print the tally. */
int main(int argc, char *argv[])
{
	int count = argc > 2 ? atoi(argv[2]) : 3000;
	int status = -1;
	char path[64], text[32], back[32];
	struct stat info;
	pid_t child;

	seed = argc > 1 ? (unsigned int) atoi(argv[1]) : 1;
	random_start(seed, 0x62616463u);
	fflush(stdout);
	child = fork();
	if (child == 0)
		flood(count);
	check(child > 0 && waitpid(child, &status, 0) == child, "flood_ran");
	check((WIFEXITED(status) && WEXITSTATUS(status) == 0) ||
	      (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM), "flood_ended");

	/* PM and FS still answer, and answer right. */
	check(getpid() > 1, "pm_getpid");
	check(stat("/bin/sh", &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0, "fs_stat");
	snprintf(path, sizeof(path), "/tmp/badcalls%u", random_state % 100000);
	snprintf(text, sizeof(text), "alive %u", random_state);
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	int written = fd >= 0 ? (int) write(fd, text, strlen(text)) : -1;
	int read_back = fd >= 0 && lseek(fd, 0, SEEK_SET) == 0 ? (int) read(fd, back, sizeof(back)) : -1;
	check(written == (int) strlen(text) && read_back == written &&
	      memcmp(text, back, strlen(text)) == 0, "fs_file");
	if (fd >= 0)
		close(fd);
	unlink(path);
	child = fork();
	if (child == 0)
		_exit(7);
	check(child > 0 && waitpid(child, &status, 0) == child && WEXITSTATUS(status) == 7,
	      "pm_fork");

	printf("badcalls: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
