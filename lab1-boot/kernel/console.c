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
#include "uart.h"
#include "vga.h"
#include "x86.h"

/* ---- the serial port ---- */

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
