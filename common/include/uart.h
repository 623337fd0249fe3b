/*
 * uart.h - the PC's first serial port, COM1: a 16550 UART at ports
 * 0x3F8-0x3FF, interrupting on IRQ 4. Its registers and their bits, for
 * everyone who drives it: the boot sector, the loader, the kernel's
 * console and the tty driver. Only #defines, so assembly includes it too.
 */
#ifndef CAIRN_UART_H
#define CAIRN_UART_H

#define COM1     0x3F8
#define COM1_IRQ 4

/* Registers, as offsets from the port base. */
#define UART_DATA             0	/* read: received byte; write: byte to send */
#define UART_INTERRUPT_ENABLE 1
#define UART_DIVISOR_LOW      0	/* while LINE_CONTROL has UART_DIVISOR_ACCESS */
#define UART_DIVISOR_HIGH     1
#define UART_FIFO_CONTROL     2
#define UART_LINE_CONTROL     3
#define UART_MODEM_CONTROL    4
#define UART_LINE_STATUS      5

#define UART_DIVISOR_ACCESS    0x80	/* line control: divisor registers visible */
#define UART_8N1               0x03	/* line control: 8 data bits, no parity, 1 stop */
#define UART_FIFO_ON           0x07	/* FIFOs on and emptied; interrupt at 1 byte */
#define UART_DTR_RTS           0x03	/* modem control: the line is up */
#define UART_READY             0x0B	/* modem control: DTR, RTS, OUT2 (the IRQ line) */
#define UART_RECEIVE_INTERRUPT 0x01	/* interrupt enable: a byte has arrived */
#define UART_BYTE_RECEIVED     0x01	/* line status: a byte waits in DATA */
#define UART_CAN_SEND          0x20	/* line status: room for a byte to send */
#define UART_ALL_SENT          0x40	/* line status: every byte has left the line */
#define UART_MISSING           0xFF	/* what a port with no UART behind it reads */

#define UART_CLOCK 115200	/* the divisor divides this into the baud rate */
#define BAUD_RATE  115200

#endif /* CAIRN_UART_H */
