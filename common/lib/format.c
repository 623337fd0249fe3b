/*
 * format.c - printf-style formatting into a buffer, for the code that has
 * no console of its own to print on: the loader (serial.c prints the
 * result on COM1), lab 2's user programs (uprintf hands it to the kernel)
 * and lab 3's C library (printf and its family). The kernel has its own
 * kprintf (lab 1), whose number printing is a lab-1 exercise.
 *
 * A conversion is %[flags][width][.precision][length]conversion:
 *   flags      '-' left-align, '0' pad numbers with zeros, '+' or ' '
 *              before non-negative signed numbers, '#' alternate form
 *              (0 before octal, 0x before non-zero hex)
 *   width      digits, or '*' to take it from the arguments
 *   precision  digits or '*': the least number of digits of a number,
 *              the most characters of a string
 *   length     h (short), hh (char); l, z and t are accepted and change
 *              nothing, since int, long, size_t and pointers are all 32
 *              bits (64-bit ll is not supported)
 *   conversion d i u o x X c s p %
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

/* What a conversion asked for, between the '%' and the conversion letter. */
struct conversion {
	bool left_align;	/* '-' */
	bool zero_pad;		/* '0' */
	bool alternate;		/* '#' */
	char plus_sign;		/* '+' or ' ' before a non-negative number; 0: none */
	char length;		/* 'h' short, 'H' char (hh), 0 int */
	int width;
	int precision;		/* -1 when none was given */
};

/* Add one character, if it fits (one byte is kept for the final NUL). */
static void put(struct output *out, char c)
{
	if (out->length + 1 < out->size)
		out->buffer[out->length] = c;
	out->length++;
}

/* Add count copies of c. */
static void put_repeated(struct output *out, char c, int count)
{
	for (int i = 0; i < count; i++)
		put(out, c);
}

/*
 * Add one field: prefix (a sign or "0x"), zeros leading zeros, then text
 * (length characters), padded with spaces to width: on the left, or on
 * the right when left_align.
 */
static void put_field(struct output *out, const char *prefix, int zeros,
		      const char *text, int length, int width, bool left_align)
{
	int prefix_length = strlen(prefix);
	int padding = width - (prefix_length + zeros + length);

	if (!left_align)
		put_repeated(out, ' ', padding);
	for (int i = 0; i < prefix_length; i++)
		put(out, prefix[i]);
	put_repeated(out, '0', zeros);
	for (int i = 0; i < length; i++)
		put(out, text[i]);
	if (left_align)
		put_repeated(out, ' ', padding);
}

/* Write value's digits in base (8, 10 or 16) into digits; return how many. */
static int number_text(char *digits, uint32_t value, int base, bool upper_case)
{
	const char *symbols = upper_case ? "0123456789ABCDEF" : "0123456789abcdef";
	char reversed[12];
	int count = 0;

	do {
		reversed[count++] = symbols[value % base];
		value /= base;
	} while (value != 0);
	for (int i = 0; i < count; i++)
		digits[i] = reversed[count - 1 - i];
	return count;
}

/*
 * Add a number: prefix (a sign, "0x" or "") then value's digits in base,
 * with as many leading zeros as the precision, the '#' flag of octal, or
 * the '0' flag and the width ask for.
 */
static void put_number(struct output *out, const struct conversion *conversion,
		       const char *prefix, uint32_t value, int base, bool upper_case)
{
	char digits[12];
	int length = 0;
	int zeros = 0;

	/* A precision of 0 prints the value 0 as no digits at all. */
	if (value != 0 || conversion->precision != 0)
		length = number_text(digits, value, base, upper_case);
	if (conversion->precision > length)
		zeros = conversion->precision - length;
	if (base == 8 && conversion->alternate && zeros == 0 &&
	    (length == 0 || digits[0] != '0'))
		zeros = 1;
	if (conversion->zero_pad && !conversion->left_align && conversion->precision < 0) {
		int room = conversion->width - (int) strlen(prefix) - length;
		if (room > zeros)
			zeros = room;
	}
	put_field(out, prefix, zeros, digits, length, conversion->width,
		  conversion->left_align);
}

