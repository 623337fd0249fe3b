/*
 * utility.h - small pieces several utilities share (utility.c, linked
 * into every program of bin/).
 */
#ifndef CAIRN_UTILITY_H
#define CAIRN_UTILITY_H

/* Write all count bytes of buffer to fd, however many writes it takes.
 * Returns 0, or -1 (errno set) on an error. */
int write_all(int fd, const char *buffer, int count);

/*
 * Where cp, mv and ln put source when told "target": into a directory
 * target under the source's own last name (target/name, written into
 * buffer of size bytes), else target itself. Returns target or buffer.
 */
const char *destination_for(const char *source, const char *target, char *buffer, int size);

#endif /* CAIRN_UTILITY_H */
