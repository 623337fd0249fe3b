/*
 * pipe.c - pipes: a 4 KiB ring buffer in FS's memory with a read end and
 * a write end, each an open file. No inode on the disk is involved.
 *
 * A reader of an empty pipe waits (FS does not reply) until a writer
 * writes or the last writer closes (then it reads 0, end of file). A
 * writer of a full pipe waits for room; with no reader left, a write
 * fails with EPIPE. After every change pipe_wake() finishes the waiting
 * calls that can now make progress.
 *
 * Entry points: pipe_new, do_pipe, pipe_read, pipe_write, pipe_close_end.
 */

#include "fs.h"

#define PIPES 16

static struct pipe pipes[PIPES];

/* A free pipe, emptied, with no ends yet; NULL if all are in use. */
struct pipe *pipe_new(void)
{
	for (int i = 0; i < PIPES; i++) {
		if (!pipes[i].in_use) {
			pipes[i].in_use = true;
			pipes[i].start = pipes[i].count = 0;
			pipes[i].readers = pipes[i].writers = 0;
			return &pipes[i];
		}
	}
	return NULL;
}

/*
 * Move up to count bytes out of pipe into buffer in who's memory.
 * Returns the bytes moved or -EFAULT.
 */
static int pipe_take(struct pipe *pipe, endpoint_t who, uint32_t buffer, uint32_t count)
{
	uint32_t done = 0;

	count = MIN(count, pipe->count);
	while (done < count) {
		/* The bytes up to the end of the ring, then from its start. */
		uint32_t chunk = MIN(count - done, PIPE_SIZE - pipe->start);
		if (copy_to_user(who, buffer + done, pipe->data + pipe->start, chunk) != OK)
			return done > 0 ? (int) done : -EFAULT;
		pipe->start = (pipe->start + chunk) % PIPE_SIZE;
		pipe->count -= chunk;
		done += chunk;
	}
	return done;
}

/*
 * Move up to count bytes from buffer in who's memory into the free room
 * of pipe. Returns the bytes moved or -EFAULT.
 */
static int pipe_put(struct pipe *pipe, endpoint_t who, uint32_t buffer, uint32_t count)
{
	uint32_t done = 0;

	count = MIN(count, PIPE_SIZE - pipe->count);
	while (done < count) {
		uint32_t end = (pipe->start + pipe->count) % PIPE_SIZE;
		uint32_t chunk = MIN(count - done, PIPE_SIZE - end);
		if (copy_from_user(who, pipe->data + end, buffer + done, chunk) != OK)
			return done > 0 ? (int) done : -EFAULT;
		pipe->count += chunk;
		done += chunk;
	}
	return done;
}

/*
 * Try once more the suspended call of process on pipe. Returns true if it
 * made progress (so others may now make some too).
 */
static bool retry_suspended(struct process *process, struct pipe *pipe)
{
	if (process->suspended == SUSPENDED_PIPE_READ) {
		if (pipe->count > 0) {
			int result = pipe_take(pipe, process->endpoint, process->suspended_buffer,
					       process->suspended_count);
			finish_suspended(process, result);
			return true;
		}
		if (pipe->writers == 0) {
			finish_suspended(process, 0);	/* end of file */
			return true;
		}
		return false;
	}
	/* SUSPENDED_PIPE_WRITE */
	if (pipe->readers == 0) {
		int done = process->suspended_done;
		finish_suspended(process, done > 0 ? done : -EPIPE);
		return true;
	}
	if (pipe->count == PIPE_SIZE)
		return false;
	int result = pipe_put(pipe, process->endpoint,
			      process->suspended_buffer + process->suspended_done,
			      process->suspended_count - process->suspended_done);
	if (result < 0) {
		int done = process->suspended_done;
		finish_suspended(process, done > 0 ? done : result);
		return true;
	}
	process->suspended_done += result;
	if (process->suspended_done == process->suspended_count)
		finish_suspended(process, process->suspended_done);
	return result > 0;
}

