/*
 * format.c - printf-style formatting into a buffer, for the code that has
 * no console of its own to print on: the loader (serial.c prints the
 * result on COM1) and user programs (uprintf hands it to the kernel). The
 * kernel has its own kprintf (lab 1), whose number printing is a lab-1
 * exercise.
 *
 * Conversions: %d %u %x %c %s %%, with the flags '-' and '0' and a width.
 *
 * Entry points: vsnprintf, snprintf.
 */
#include "format.h"
#include "string.h"

/* Where formatted characters go: buffer[0 .. size-1], counting past the end. */
struct output {
	char *buffer;
	size_t size;
	size_t length;		/* characters produced so far, kept or not */
};

/* Add one character, if it fits (one byte is kept for the final NUL). */
static void put(struct output *out, char c)
{
	if (out->length + 1 < out->size)
		out->buffer[out->length] = c;
	out->length++;
}

/*
 * Add text (length characters), padded to width: with spaces on the left,
 * on the right when left_align, or with zeros after any '-' sign when
 * zero_pad.
 */
static void put_padded(struct output *out, const char *text, int length, int width,
		       bool left_align, bool zero_pad)
{
	int padding = width > length ? width - length : 0;
	if (zero_pad && !left_align && *text == '-') {
		put(out, '-');
		text++;
		length--;
	}
	if (!left_align)
		for (int i = 0; i < padding; i++)
			put(out, zero_pad ? '0' : ' ');
	for (int i = 0; i < length; i++)
		put(out, text[i]);
	if (left_align)
		for (int i = 0; i < padding; i++)
			put(out, ' ');
}

/* Write value in base (10 or 16) into digits, sign first; return the length. */
static int number_text(char *digits, uint32_t value, int base, bool negative)
{
	char reversed[12];
	int count = 0;
	do {
		reversed[count++] = "0123456789abcdef"[value % base];
		value /= base;
	} while (value != 0);
	int length = 0;
	if (negative)
		digits[length++] = '-';
	while (count > 0)
		digits[length++] = reversed[--count];
	return length;
}

/*
 * Format into buffer (size bytes, always NUL-terminated when size > 0).
 * Returns the length the whole text would have, like vsnprintf.
 */
int vsnprintf(char *buffer, size_t size, const char *format, va_list args)
{
	struct output out = { buffer, size, 0 };
	for (const char *p = format; *p != '\0'; p++) {
		if (*p != '%') {
			put(&out, *p);
			continue;
		}
		p++;
		bool left_align = false, zero_pad = false;
		for (; *p == '-' || *p == '0'; p++) {
			if (*p == '-')
				left_align = true;
			else
				zero_pad = true;
		}
		int width = 0;
		for (; *p >= '0' && *p <= '9'; p++)
			width = width * 10 + (*p - '0');

		char digits[12];
		const char *text = digits;
		int length;
		switch (*p) {
		case 'd': {
			int value = va_arg(args, int);
			uint32_t magnitude = value < 0 ? -(uint32_t) value : (uint32_t) value;
			length = number_text(digits, magnitude, 10, value < 0);
			break;
		}
		case 'u':
			length = number_text(digits, va_arg(args, uint32_t), 10, false);
			break;
		case 'x':
			length = number_text(digits, va_arg(args, uint32_t), 16, false);
			break;
		case 'c':
			digits[0] = (char) va_arg(args, int);
			length = 1;
			break;
		case 's':
			text = va_arg(args, const char *);
			if (text == NULL)
				text = "(null)";
			length = strlen(text);
			zero_pad = false;
			break;
		case '%':
			digits[0] = '%';
			length = 1;
			break;
		default:		/* unknown conversion: show it as written */
			digits[0] = '%';
			digits[1] = *p;
			length = *p == '\0' ? 1 : 2;
			if (*p == '\0')
				p--;
			break;
		}
		put_padded(&out, text, length, width, left_align, zero_pad);
	}
	if (size > 0)
		buffer[out.length < size ? out.length : size - 1] = '\0';
	return out.length;
}

/* vsnprintf with the arguments listed. */
int snprintf(char *buffer, size_t size, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	int length = vsnprintf(buffer, size, format, args);
	va_end(args);
	return length;
}
