/*
 * console.c - the kernel's console: the first serial port (COM1, a 16550
 * UART) for input and output, and the VGA text screen as a copy of the
 * output.
 *
 * The serial line is the real console: the grader and "make qemu-nox" talk
 * to it. The screen shows the same text for "make qemu" and Bochs.
 *
 * Input waits for a byte on COM1. Once interrupts are on, the CPU halts
 * while it waits; the UART raises IRQ 4 when a byte arrives, and that wakes
 * it (console_enable_interrupts sets this up). Before that, it polls.
 *
 * Entry points: console_init, console_enable_interrupts, console_putc,
 * console_getc.
 */

#include "kernel.h"
#include "trap.h"
#include "devices.h"
#include "string.h"
#include "x86.h"

/* ---- the serial port ---- */

#define COM1 0x3F8
#define COM1_IRQ 4

/* UART registers, as offsets from COM1. */
#define UART_DATA            0	/* read: received byte; write: byte to send */
#define UART_INTERRUPT_ENABLE 1
#define UART_DIVISOR_LOW     0	/* while LINE_CONTROL has UART_DIVISOR_ACCESS */
#define UART_DIVISOR_HIGH    1
#define UART_FIFO_CONTROL    2
#define UART_LINE_CONTROL    3
#define UART_MODEM_CONTROL   4
#define UART_LINE_STATUS     5

#define UART_DIVISOR_ACCESS  0x80	/* line control: divisor registers visible */
#define UART_8N1             0x03	/* line control: 8 data bits, no parity, 1 stop */
#define UART_FIFO_ON         0x07	/* FIFOs on and emptied; interrupt at 1 byte */
#define UART_READY           0x0B	/* modem control: DTR, RTS, OUT2 (IRQ line) */
#define UART_RECEIVE_INTERRUPT 0x01	/* interrupt enable: a byte has arrived */
#define UART_BYTE_RECEIVED   0x01	/* line status: a byte waits in DATA */
#define UART_CAN_SEND        0x20	/* line status: room for a byte to send */
#define UART_ALL_SENT        0x40	/* line status: every byte has left the line */

#define UART_CLOCK 115200	/* the divisor divides this into the baud rate */
#define BAUD_RATE  115200

static void serial_init(void)
{
	uint16_t divisor = UART_CLOCK / BAUD_RATE;

	outb(COM1 + UART_INTERRUPT_ENABLE, 0);
	outb(COM1 + UART_LINE_CONTROL, UART_DIVISOR_ACCESS);
	outb(COM1 + UART_DIVISOR_LOW, divisor & 0xFF);
	outb(COM1 + UART_DIVISOR_HIGH, divisor >> 8);
	outb(COM1 + UART_LINE_CONTROL, UART_8N1);
	outb(COM1 + UART_FIFO_CONTROL, UART_FIFO_ON);
	outb(COM1 + UART_MODEM_CONTROL, UART_READY);
}

/* Wait for room, then send one byte. (With no UART the status reads 0xFF.) */
static void serial_putc(int c)
{
	while (!(inb(COM1 + UART_LINE_STATUS) & UART_CAN_SEND))
		;
	outb(COM1 + UART_DATA, c);
}

/* Wait until every byte written so far has left COM1. */
void console_flush(void)
{
	while (!(inb(COM1 + UART_LINE_STATUS) & UART_ALL_SENT))
		;
}

static bool serial_has_byte(void)
{
	return inb(COM1 + UART_LINE_STATUS) & UART_BYTE_RECEIVED;
}

/*
 * IRQ 4: a byte has arrived. Its only job is to wake the hlt in
 * console_getc, which reads the byte; trap_dispatch has already sent the
 * PIC its end of interrupt.
 */
static void serial_interrupt(struct trap_frame *frame)
{
}

/* ---- the VGA text screen ---- */

