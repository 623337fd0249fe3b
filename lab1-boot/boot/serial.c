/*
 * serial.c - the loader's output: COM1, a 16550 UART, polled.
 *
 * The loader has no screen driver and no interrupts, so it talks through
 * the first serial port, waiting for the UART before each byte. QEMU
 * (-nographic or -serial) and Bochs (com1: ...) show it on the host.
 *
 * Entry points: serial_init, serial_putc, serial_printf, serial_vprintf,
 * serial_flush.
 */
#include "loader.h"
#include "x86.h"

#define COM1 0x3f8

/* UART registers, as offsets from the port base. */
#define UART_DATA             0	/* send / receive; divisor low byte while DLAB */
#define UART_INTERRUPT_ENABLE 1	/* divisor high byte while DLAB */
#define UART_FIFO_CONTROL     2
#define UART_LINE_CONTROL     3
#define UART_MODEM_CONTROL    4
#define UART_LINE_STATUS      5

#define LINE_CONTROL_DIVISOR_LATCH 0x80	/* DLAB: data/IER hold the divisor */
#define LINE_CONTROL_8N1           0x03	/* 8 data bits, no parity, 1 stop bit */
#define FIFO_ENABLE_AND_CLEAR      0x07
#define MODEM_CONTROL_DTR_RTS      0x03
#define LINE_STATUS_TRANSMIT_EMPTY 0x20	/* may take the next byte */
#define LINE_STATUS_TRANSMITTER_IDLE 0x40	/* every byte has been sent */
#define BAUD_DIVISOR               1	/* 115200 baud = 115200 / 1 */

#define TRANSMIT_WAIT_LIMIT 100000	/* give up on a UART that never gets ready */

/* Wait until the line status register shows bit, or give up. */
static void wait_for_line_status(uint8_t bit)
{
	for (int tries = 0; tries < TRANSMIT_WAIT_LIMIT; tries++) {
		if (inb(COM1 + UART_LINE_STATUS) & bit)
			return;
	}
}

/* Set COM1 to 115200 baud, 8N1, FIFOs on, interrupts off. */
void serial_init(void)
{
	outb(COM1 + UART_INTERRUPT_ENABLE, 0);
	outb(COM1 + UART_LINE_CONTROL, LINE_CONTROL_DIVISOR_LATCH);
	outb(COM1 + UART_DATA, BAUD_DIVISOR & 0xff);
	outb(COM1 + UART_INTERRUPT_ENABLE, BAUD_DIVISOR >> 8);
	outb(COM1 + UART_LINE_CONTROL, LINE_CONTROL_8N1);
	outb(COM1 + UART_FIFO_CONTROL, FIFO_ENABLE_AND_CLEAR);
	outb(COM1 + UART_MODEM_CONTROL, MODEM_CONTROL_DTR_RTS);
}

/* Send one byte; a '\n' goes out as "\r\n" so terminals start a new line. */
void serial_putc(int c)
{
	if (c == '\n')
		serial_putc('\r');
	wait_for_line_status(LINE_STATUS_TRANSMIT_EMPTY);
	outb(COM1 + UART_DATA, (uint8_t) c);
}

/*
 * Wait until every byte written has left the UART. Call it before stopping
 * the machine, or the emulator may quit with the last bytes unsent.
 */
void serial_flush(void)
{
	wait_for_line_status(LINE_STATUS_TRANSMITTER_IDLE);
}

static void print_string(const char *s)
{
	if (s == NULL)
		s = "(null)";
	while (*s != '\0')
		serial_putc(*s++);
}

/* Print value in base (10 or 16), left-padded with zeros to width digits. */
static void print_number(uint32_t value, uint32_t base, int width)
{
	char digits[12];
	int count = 0;

	do {
		digits[count++] = "0123456789abcdef"[value % base];
		value /= base;
	} while (value != 0);
	while (count < width && count < (int) sizeof(digits))
		digits[count++] = '0';
	while (count > 0)
		serial_putc(digits[--count]);
}

void serial_vprintf(const char *format, va_list args)
{
	for (; *format != '\0'; format++) {
		if (*format != '%') {
			serial_putc(*format);
			continue;
		}
		format++;
		int width = 0;
		while (*format >= '0' && *format <= '9')
			width = width * 10 + (*format++ - '0');
		switch (*format) {
		case 's':
			print_string(va_arg(args, const char *));
			break;
		case 'c':
			serial_putc(va_arg(args, int));
			break;
		case 'u':
			print_number(va_arg(args, uint32_t), 10, width);
			break;
		case 'x':
			print_number(va_arg(args, uint32_t), 16, width);
			break;
		case '%':
			serial_putc('%');
			break;
		case '\0':
			return;
		default:	/* not ours: show it as written */
			serial_putc('%');
			serial_putc(*format);
			break;
		}
	}
}

void serial_printf(const char *format, ...)
{
	va_list args;

	va_start(args, format);
	serial_vprintf(format, args);
	va_end(args);
}