/* Finish every waiting call on pipe that can make progress now. */
static void pipe_wake(struct pipe *pipe)
{
	bool progress = true;

	while (progress) {
		progress = false;
		for (int i = 0; i < PROCESS_SLOTS; i++) {
			struct process *process = &processes[i];
			if (!process->in_use || process->suspended_file == NULL ||
			    process->suspended_file->pipe != pipe)
				continue;
			if (process->suspended != SUSPENDED_PIPE_READ &&
			    process->suspended != SUSPENDED_PIPE_WRITE)
				continue;
			if (retry_suspended(process, pipe))
				progress = true;
		}
	}
}

/* Remember that caller waits on file: no reply until pipe_wake. */
static int suspend(struct process *caller, enum suspension why, struct open_file *file,
		   uint32_t buffer, uint32_t count, uint32_t done)
{
	caller->suspended = why;
	caller->suspended_file = file;
	caller->suspended_buffer = buffer;
	caller->suspended_count = count;
	caller->suspended_done = done;
	return NO_REPLY;
}

/* read() of a pipe's read end: bytes read, 0 at end of file, or NO_REPLY. */
int pipe_read(struct process *caller, struct open_file *file, uint32_t buffer,
	      uint32_t count)
{
	struct pipe *pipe = file->pipe;

	if (pipe->count == 0) {
		if (pipe->writers == 0)
			return 0;
		if (file->flags & O_NONBLOCK)
			return -EAGAIN;
		return suspend(caller, SUSPENDED_PIPE_READ, file, buffer, count, 0);
	}
	int result = pipe_take(pipe, caller->endpoint, buffer, count);
	pipe_wake(pipe);	/* writers waiting for room */
	return result;
}

/* write() of a pipe's write end: bytes written, -EPIPE, or NO_REPLY. */
int pipe_write(struct process *caller, struct open_file *file, uint32_t buffer,
	       uint32_t count)
{
	struct pipe *pipe = file->pipe;

	if (pipe->readers == 0)
		return -EPIPE;
	int result = pipe_put(pipe, caller->endpoint, buffer, count);
	if (result < 0)
		return result;
	pipe_wake(pipe);	/* readers waiting for data */
	if ((uint32_t) result == count)
		return result;
	if (file->flags & O_NONBLOCK)
		return result > 0 ? result : -EAGAIN;
	return suspend(caller, SUSPENDED_PIPE_WRITE, file, buffer, count, result);
}

/* The last descriptor of one end of a pipe was closed. */
void pipe_close_end(struct open_file *file)
{
	struct pipe *pipe = file->pipe;

	if ((file->flags & O_ACCMODE) == O_RDONLY)
		pipe->readers--;
	else
		pipe->writers--;
	file->pipe = NULL;
	if (pipe->readers == 0 && pipe->writers == 0)
		pipe->in_use = false;
	else
		pipe_wake(pipe);
}

/* FS_PIPE -> 0, with the read end's descriptor in fs_fd.fd, the write end's in fd2. */
int do_pipe(struct process *caller, message *m)
{
	struct pipe *pipe = pipe_new();
	if (pipe == NULL)
		return -ENFILE;
	struct open_file *reader = open_file_new(O_RDONLY);
	struct open_file *writer = open_file_new(O_WRONLY);
	if (reader == NULL || writer == NULL) {
		if (reader != NULL)
			reader->references = 0;
		pipe->in_use = false;
		return -ENFILE;
	}
	reader->pipe = writer->pipe = pipe;
	pipe->readers = pipe->writers = 1;
	int read_fd = fd_install(caller, reader, 0);
	int write_fd = read_fd < 0 ? read_fd : fd_install(caller, writer, 0);
	if (write_fd < 0) {
		if (read_fd >= 0)
			caller->fd[read_fd] = NULL;
		reader->references = writer->references = 0;
		pipe->in_use = false;
		return -EMFILE;
	}
	m->payload.fs_fd.fd = read_fd;
	m->payload.fs_fd.fd2 = write_fd;
	return OK;
}
