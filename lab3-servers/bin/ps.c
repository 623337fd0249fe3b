/*
 * ps - list the processes.
 *
 *	ps
 *
 * Columns: pid, parent's pid, state (R running or ready, S waiting,
 * Z zombie, K blocked in the kernel), clock ticks used, memory in KiB,
 * and the program's name. PM knows the processes: procinfo(index)
 * asks it for the index-th one, until it answers ESRCH.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#if __STDC_HOSTED__
/*
 * Built as an ordinary program of another system (to try it out there):
 * there is no PM to ask, so there are no processes to show.
 */
struct pm_procinfo {
	int pid;
	int parent;
	char state;
	char name[16];
	unsigned int ticks;
	unsigned int memory;
};

static int procinfo(int index, struct pm_procinfo *info)
{
	(void) index;
	(void) info;
	errno = ESRCH;
	return -1;
}
#else
#include <cairn.h>
#endif

/* Print one line per process. Returns 0, or 1 if PM could not be asked. */
int main(void)
{
	struct pm_procinfo info;

	printf("  PID  PPID S    TICKS  MEM NAME\n");
	for (int index = 0; ; index++) {
		memset(&info, 0, sizeof(info));
		if (procinfo(index, &info) < 0) {
			if (errno == ESRCH)
				return 0;	/* past the last process */
			fprintf(stderr, "ps: %s\n", strerror(errno));
			return 1;
		}
		printf("%5d %5d %c %8u %4u %s\n", (int) info.pid, (int) info.parent, info.state,
		       (unsigned int) info.ticks, (unsigned int) (info.memory / 1024), info.name);
	}
}
