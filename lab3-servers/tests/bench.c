/*
 * bench.c - what POSIX calls cost, in instructions: `make bench` boots
 * the system with run="bench" under QEMU's -icount shift=0, where the
 * time-stamp counter advances by one per instruction executed, and
 * grade/bench.py prints the figures beside lab 2's IPC costs.
 *
 *   getpid   a getpid() round trip: user -> PM -> user
 *   fork     fork() + the child's exit() + the parent's wait()
 *   read4k   a 4 KiB read() of a cached file: user -> FS -> user
 *   write4k  a 4 KiB write() to a cached file
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define ROUNDS 200
#define FORKS 30
#define CHUNK 4096

/* The time-stamp counter, low 32 bits: instructions under -icount shift=0. */
static unsigned int timestamp(void)
{
	unsigned int low, high;

	__asm__ volatile("rdtsc" : "=a" (low), "=d" (high));
	return low;
}

static char buffer[CHUNK];

/* Average instructions of ROUNDS writes (writing) or reads of CHUNK at offset 0. */
static unsigned int file_cost(int fd, int writing)
{
	unsigned int start = timestamp();

	for (int i = 0; i < ROUNDS; i++) {
		lseek(fd, 0, SEEK_SET);
		if ((writing ? write(fd, buffer, CHUNK) : read(fd, buffer, CHUNK)) != CHUNK) {
			perror("bench: file");
			exit(1);
		}
	}
	return (timestamp() - start) / ROUNDS;
}

int main(void)
{
	unsigned int laps = 10000, start, getpid_cost, fork_cost, read_cost, write_cost;
	int fd;

	/* A loop of two instructions a lap shows what one counter step is. */
	start = timestamp();
	__asm__ volatile("1: decl %0\n\tjnz 1b" : "+r" (laps));
	printf("bench: calibration %u for 20000 instructions\n", timestamp() - start);

	start = timestamp();
	for (int i = 0; i < ROUNDS; i++)
		getpid();
	getpid_cost = (timestamp() - start) / ROUNDS;

	start = timestamp();
	for (int i = 0; i < FORKS; i++) {
		pid_t child = fork();
		int status;

		if (child == 0)
			_exit(0);
		if (child < 0 || waitpid(child, &status, 0) != child) {
			perror("bench: fork");
			return 1;
		}
	}
	fork_cost = (timestamp() - start) / FORKS;

	fd = open("/tmp/bench.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		perror("bench: /tmp/bench.dat");
		return 1;
	}
	write_cost = file_cost(fd, 1);
	read_cost = file_cost(fd, 0);
	close(fd);
	unlink("/tmp/bench.dat");

	printf("bench: getpid %u fork %u read4k %u write4k %u\n",
	       getpid_cost, fork_cost, read_cost, write_cost);
	return 0;
}
