/*
 * stdio.c - buffered streams over file descriptors.
 *
 * A stream gathers what a program writes in its buffer and hands it to FS
 * in one write when the buffer is full, at a newline (line-buffered
 * streams), or on fflush; reading, it asks FS for a bufferful at a time.
 * Each write or read is a message to FS, so buffering saves a round trip
 * per character. When a stream is first used it picks its buffering:
 * stderr none, a terminal (a character device) by lines, anything else
 * fully. Before a stream reads from its file descriptor, stdout's pending
 * output is written, so a prompt appears before the program waits.
 *
 * A stream opened for both reading and writing ("r+") holds either input
 * or output in its buffer, never both: switching writes out the output,
 * or gives back the unread input by seeking back over it.
 *
 * Entry points: stdin stdout stderr fopen fdopen freopen fclose fflush
 * fileno setvbuf setbuf fgetc getc getchar ungetc fgets getline fread
 * fputc putc putchar fputs puts fwrite fseek ftell rewind feof ferror
 * clearerr remove; stdio_flush_all (syscall.h) for exit, fork, exec and
 * shutdown.
 */
#include "syscall.h"
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

/* stream flags */
#define STREAM_READ       0x01	/* opened for reading */
#define STREAM_WRITE      0x02	/* opened for writing */
#define STREAM_END        0x04	/* read found the end of the file */
#define STREAM_ERROR      0x08	/* a read or write failed */
#define STREAM_OWN_BUFFER 0x10	/* the buffer was malloc'd here */
#define STREAM_MODE_SET   0x20	/* the buffering mode was chosen */

struct stdio_stream {
	int fd;
	int flags;		/* STREAM_*; 0: this slot is free */
	int mode;		/* _IOFBF, _IOLBF or _IONBF */
	char *buffer;		/* NULL until the stream is first used */
	size_t size;		/* bytes at buffer */
	size_t read_position;	/* input: the next byte to hand out */
	size_t read_length;	/* input: bytes in the buffer */
	size_t write_length;	/* output: bytes waiting to be written */
	int pushed_back;	/* ungetc's character, or EOF */
	char one_byte;		/* the buffer of an unbuffered stream */
};

static struct stdio_stream streams[FOPEN_MAX] = {
	{ .fd = 0, .flags = STREAM_READ, .pushed_back = EOF },
	{ .fd = 1, .flags = STREAM_WRITE, .pushed_back = EOF },
	{ .fd = 2, .flags = STREAM_WRITE | STREAM_MODE_SET, .mode = _IONBF,
	  .pushed_back = EOF },
};

FILE *stdin = &streams[0];
FILE *stdout = &streams[1];
FILE *stderr = &streams[2];

/* ---- buffers ---- */

/*
 * Give stream its buffer on first use, choosing its mode unless setvbuf
 * did: by lines for a terminal, else fully buffered. If there is no
 * memory for a buffer, the stream becomes unbuffered.
 */
static void setup_buffer(FILE *stream)
{
	if (stream->buffer != NULL)
		return;
	if (!(stream->flags & STREAM_MODE_SET)) {
		int saved_errno = errno;	/* isatty's ENOTTY is no error of ours */
		stream->mode = isatty(stream->fd) ? _IOLBF : _IOFBF;
		errno = saved_errno;
		stream->flags |= STREAM_MODE_SET;
	}
	if (stream->mode != _IONBF) {
		stream->buffer = malloc(BUFSIZ);
		if (stream->buffer != NULL) {
			stream->size = BUFSIZ;
			stream->flags |= STREAM_OWN_BUFFER;
			return;
		}
		stream->mode = _IONBF;
	}
	stream->buffer = &stream->one_byte;
	stream->size = 1;
}

/* Write count bytes at data to stream's descriptor, all of them. Returns
 * 0, or EOF with the error flag set. */
static int write_all(FILE *stream, const char *data, size_t count)
{
	while (count > 0) {
		ssize_t written = write(stream->fd, data, count);
		if (written <= 0) {
			stream->flags |= STREAM_ERROR;
			return EOF;
		}
		data += written;
		count -= written;
	}
	return 0;
}

/* Write out stream's pending output (dropped if that fails). Returns 0 or EOF. */
static int flush_output(FILE *stream)
{
	size_t length = stream->write_length;
	stream->write_length = 0;
	return write_all(stream, stream->buffer, length);
}

/* Give back the input read ahead but not handed out, by seeking back
 * over it (for a pipe or terminal, that fails and it is simply lost). */
