/*
 * bootsect.S - the boot sector: the disk's first 512 bytes, which the BIOS
 * copies to 0x7c00 and runs in 16-bit real mode.
 *
 * It has room for very little, so it only fetches the loader:
 *   1. read the boot directory (sectors 1..4) to BOOT_DIRECTORY_ADDRESS,
 *   2. check the directory's magic number and the loader's size in it,
 *   3. read the loader to LOADER_ADDRESS and jump there, %dl = boot drive.
 * It reads the disk through the BIOS (INT 13h, extended read), the one way
 * to reach the disk that needs no driver. On a failure it prints a short
 * message on the screen and on COM1 and stops the machine.
 *
 * Entry point: start, at 0x7c00, from the BIOS with the boot drive in %dl.
 * Bytes 446..509 stay zero (an empty partition table); 510..511 hold the
 * signature 0x55 0xAA without which the BIOS will not boot the disk.
 */
#include "bootimage.h"
#include "uart.h"

#define STACK_TOP       BOOT_DIRECTORY_ADDRESS	/* grows down, away from it */
#define DEBUG_EXIT_PORT 0xf4		/* QEMU's isa-debug-exit device */
#define BOCHS_SHUTDOWN_PORT 0x8900	/* Bochs: write "Shutdown" to stop */

	.code16
	.text
	.globl start
start:
	cli
	/* Some BIOSes enter at 0x07c0:0000, others at 0x0000:7c00; a far
	 * jump makes %cs 0 so that our labels are the addresses we use. */
	ljmp	$0, $set_segments
set_segments:
	xorw	%ax, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movw	$STACK_TOP, %sp
	sti
	movb	%dl, boot_drive		/* the BIOS's number for this disk */

	/* 1. The boot directory: disk_address_packet is set up for it. */
	call	read_disk

	/* 2. Is it ours? Then how many sectors is the loader? */
	cmpl	$BOOT_DIRECTORY_MAGIC, BOOT_DIRECTORY_ADDRESS	/* .magic */
	jne	no_directory
	movw	BOOT_DIRECTORY_ADDRESS + 4, %ax		/* .loader_sectors */
	testw	%ax, %ax
	jz	bad_loader
	cmpw	$LOADER_MAX_SECTORS, %ax
	ja	bad_loader

	/* 3. The loader: reuse the packet with its count, address and LBA. */
	movw	%ax, packet_count
	movw	$LOADER_ADDRESS, packet_buffer
	movl	$LOADER_LBA, packet_lba
	call	read_disk
	movb	boot_drive, %dl
	ljmp	$0, $LOADER_ADDRESS

/*
 * Read the sectors disk_address_packet describes from the boot drive.
 * Returns only when the BIOS reports success (carry flag clear).
 */
read_disk:
	movw	$disk_address_packet, %si
	movb	boot_drive, %dl
	movb	$0x42, %ah		/* INT 13h function 42h: extended read */
	int	$0x13
	jc	disk_error
	ret

disk_error:
	movw	$message_disk_error, %si
	jmp	fail
no_directory:
	movw	$message_no_directory, %si
	jmp	fail
bad_loader:
	movw	$message_bad_loader, %si
	/* fall through */

/*
 * Print the NUL-terminated message at %si on the screen (INT 10h, teletype
 * output) and on COM1 (polled: wait until the UART can take a byte), then
 * stop once the UART has sent it all: QEMU and Bochs exit at once, a real
 * machine halts.
 */
fail:
	lodsb
	testb	%al, %al
	jz	stop
	pushw	%ax
	movb	$0x0e, %ah		/* INT 10h function 0Eh: teletype output */
	movw	$0x0007, %bx		/* page 0, light grey */
	int	$0x10
	movw	$(COM1 + UART_LINE_STATUS), %dx
1:	inb	%dx, %al
	testb	$UART_CAN_SEND, %al
	jz	1b
	popw	%ax
	movw	$COM1, %dx
	outb	%al, %dx
	jmp	fail
stop:
	movw	$(COM1 + UART_LINE_STATUS), %dx
1:	inb	%dx, %al
	testb	$UART_ALL_SENT, %al
	jz	1b
	movb	$2, %al
	outb	%al, $DEBUG_EXIT_PORT
	movw	$shutdown, %si
	movw	$BOCHS_SHUTDOWN_PORT, %dx
1:	lodsb
	testb	%al, %al
	jz	2f
	outb	%al, %dx
	jmp	1b
2:	cli
	hlt
	jmp	2b

/*
 * The disk address packet INT 13h function 42h reads: 16 bytes saying how
 * many sectors, to which segment:offset, from which 64-bit LBA. It starts
 * out describing the boot directory.
 */
disk_address_packet:
	.byte	16			/* size of the packet */
	.byte	0
packet_count:
	.word	BOOT_DIRECTORY_SECTORS
packet_buffer:
	.word	BOOT_DIRECTORY_ADDRESS	/* offset */
	.word	0			/* segment */
packet_lba:
	.long	BOOT_DIRECTORY_LBA	/* low 32 bits */
	.long	0			/* high 32 bits */

boot_drive:
	.byte	0

message_disk_error:
	.asciz	"boot: disk read failed\r\n"
message_no_directory:
	.asciz	"boot: no boot directory\r\n"
message_bad_loader:
	.asciz	"boot: bad loader size\r\n"
shutdown:
	.asciz	"Shutdown"

	/* The partition table (zero: none) and the boot signature. The
	 * assembler refuses to move .org backwards, so if the code above
	 * grows past 446 bytes the build fails here. */
	.org	446
	.org	510
	.byte	0x55, 0xaa
