/*
 * line.c - the console's canonical line discipline (see line.h): line
 * editing, echo, end of file and ^C, over one buffer of typed bytes.
 *
 * The buffer holds, in order, the finished lines nobody has read yet and
 * then the line being typed. Editing only ever touches the line being
 * typed; ending it moves the boundary (finished) to the end and queues
 * its length in finished_length[]. A reader takes bytes from the front;
 * the rest of the buffer then moves down.
 *
 * A full buffer drops what is typed (without echo), always keeping room
 * for the end of the line, so a line can always be finished.
 *
 * Entry points: line_init, line_input, line_readable, line_peek,
 * line_consume.
 */

#include "line.h"
#include "string.h"

/* Control characters, as the keyboard sends them. */
#define CONTROL(letter) ((letter) - '@')
#define KEY_INTERRUPT   CONTROL('C')	/* 0x03 */
#define KEY_END_OF_FILE CONTROL('D')	/* 0x04 */
#define KEY_BACKSPACE   CONTROL('H')	/* 0x08 */
#define KEY_KILL_LINE   CONTROL('U')	/* 0x15 */
#define KEY_DELETE      0x7F

void line_init(struct line_discipline *line, line_echo_function *echo)
{
	memset(line, 0, sizeof(*line));
	line->echo = echo;
}

/* Show a NUL-terminated string. */
static void echo_string(struct line_discipline *line, const char *text)
{
	line->echo(text, strlen(text));
}

/* Bytes in the line being typed. */
static size_t typed_length(const struct line_discipline *line)
{
	return line->length - line->finished;
}

/*
 * Make the line being typed readable, with a "\n" at its end if newline.
 * An empty line without newline is an end-of-file mark. Returns
 * LINE_FINISHED, or 0 when the queue of finished lines is full (then the
 * line stays as it is).
 */
static int finish_line(struct line_discipline *line, bool newline)
{
	if (line->finished_count == LINE_MAX_FINISHED)
		return 0;
	if (newline)
		line->buffer[line->length++] = '\n';	/* room was kept for it */
	line->finished_length[line->finished_count++] = typed_length(line);
	line->finished = line->length;
	return LINE_FINISHED;
}

/* Add an ordinary byte to the line being typed and echo it, if it fits. */
static void add_byte(struct line_discipline *line, char byte)
{
	if (line->length + 1 >= LINE_BUFFER_SIZE)
		return;		/* full: the last place is for the "\n" */
	line->buffer[line->length++] = byte;
	line->echo(&byte, 1);
}

/* Erase the last typed byte, on the screen too. Returns whether there was one. */
static bool erase_byte(struct line_discipline *line)
{
	if (typed_length(line) == 0)
		return false;
	line->length--;
	echo_string(line, "\b \b");	/* back, blank it out, back again */
	return true;
}

int line_input(struct line_discipline *line, char byte)
{
	bool after_carriage_return = line->after_carriage_return;
	int events = 0;

	line->after_carriage_return = (byte == '\r');
	switch (byte) {
	case '\n':
		if (after_carriage_return)
			break;		/* the second half of CR LF */
		/* fall through */
	case '\r':
		events = finish_line(line, true);
		if (events)
			echo_string(line, "\r\n");
		break;
	case KEY_BACKSPACE:
	case KEY_DELETE:
		erase_byte(line);
		break;
	case KEY_KILL_LINE:
		while (erase_byte(line))
			;
		break;
	case KEY_END_OF_FILE:
		/* At the start of a line this finishes an empty line: end of file. */
		events = finish_line(line, false);
		break;
	case KEY_INTERRUPT:
		line->length = line->finished;
		echo_string(line, "^C\r\n");
		events = LINE_INTERRUPT;
		break;
	default:
		add_byte(line, byte);
		break;
	}
	return events;
}

bool line_readable(const struct line_discipline *line)
{
	return line->finished_count > 0;
}

size_t line_peek(const struct line_discipline *line, const char **data)
{
	*data = line->buffer;
	if (line->finished_count == 0)
		return 0;
	return line->finished_length[0];
}

void line_consume(struct line_discipline *line, size_t count)
{
	if (line->finished_count == 0)
		return;
	if (count > line->finished_length[0])
		count = line->finished_length[0];

	memmove(line->buffer, line->buffer + count, line->length - count);
	line->finished -= count;
	line->length -= count;
	line->finished_length[0] -= count;
	if (line->finished_length[0] > 0)
		return;		/* the rest of the line waits for the next read */

	line->finished_count--;
	memmove(line->finished_length, line->finished_length + 1,
		line->finished_count * sizeof(line->finished_length[0]));
}