static void drop_input(FILE *stream)
{
	size_t unread = stream->read_length - stream->read_position;
	if (stream->pushed_back != EOF)
		unread++;
	if (unread > 0)
		lseek(stream->fd, -(off_t) unread, SEEK_CUR);
	stream->read_position = stream->read_length = 0;
	stream->pushed_back = EOF;
}

/* ---- opening and closing ---- */

/* The O_* flags for an fopen mode ("r", "w+", "ab" ...) into *open_flags
 * and the stream's flags into *stream_flags. Returns false if mode is bad. */
static bool parse_mode(const char *mode, int *open_flags, int *stream_flags)
{
	bool update = strchr(mode, '+') != NULL;
	switch (mode[0]) {
	case 'r':
		*open_flags = update ? O_RDWR : O_RDONLY;
		break;
	case 'w':
		*open_flags = (update ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
		break;
	case 'a':
		*open_flags = (update ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
		break;
	default:
		errno = EINVAL;
		return false;
	}
	if (update)
		*stream_flags = STREAM_READ | STREAM_WRITE;
	else
		*stream_flags = mode[0] == 'r' ? STREAM_READ : STREAM_WRITE;
	return true;
}

/* Make stream a fresh stream on fd with flags. */
static void start_stream(FILE *stream, int fd, int flags)
{
	*stream = (struct stdio_stream) {
		.fd = fd, .flags = flags, .pushed_back = EOF,
	};
}

/* A free stream slot, or NULL (errno EMFILE). */
static FILE *free_stream(void)
{
	for (int i = 0; i < FOPEN_MAX; i++) {
		if (streams[i].flags == 0)
			return &streams[i];
	}
	errno = EMFILE;
	return NULL;
}

/* Open the file path as a stream: mode "r", "w", "a", with '+' to both
 * read and write ('b' is accepted and means nothing). Returns it or NULL. */
FILE *fopen(const char *path, const char *mode)
{
	int open_flags, stream_flags;
	if (!parse_mode(mode, &open_flags, &stream_flags))
		return NULL;
	FILE *stream = free_stream();
	if (stream == NULL)
		return NULL;
	int fd = open(path, open_flags, 0666);
	if (fd < 0)
		return NULL;
	start_stream(stream, fd, stream_flags);
	return stream;
}

/* A stream on the open file descriptor fd. Returns it or NULL. */
FILE *fdopen(int fd, const char *mode)
{
	int open_flags, stream_flags;
	if (!parse_mode(mode, &open_flags, &stream_flags))
		return NULL;
	FILE *stream = free_stream();
	if (stream == NULL)
		return NULL;
	start_stream(stream, fd, stream_flags);
	return stream;
}

/* Write out stream's output, close its file descriptor and free it. Returns 0 or EOF. */
int fclose(FILE *stream)
{
	int result = fflush(stream);
	if (close(stream->fd) < 0)
		result = EOF;
	if (stream->flags & STREAM_OWN_BUFFER)
		free(stream->buffer);
	stream->flags = 0;
	stream->buffer = NULL;
	return result;
}

/* Close stream and open path in its place (how stdin is redirected). */
FILE *freopen(const char *path, const char *mode, FILE *stream)
{
	int open_flags, stream_flags;
	fclose(stream);
	if (!parse_mode(mode, &open_flags, &stream_flags))
		return NULL;
	int fd = open(path, open_flags, 0666);
	if (fd < 0)
		return NULL;
	start_stream(stream, fd, stream_flags);
	return stream;
}

/* Write out stream's pending output; NULL: every stream's. Returns 0 or EOF. */
int fflush(FILE *stream)
{
	if (stream == NULL) {
		int result = 0;
		for (int i = 0; i < FOPEN_MAX; i++) {
			if (streams[i].flags != 0 && fflush(&streams[i]) == EOF)
				result = EOF;
		}
		return result;
	}
	if (stream->write_length == 0)
		return 0;
	return flush_output(stream);
}

/* Flush every stream: before exit, fork, exec and shutdown. */
void stdio_flush_all(void)
{
	fflush(NULL);
}

/* The file descriptor under stream. */
int fileno(FILE *stream)
{
	return stream->fd;
}

/*
 * Choose stream's buffering, before its first use: mode _IOFBF, _IOLBF
 * or _IONBF, in buffer (size bytes) or, if buffer is NULL, a malloc'd
 * one. Returns 0, or -1 if it is too late or mode is bad.
 */
int setvbuf(FILE *stream, char *buffer, int mode, size_t size)
{
	if (stream->buffer != NULL || (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)) {
		errno = EINVAL;
		return -1;
	}
	stream->mode = mode;
	stream->flags |= STREAM_MODE_SET;
	if (buffer != NULL && mode != _IONBF && size > 0) {
		stream->buffer = buffer;
		stream->size = size;
	}
	return 0;
}

/* setvbuf with a BUFSIZ buffer, or unbuffered when buffer is NULL. */
void setbuf(FILE *stream, char *buffer)
{
	setvbuf(stream, buffer, buffer != NULL ? _IOFBF : _IONBF, BUFSIZ);
}

/* ---- reading ---- */

/* Get stream ready to read: it must allow it, and any output is written
 * first. Returns false (errno EBADF) if it cannot read. */
static bool start_reading(FILE *stream)
{
	if (!(stream->flags & STREAM_READ)) {
		errno = EBADF;
		stream->flags |= STREAM_ERROR;
		return false;
	}
	setup_buffer(stream);
	if (stream->write_length > 0)
		flush_output(stream);
	return true;
}

/* Read the next bufferful (one byte if unbuffered). Returns false at the
 * end of the file or on an error, with the stream's flag set. */
static bool fill_buffer(FILE *stream)
{
	if (stdout->write_length > 0)
		fflush(stdout);	/* the prompt, before waiting for the answer */
	ssize_t length = read(stream->fd, stream->buffer, stream->size);
	if (length <= 0) {
		stream->flags |= length == 0 ? STREAM_END : STREAM_ERROR;
		return false;
	}
	stream->read_position = 0;
	stream->read_length = length;
	return true;
}

/* The next character (as an unsigned char), or EOF at the end or on an error. */
int fgetc(FILE *stream)
{
	if (!start_reading(stream))
		return EOF;
	if (stream->pushed_back != EOF) {
		int c = stream->pushed_back;
		stream->pushed_back = EOF;
		return c;
	}
	if (stream->read_position == stream->read_length) {
		if ((stream->flags & STREAM_END) || !fill_buffer(stream))
			return EOF;
	}
	return (uint8_t) stream->buffer[stream->read_position++];
}

/* fgetc (a macro in some libraries; a function here). */
int getc(FILE *stream)
{
	return fgetc(stream);
}

/* fgetc from stdin. */
int getchar(void)
{
	return fgetc(stdin);
}

/* Push c back: the next read returns it. One character of room. Returns c or EOF. */
int ungetc(int c, FILE *stream)
{
	if (c == EOF || stream->pushed_back != EOF)
		return EOF;
	stream->pushed_back = (uint8_t) c;
	stream->flags &= ~STREAM_END;
	return stream->pushed_back;
}

/*
 * Read a line, its '\n' included, into line (size bytes, NUL-terminated;
 * a longer line comes in pieces). Returns line, or NULL if the end of the
 * file (or an error) came before any character.
 */
char *fgets(char *line, int size, FILE *stream)
{
	if (size <= 0)
		return NULL;
	int length = 0;
	while (length < size - 1) {
		int c = fgetc(stream);
		if (c == EOF)
			break;
		line[length++] = c;
		if (c == '\n')
			break;
	}
	if (length == 0 && size > 1)
		return NULL;
	line[length] = '\0';
	return line;
}

/*
 * Read a whole line, its '\n' included, into *line, a malloc'd buffer of
 * *size bytes that grows as needed (*line may start NULL). Returns the
 * line's length, or -1 at the end of the file or on an error.
 */
ssize_t getline(char **line, size_t *size, FILE *stream)
{
	size_t length = 0;
	for (;;) {
		if (*line == NULL || length + 2 > *size) {
			size_t new_size = *size < 64 ? 128 : *size * 2;
			char *grown = realloc(*line, new_size);
			if (grown == NULL)
				return -1;
			*line = grown;
			*size = new_size;
		}
		int c = fgetc(stream);
		if (c == EOF)
			break;
		(*line)[length++] = c;
		if (c == '\n')
			break;
	}
	(*line)[length] = '\0';
	return length == 0 ? -1 : (ssize_t) length;
}

/* Read count items of size bytes. Returns how many whole items were read. */
size_t fread(void *buffer, size_t size, size_t count, FILE *stream)
{
	char *destination = buffer;
	size_t total = size * count;
	size_t done = 0;
	if (total == 0 || !start_reading(stream))
		return 0;
	if (stream->pushed_back != EOF) {
		destination[done++] = fgetc(stream);
	}
	while (done < total) {
		if (stream->read_position == stream->read_length) {
			if ((stream->flags & STREAM_END) || !fill_buffer(stream))
				break;
		}
		size_t available = stream->read_length - stream->read_position;
		size_t piece = MIN(available, total - done);
		memcpy(destination + done, stream->buffer + stream->read_position, piece);
		stream->read_position += piece;
		done += piece;
	}
	return done / size;
}

/* ---- writing ---- */

/* Get stream ready to write: it must allow it, and read-ahead input is
 * given back first. Returns false (errno EBADF) if it cannot write. */
static bool start_writing(FILE *stream)
{
	if (!(stream->flags & STREAM_WRITE)) {
		errno = EBADF;
		stream->flags |= STREAM_ERROR;
		return false;
	}
	setup_buffer(stream);
	if (stream->read_length > 0 || stream->pushed_back != EOF)
		drop_input(stream);
	return true;
}

/*
 * Write count bytes: into the buffer, writing it out as it fills (or at
 * a newline, when line-buffered); straight to the file when the stream is
 * unbuffered or the data would not fit anyway. Returns 0 or EOF.
 */
static int write_bytes(FILE *stream, const char *data, size_t count)
{
	if (!start_writing(stream))
		return EOF;
	if (stream->mode == _IONBF || count >= stream->size) {
		if (fflush(stream) == EOF)
			return EOF;
		return write_all(stream, data, count);
	}
	bool ends_line = memchr(data, '\n', count) != NULL;
	while (count > 0) {
		size_t piece = MIN(count, stream->size - stream->write_length);
		memcpy(stream->buffer + stream->write_length, data, piece);
		stream->write_length += piece;
		data += piece;
		count -= piece;
		if (stream->write_length == stream->size && flush_output(stream) == EOF)
			return EOF;
	}
	if (stream->mode == _IOLBF && ends_line && stream->write_length > 0)
		return flush_output(stream);
	return 0;
}

/* Write the character c. Returns it (as an unsigned char) or EOF. */
int fputc(int c, FILE *stream)
{
	char byte = (char) c;
	if (write_bytes(stream, &byte, 1) == EOF)
		return EOF;
	return (uint8_t) byte;
}

/* fputc (a macro in some libraries; a function here). */
int putc(int c, FILE *stream)
{
	return fputc(c, stream);
}

/* fputc on stdout. */
int putchar(int c)
{
	return fputc(c, stdout);
}

/* Write the string s (no newline added). Returns 0 or EOF. */
int fputs(const char *s, FILE *stream)
{
	return write_bytes(stream, s, strlen(s));
}

/* Write s and a newline on stdout. Returns 0 or EOF. */
int puts(const char *s)
{
	if (fputs(s, stdout) == EOF)
		return EOF;
	return fputc('\n', stdout) == EOF ? EOF : 0;
}

/* Write count items of size bytes. Returns count, or 0 on an error. */
size_t fwrite(const void *buffer, size_t size, size_t count, FILE *stream)
{
	if (size == 0 || count == 0)
		return 0;
	if (write_bytes(stream, buffer, size * count) == EOF)
		return 0;
	return count;
}

/* ---- position and state ---- */

/* Move stream's position (as lseek), after writing out its output and
 * forgetting its input. Returns 0 or -1. */
int fseek(FILE *stream, long offset, int whence)
{
	if (fflush(stream) == EOF)
		return -1;
	if (whence == SEEK_CUR) {	/* from where the program is, not FS */
		offset -= stream->read_length - stream->read_position;
		if (stream->pushed_back != EOF)
			offset--;
	}
	stream->read_position = stream->read_length = 0;
	stream->pushed_back = EOF;
	if (lseek(stream->fd, offset, whence) < 0)
		return -1;
	stream->flags &= ~STREAM_END;
	return 0;
}

/* Where in the file the program is: FS's position, less input read
 * ahead, plus output not written yet. Returns it or -1. */
long ftell(FILE *stream)
{
	off_t position = lseek(stream->fd, 0, SEEK_CUR);
	if (position < 0)
		return -1;
	position -= stream->read_length - stream->read_position;
	if (stream->pushed_back != EOF)
		position--;
	return position + stream->write_length;
}

/* Back to the start of the file, with the flags cleared. */
void rewind(FILE *stream)
{
	fseek(stream, 0, SEEK_SET);
	clearerr(stream);
}

/* Whether reading stream has found the end of the file. */
int feof(FILE *stream)
{
	return (stream->flags & STREAM_END) != 0;
}

/* Whether a read or write on stream failed. */
int ferror(FILE *stream)
{
	return (stream->flags & STREAM_ERROR) != 0;
}

/* Forget the end-of-file and error flags. */
void clearerr(FILE *stream)
{
	stream->flags &= ~(STREAM_END | STREAM_ERROR);
}

/* Remove a file, or an empty directory. Returns 0 or -1. */
int remove(const char *path)
{
	struct stat status;
	if (stat(path, &status) == 0 && S_ISDIR(status.st_mode))
		return rmdir(path);
	return unlink(path);
}
