/*
 * stdio.h - buffered input and output on file descriptors (stdio.c) and
 * formatted printing (printf.c, over common/lib/format.c's vsnprintf).
 *
 * stdout is line-buffered when it is a terminal and fully buffered
 * otherwise; stderr is unbuffered. exit() flushes every stream, and so do
 * fork() (a child never repeats its parent's pending output), execve()
 * and shutdown().
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <types.h>
#include <stdarg.h>
#include <posix.h>	/* off_t, SEEK_SET ... */

typedef struct stdio_stream FILE;	/* what it holds is stdio.c's business */

#define EOF (-1)
#define BUFSIZ 1024
#define FOPEN_MAX 20
#define FILENAME_MAX PATH_MAX

/* setvbuf modes */
#define _IOFBF 0	/* fully buffered */
#define _IOLBF 1	/* line buffered */
#define _IONBF 2	/* unbuffered */

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;

FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
FILE *freopen(const char *path, const char *mode, FILE *stream);
int fclose(FILE *stream);
int fflush(FILE *stream);		/* NULL: every output stream */
int fileno(FILE *stream);
int setvbuf(FILE *stream, char *buffer, int mode, size_t size);
void setbuf(FILE *stream, char *buffer);

int fgetc(FILE *stream);
int getc(FILE *stream);
int getchar(void);
int ungetc(int c, FILE *stream);
char *fgets(char *line, int size, FILE *stream);
ssize_t getline(char **line, size_t *size, FILE *stream);
size_t fread(void *buffer, size_t size, size_t count, FILE *stream);

int fputc(int c, FILE *stream);
int putc(int c, FILE *stream);
int putchar(int c);
int fputs(const char *s, FILE *stream);
int puts(const char *s);
size_t fwrite(const void *buffer, size_t size, size_t count, FILE *stream);

int fseek(FILE *stream, long offset, int whence);
long ftell(FILE *stream);
void rewind(FILE *stream);

int feof(FILE *stream);
int ferror(FILE *stream);
void clearerr(FILE *stream);
void perror(const char *prefix);

int printf(const char *format, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *stream, const char *format, ...) __attribute__((format(printf, 2, 3)));
int dprintf(int fd, const char *format, ...) __attribute__((format(printf, 2, 3)));
int sprintf(char *buffer, const char *format, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *buffer, size_t size, const char *format, ...)
	__attribute__((format(printf, 3, 4)));
int vprintf(const char *format, va_list args);
int vfprintf(FILE *stream, const char *format, va_list args);
int vdprintf(int fd, const char *format, va_list args);
int vsprintf(char *buffer, const char *format, va_list args);
int vsnprintf(char *buffer, size_t size, const char *format, va_list args);

int remove(const char *path);
int rename(const char *old_path, const char *new_path);

#endif /* _STDIO_H */
