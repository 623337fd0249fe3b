/*
 * loader.h - what the boot loader's files share.
 *
 * The loader runs in 32-bit protected mode without paging, so every
 * pointer is a physical address; its code, data and stack lie below
 * 64 KiB, the kernel it loads at 1 MiB and up.
 *
 * Defined in: loader_entry.S (what the BIOS told us before protected mode),
 * loader.c (loader_main, loader_error, memory_is_usable), serial.c
 * (serial_*), ata.c (ata_read, boot_file_read), elf.c (load_elf).
 */
#ifndef CAIRN_LOADER_H
#define CAIRN_LOADER_H

#include "types.h"
#include "stdarg.h"
#include "bootimage.h"

/* ---- filled in by loader_entry.S while the BIOS could still be called ---- */
extern uint8_t boot_drive;		/* the BIOS drive number we booted from */
extern uint8_t a20_enabled;		/* 1 when addresses above 1 MiB work */
extern struct boot_memory_region bios_memory_map[BOOT_MAX_MEMORY];
extern uint32_t bios_memory_count;	/* entries of bios_memory_map the BIOS gave */

/* ---- loader.c ---- */
void loader_main(void) __attribute__((noreturn));
/* Print "loader: error: <message>" on COM1 and stop the machine. */
void loader_error(const char *format, ...)
	__attribute__((noreturn, format(printf, 1, 2)));
/* Whether physical [start, end) lies inside one usable memory region. */
bool memory_is_usable(const struct boot_info *info, uint32_t start, uint32_t end);

/* ---- serial.c: output on COM1, polled ---- */
void serial_init(void);
void serial_putc(int c);
/* printf on COM1 (common/lib/format.c's conversions: %d %u %x %c %s, widths). */
void serial_printf(const char *format, ...) __attribute__((format(printf, 1, 2)));
void serial_vprintf(const char *format, va_list args);
/* Wait until the UART has sent every byte (before stopping the machine). */
void serial_flush(void);

/* ---- ata.c: the disk, through the primary IDE controller ---- */
/* Read count sectors starting at lba into buffer. */
void ata_read(uint32_t lba, uint32_t count, void *buffer);
/* Read length bytes at offset of a boot file into destination. */
void boot_file_read(const struct boot_file *file, uint32_t offset,
		    void *destination, uint32_t length);

/* ---- elf.c ---- */
/* Load the kernel's segments at their physical addresses; fill in
 * info->kernel_entry, kernel_start and kernel_end. */
void load_elf(const struct boot_file *file, struct boot_info *info);

#endif /* CAIRN_LOADER_H */