#define VGA_TEXT_PHYSICAL 0xB8000
#define VGA_COLUMNS 80
#define VGA_ROWS    25
#define VGA_GREY_ON_BLACK 0x0700	/* attribute byte, above the character */
#define VGA_CRTC_INDEX 0x3D4		/* CRT controller: register number */
#define VGA_CRTC_DATA  0x3D5		/* CRT controller: register value */
#define VGA_CURSOR_HIGH 14		/* CRT registers: cursor cell number */
#define VGA_CURSOR_LOW  15

/* One 16-bit cell per character: the character, then its colours. */
static uint16_t *const screen = PHYS_TO_VIRT(VGA_TEXT_PHYSICAL);
static int screen_position;	/* the cursor's cell: row * VGA_COLUMNS + column */

static void screen_move_cursor(void)
{
	outb(VGA_CRTC_INDEX, VGA_CURSOR_HIGH);
	outb(VGA_CRTC_DATA, screen_position >> 8);
	outb(VGA_CRTC_INDEX, VGA_CURSOR_LOW);
	outb(VGA_CRTC_DATA, screen_position & 0xFF);
}

/* Fill count cells from cell first with blanks. */
static void screen_clear(int first, int count)
{
	for (int i = first; i < first + count; i++)
		screen[i] = VGA_GREY_ON_BLACK | ' ';
}

/* Show c at the cursor; \n, \r, \b and \t move the cursor instead. */
static void screen_putc(int c)
{
	switch (c) {
	case '\n':
		screen_position += VGA_COLUMNS - screen_position % VGA_COLUMNS;
		break;
	case '\r':
		screen_position -= screen_position % VGA_COLUMNS;
		break;
	case '\b':
		if (screen_position > 0)
			screen_position--;
		break;
	case '\t':
		screen_position = ROUND_UP(screen_position + 1, 8);
		break;
	default:
		screen[screen_position++] = VGA_GREY_ON_BLACK | (c & 0xFF);
		break;
	}

	/* Past the last row: move every row up one and blank the last. */
	if (screen_position >= VGA_ROWS * VGA_COLUMNS) {
		memmove(screen, screen + VGA_COLUMNS,
			(VGA_ROWS - 1) * VGA_COLUMNS * sizeof(screen[0]));
		screen_clear((VGA_ROWS - 1) * VGA_COLUMNS, VGA_COLUMNS);
		screen_position -= VGA_COLUMNS;
	}
	screen_move_cursor();
}

/* ---- the console: both at once ---- */

/* Set up the serial port and blank the screen. Interrupts must be off. */
void console_init(void)
{
	serial_init();
	screen_position = 0;
	screen_clear(0, VGA_ROWS * VGA_COLUMNS);
	screen_move_cursor();
}

/*
 * Have the UART interrupt when a byte arrives, so that console_getc can
 * halt instead of spinning. pic_init() must have run.
 */
void console_enable_interrupts(void)
{
	trap_set_handler(IRQ_BASE + COM1_IRQ, serial_interrupt);
	pic_enable(COM1_IRQ);
	outb(COM1 + UART_INTERRUPT_ENABLE, UART_RECEIVE_INTERRUPT);
}

/* Write c to the serial line and the screen; '\n' goes out as "\r\n". */
void console_putc(int c)
{
	if (c == '\n')
		serial_putc('\r');
	serial_putc(c);
	screen_putc(c);
}

/*
 * Wait for a byte on COM1 and return it, '\r' (the Enter key) turned into
 * '\n'. Any other byte, backspace and DEL included, is returned as it is.
 *
 * With interrupts off, poll. With interrupts on, halt until an interrupt
 * (the serial one, or the clock) and look again. The look happens with
 * interrupts off: sti takes effect only after the hlt that follows it, so
 * a byte that arrives just after the look still wakes the hlt.
 */
int console_getc(void)
{
	int c;

	if (read_eflags() & EFLAGS_IF) {
		for (;;) {
			cli();
			if (serial_has_byte())
				break;
			sti_hlt();
		}
		sti();
	} else {
		while (!serial_has_byte())
			;
	}

	c = inb(COM1 + UART_DATA);
	return c == '\r' ? '\n' : c;
}