/* Read a width or precision at p: digits, or '*' for the next int argument. */
static const char *parse_count(const char *p, int *count, va_list *args)
{
	if (*p == '*') {
		*count = va_arg(*args, int);
		return p + 1;
	}
	*count = 0;
	for (; *p >= '0' && *p <= '9'; p++)
		*count = *count * 10 + (*p - '0');
	return p;
}

/*
 * Read what follows a '%' up to the conversion letter into conversion.
 * Returns where the conversion letter is.
 */
static const char *parse_conversion(const char *p, struct conversion *conversion,
				    va_list *args)
{
	*conversion = (struct conversion) { .precision = -1 };
	for (;; p++) {
		if (*p == '-')
			conversion->left_align = true;
		else if (*p == '0')
			conversion->zero_pad = true;
		else if (*p == '#')
			conversion->alternate = true;
		else if (*p == '+' || (*p == ' ' && conversion->plus_sign == 0))
			conversion->plus_sign = *p;
		else if (*p != ' ')
			break;
	}
	p = parse_count(p, &conversion->width, args);
	if (conversion->width < 0) {	/* a negative '*' width means '-' */
		conversion->left_align = true;
		conversion->width = -conversion->width;
	}
	if (*p == '.') {
		p = parse_count(p + 1, &conversion->precision, args);
		if (conversion->precision < 0)
			conversion->precision = -1;
	}
	for (; *p == 'h' || *p == 'l' || *p == 'z' || *p == 't'; p++) {
		if (*p == 'h')
			conversion->length = conversion->length == 'h' ? 'H' : 'h';
	}
	return p;
}

/* An unsigned argument, narrowed as the length modifier says. */
static uint32_t unsigned_argument(const struct conversion *conversion, va_list *args)
{
	uint32_t value = va_arg(*args, uint32_t);
	if (conversion->length == 'h')
		return (uint16_t) value;
	if (conversion->length == 'H')
		return (uint8_t) value;
	return value;
}

/* A signed argument, narrowed as the length modifier says. */
static int32_t signed_argument(const struct conversion *conversion, va_list *args)
{
	int32_t value = va_arg(*args, int32_t);
	if (conversion->length == 'h')
		return (int16_t) value;
	if (conversion->length == 'H')
		return (int8_t) value;
	return value;
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
		struct conversion conversion;
		p = parse_conversion(p + 1, &conversion, &args);
		char sign[2] = { conversion.plus_sign, '\0' };
		char character;
		switch (*p) {
		case 'd':
		case 'i': {
			int32_t value = signed_argument(&conversion, &args);
			uint32_t magnitude = value < 0 ? -(uint32_t) value : (uint32_t) value;
			put_number(&out, &conversion, value < 0 ? "-" : sign, magnitude, 10, false);
			break;
		}
		case 'u':
			put_number(&out, &conversion, "", unsigned_argument(&conversion, &args),
				   10, false);
			break;
		case 'o':
			put_number(&out, &conversion, "", unsigned_argument(&conversion, &args),
				   8, false);
			break;
		case 'x':
		case 'X': {
			uint32_t value = unsigned_argument(&conversion, &args);
			const char *prefix = "";
			if (conversion.alternate && value != 0)
				prefix = *p == 'x' ? "0x" : "0X";
			put_number(&out, &conversion, prefix, value, 16, *p == 'X');
			break;
		}
		case 'p':
			put_number(&out, &conversion, "0x", (uintptr_t) va_arg(args, void *),
				   16, false);
			break;
		case 'c':
			character = (char) va_arg(args, int);
			put_field(&out, "", 0, &character, 1, conversion.width,
				  conversion.left_align);
			break;
		case 's': {
			const char *text = va_arg(args, const char *);
			if (text == NULL)
				text = "(null)";
			int length = conversion.precision < 0 ? (int) strlen(text)
				: (int) strnlen(text, conversion.precision);
			put_field(&out, "", 0, text, length, conversion.width,
				  conversion.left_align);
			break;
		}
		case '%':
			put(&out, '%');
			break;
		default:		/* unknown conversion: show it as written */
			put(&out, '%');
			if (*p == '\0')
				p--;
			else
				put(&out, *p);
			break;
		}
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
