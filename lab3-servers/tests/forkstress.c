/*
 * forkstress.c - many processes, quickly: fork them in waves, have each
 * exit with its own status, and check that the parent gets every status
 * back, from the right child; then a chain of processes, each the child
 * of the one before.
 *
 *   forkstress SEED [COUNT]      COUNT children in all (default 300)
 *
 * A check is one wave of WAVE children (all statuses right), the chain,
 * and "no child left over" at the end. Output, one line per check:
 *
 *   ok wave1 PROOF ... ok chain PROOF, ok reaped PROOF
 *                                      (or FAIL NAME: what went wrong)
 *   forkstress: N passed, M failed
 *
 * and the exit status is 0 only if every check passed. PROOF (proof.h)
 * hashes the seed, the name and what the parent collected: a wave's sum
 * of its children's exit statuses, the chain's first status, 0 for reaped.
 *
 * Entry point: main.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "proof.h"

#define DEFAULT_COUNT 300
#define WAVE 10			/* children alive at once */
#define CHAIN_DEPTH 20
#define BROKEN_LINK 255		/* a chain link's status when its child's was wrong */

static unsigned int seed;
static int passed, failed;

/* The exit status child index must end with: seeded, 0 .. 254.
 * grade/lab3.py computes the same (forkstress_status). */
static int expected_status(int index)
{
	unsigned int mixed = (seed + 1) * 2654435761u ^ (unsigned int) index * 40503u;

	return (int) ((mixed >> 8) % BROKEN_LINK);
}

/* Print one check's outcome and count it: passed, with value for its
 * proof; failed, with why and two numbers. */
static void report(int ok, const char *name, unsigned int value,
		   const char *why, int a, int b)
{
	if (ok) {
		print_ok(seed, name, value);
		passed++;
	} else {
		printf("FAIL %s: %s (%d, %d)\n", name, why, a, b);
		failed++;
	}
	fflush(stdout);
}

/*
 * What a child of a wave does: a little work (so children overlap), then
 * exit with its status, half of them through exit(), half through _exit().
 */
static void wave_child(int index)
{
	for (int i = 0; i < index % 5; i++)
		getppid();
	if (index % 2)
		exit(expected_status(index));
	_exit(expected_status(index));
}

/* Fork children first .. first+count-1, wait for all, check their statuses. */
static void run_wave(int wave, int first, int count)
{
	pid_t pids[WAVE];
	char name[16];
	int started = 0, ok = 1, bad_index = 0, bad_status = 0;
	unsigned int status_sum = 0;

	fflush(stdout);
	for (; started < count; started++) {
		pids[started] = fork();
		if (pids[started] == 0)
			wave_child(first + started);
		if (pids[started] < 0) {
			ok = 0, bad_index = first + started, bad_status = -errno;
			break;
		}
	}
	/* Reap in any order; match each pid to the index it was given. */
	for (int reaped = 0; reaped < started; reaped++) {
		int status, slot = -1;
		pid_t pid = wait(&status);

		for (int i = 0; i < started; i++)
			if (pids[i] == pid)
				slot = i;
		if (slot < 0) {
			ok = 0, bad_index = -1, bad_status = pid;
			break;
		}
		pids[slot] = 0;
		status_sum += WEXITSTATUS(status);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != expected_status(first + slot))
			ok = 0, bad_index = first + slot, bad_status = status;
	}
	snprintf(name, sizeof(name), "wave%d", wave);
	report(ok, name, status_sum,
	       "child index and its wait status (a negative status: fork's -errno)",
	       bad_index, bad_status);
}

/*
 * Be the chain from level down: each link forks the next one (the child
 * goes round the loop as the next level), waits for it and checks its
 * status, then exits with its own (or BROKEN_LINK). The last just exits.
 */
static void chain_link(int level)
{
	for (; level < CHAIN_DEPTH; level++) {
		pid_t child = fork();
		int status;

		if (child == 0)
			continue;
		if (child < 0 || waitpid(child, &status, 0) != child ||
		    !WIFEXITED(status) ||
		    WEXITSTATUS(status) != expected_status(1000 + level + 1))
			_exit(BROKEN_LINK);
		_exit(expected_status(1000 + level));
	}
	_exit(expected_status(1000 + CHAIN_DEPTH));
}

/* The whole chain, started from here: every link must have worked. */
static void run_chain(void)
{
	pid_t child;
	int status = -1;

	fflush(stdout);
	child = fork();
	if (child == 0)
		chain_link(1);
	if (child > 0)
		waitpid(child, &status, 0);
	report(child > 0 && WIFEXITED(status) &&
	       WEXITSTATUS(status) == expected_status(1000 + 1),
	       "chain", WEXITSTATUS(status),
	       "first link's wait status, 255 in it: a link below broke",
	       status, expected_status(1001));
}

/* Run the waves, the chain and the last check; print the tally. */
int main(int argc, char *argv[])
{
	int count = DEFAULT_COUNT, status;

	seed = argc > 1 ? (unsigned int) strtoul(argv[1], NULL, 0) : 1;
	if (argc > 2)
		count = atoi(argv[2]);

	for (int first = 0, wave = 1; first < count; first += WAVE, wave++)
		run_wave(wave, first, count - first < WAVE ? count - first : WAVE);
	run_chain();
	report(wait(&status) == -1 && errno == ECHILD, "reaped", 0,
	       "wait found a child left over", errno, 0);

	printf("forkstress: %d passed, %d failed\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
