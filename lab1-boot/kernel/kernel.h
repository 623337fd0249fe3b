/*
 * kernel.h - what every kernel file may use: console output, panic,
 * boot parameters, and the init-hook table that later labs extend.
 *
 * Entry points are defined in: console.c (console_*), kprintf.c
 * (kprintf, kvprintf), panic.c (panic, machine_exit), bootparams.c
 * (boot_*), entry.S (boot_stack), main.c (kernel_main).
 */
#ifndef CAIRN_KERNEL_H
#define CAIRN_KERNEL_H

#include "types.h"
#include "stdarg.h"
#include "bootimage.h"
#include "memlayout.h"

/* ---- console: COM1 and VGA text, both at once (console.c) ---- */
void console_init(void);
void console_putc(int c);
/* Wait until all output has left the serial line (before the machine stops). */
void console_flush(void);
/* Wait for and return one character typed on the serial line. */
int console_getc(void);
/* Let a byte arriving on COM1 wake a halted CPU (IRQ 4); after pic_init. */
void console_enable_interrupts(void);

/* ---- formatted output (kprintf.c) ---- */
int kprintf(const char *format, ...) __attribute__((format(printf, 1, 2)));
int kvprintf(const char *format, va_list args);
/*
 * Print a message and the caller's backtrace, then stop the kernel: exit the
 * emulator when booted with panic=exit, otherwise enter the monitor.
 */
#define panic(...) kernel_panic(__FILE__, __LINE__, __VA_ARGS__)
void kernel_panic(const char *file, int line, const char *format, ...)
	__attribute__((noreturn, format(printf, 3, 4)));

/* Leave the emulator with the given status (QEMU isa-debug-exit, Bochs). */
void machine_exit(int code) __attribute__((noreturn));

/* ---- the boot stack (entry.S): kernel_main runs on it ---- */
extern char boot_stack[], boot_stack_top[];

/* ---- boot information (bootparams.c) ---- */
/* The loader's record, copied into kernel memory before anything else. */
extern struct boot_info boot_info;
/* The value of boot parameter key, or NULL; the result is a static copy. */
const char *boot_param(const char *key);
/* The boot module called name, or NULL. */
const struct boot_module *boot_module(const char *name);

/*
 * ---- registration tables: how a later lab adds to an earlier one ----
 * A table is a section named like a C identifier. Any file adds an entry
 * with TABLE_ENTRY(name) on a static const object of the table's type; the
 * linker gathers the entries into one array, and GNU ld names its bounds
 * __start_NAME and __stop_NAME. No linker script lists the tables, so a
 * lab can start a table of its own without editing lab 1's kernel.ld. The
 * bounds are weak: a table nobody has added to yet is empty, not a link
 * error. aligned(4) stops the compiler from padding entries apart.
 */
#define TABLE_ENTRY(name) __attribute__((used, aligned(4), section(#name)))
#define TABLE_DECLARE(type, name) \
	extern const type __start_##name[] __attribute__((weak)), \
		__stop_##name[] __attribute__((weak))
/* for (entry in table name): entry is a const pointer to its entries. */
#define TABLE_FOR_EACH(entry, name) \
	for (entry = __start_##name; entry < __stop_##name; entry++)

/*
 * ---- init hooks: how later labs add to the boot sequence ----
 * KERNEL_INIT(function, stage) puts function into a linker table; main.c
 * calls every hook in stage order once the lab-1 core is up. A hook of the
 * last stage may never return (lab 2 starts the first process that way).
 */
enum init_stage {
	INIT_STAGE_MEMORY = 10,		/* after paging: allocators */
	INIT_STAGE_TRAPS = 20,		/* trap handlers registered */
	INIT_STAGE_DEVICES = 30,	/* interrupt controllers, clock */
	INIT_STAGE_PROCESSES = 40,	/* process table, boot image */
	INIT_STAGE_START = 90,		/* start running processes */
};

struct init_hook {
	int stage;
	void (*function)(void);
	const char *name;
};

#define KERNEL_INIT(fn, stage_number)					\
	static const struct init_hook init_hook_##fn			\
	TABLE_ENTRY(init_hooks) = { (stage_number), fn, #fn }

#endif /* CAIRN_KERNEL_H */
