/*
 * line.h - the console's line discipline: what turns the bytes a user
 * types into the lines a program reads.
 *
 * Input is "canonical": a program reads nothing until the user ends a
 * line, and until then the user may correct it:
 *   CR or LF   ends the line; the reader gets it with a "\n" (a CR LF
 *              pair counts as one end of line)
 *   BS, DEL    erases the last character of the line
 *   ^U         erases the whole line
 *   ^D         at the start of a line: end of file (a read returns 0);
 *              elsewhere: the line so far is readable, without a "\n"
 *   ^C         throws the line away and asks for SIGINT
 * Every byte accepted is echoed, so the user sees what they type.
 *
 * This module touches no device: bytes come in through line_input, echo
 * goes out through the function given to line_init, and the driver moves
 * the finished lines to readers with line_peek and line_consume. So it
 * can be tested anywhere, with any byte stream.
 *
 * Entry points: line_init, line_input, line_readable, line_peek,
 * line_consume.
 */
#ifndef CAIRN_LINE_H
#define CAIRN_LINE_H

#include "types.h"

#define LINE_BUFFER_SIZE 1024	/* bytes kept: finished lines plus the line being typed */
#define LINE_MAX_FINISHED  64	/* finished lines (or end-of-file marks) waiting */

/* What line_input reports, as bits. */
#define LINE_FINISHED  0x1	/* a line (or an end-of-file mark) became readable */
#define LINE_INTERRUPT 0x2	/* ^C: the processes at the console should get SIGINT */

/* Where echo goes: length bytes of text, to be shown as they are. */
typedef void line_echo_function(const char *text, size_t length);

struct line_discipline {
	/*
	 * buffer[0, finished) holds the finished lines, oldest first;
	 * buffer[finished, length) is the line being typed.
	 */
	char buffer[LINE_BUFFER_SIZE];
	size_t finished;
	size_t length;
	/* Bytes of each finished line still unread, oldest first; 0 is an end of file. */
	uint16_t finished_length[LINE_MAX_FINISHED];
	int finished_count;
	bool after_carriage_return;	/* the last byte was CR: an LF now adds nothing */
	line_echo_function *echo;
};

/* Start with no input; echo will show what is typed. */
void line_init(struct line_discipline *line, line_echo_function *echo);

/* Take one byte the user typed. Returns LINE_FINISHED and LINE_INTERRUPT bits. */
int line_input(struct line_discipline *line, char byte);

/* Whether a read would return now (a finished line or an end of file waits). */
bool line_readable(const struct line_discipline *line);

/*
 * The unread part of the oldest finished line: its bytes go to *data,
 * its length is returned (0 for an end of file, or when nothing is
 * readable: ask line_readable).
 */
size_t line_peek(const struct line_discipline *line, const char **data);

/*
 * A reader took count bytes (at most line_peek's length) of the oldest
 * finished line. When none of it is left, the next line becomes the
 * oldest; consuming 0 bytes of an end of file removes the mark.
 */
void line_consume(struct line_discipline *line, size_t count);

#endif /* CAIRN_LINE_H */
