/*
 * loader.c - the boot loader's main program: it takes the machine from
 * the BIOS's world to the kernel's.
 *
 * loader_entry.S calls loader_main() in 32-bit protected mode, paging
 * off, interrupts off, the BIOS memory map collected. loader_main()
 *   - checks the boot directory the boot sector left at
 *     BOOT_DIRECTORY_ADDRESS,
 *   - fills in boot_info: the memory map and the boot parameters,
 *   - loads the kernel (files[0], an ELF file) at its physical addresses
 *     (elf.c),
 *   - copies each module whole into memory after the kernel, page aligned,
 *   - jumps to the kernel with %eax = BOOT_INFO_MAGIC, %ebx = &boot_info.
 * Every failure ends in loader_error(), which says what went wrong on COM1
 * and stops the machine, so a test sees it at once.
 *
 * Entry points: loader_main (from loader_entry.S); loader_error and
 * memory_is_usable (for the other loader files).
 */
#include "loader.h"
#include "x86.h"
#include "string.h"
#include "memlayout.h"

#define DEBUG_EXIT_PORT     0xf4	/* QEMU's isa-debug-exit device */
#define DEBUG_EXIT_FAILURE  2		/* QEMU exits with (2 << 1) | 1 = 5 */
#define BOCHS_SHUTDOWN_PORT 0x8900	/* Bochs stops on "Shutdown" here */

_Static_assert(sizeof(struct boot_memory_region) == 24,
	       "loader_entry.S stores E820 entries of 24 bytes");

/* What the kernel is told. It lives in the loader's memory, below 64 KiB,
 * until the kernel copies it. */
static struct boot_info boot_info;

/* Stop the machine: QEMU and Bochs exit, a real machine halts for good. */
static void __attribute__((noreturn)) stop_machine(void)
{
	serial_flush();
	outb(DEBUG_EXIT_PORT, DEBUG_EXIT_FAILURE);
	for (const char *s = "Shutdown"; *s != '\0'; s++)
		outb(BOCHS_SHUTDOWN_PORT, *s);
	for (;;) {
		cli();
		hlt();
	}
}

/*
 * Print "loader: error: " and the message on COM1, then stop the machine.
 * For failures the loader cannot go on from; never returns.
 */
void loader_error(const char *format, ...)
{
	va_list args;

	serial_printf("loader: error: ");
	va_start(args, format);
	serial_vprintf(format, args);
	va_end(args);
	serial_printf("\n");
	stop_machine();
}

/*
 * Whether physical [start, end) lies wholly inside one usable region of
 * info's memory map (so loading there reaches real RAM).
 */
bool memory_is_usable(const struct boot_info *info, uint32_t start, uint32_t end)
{
	if (end < start)
		return false;
	for (uint32_t i = 0; i < info->memory_count; i++) {
		const struct boot_memory_region *region = &info->memory[i];
		if (region->type == MEMORY_USABLE && region->base <= start &&
		    end <= region->base + region->length)
			return true;
	}
	return false;
}

/* Refuse a boot directory that is not ours or has no kernel first. */
static void check_directory(const struct boot_directory *directory)
{
	if (directory->magic != BOOT_DIRECTORY_MAGIC)
		loader_error("no boot directory at 0x%x", BOOT_DIRECTORY_ADDRESS);
	if (directory->file_count == 0 || directory->file_count > BOOT_MAX_FILES)
		loader_error("the boot directory lists %u files", directory->file_count);
	if (directory->files[0].kind != BOOT_FILE_KERNEL)
		loader_error("the first boot file, %s, is not a kernel", directory->files[0].name);
}

/* Copy the BIOS's memory map into info, leaving out empty regions. */
static void collect_memory_map(struct boot_info *info)
{
	info->memory_count = 0;
	for (uint32_t i = 0; i < bios_memory_count; i++) {
		if (bios_memory_map[i].length == 0)
			continue;
		info->memory[info->memory_count] = bios_memory_map[i];
		info->memory[info->memory_count].reserved = 0;
		info->memory_count++;
	}
	if (info->memory_count == 0)
		loader_error("the BIOS gave no memory map (INT 15h, E820)");
}

/*
 * Copy every module (files[1] on) whole into memory: the first at the page
 * boundary after the kernel, each next one at the page boundary after the
 * one before. Needs info->kernel_end.
 */
static void load_modules(const struct boot_directory *directory, struct boot_info *info)
{
	uint32_t next = ROUND_UP(info->kernel_end, PAGE_SIZE);

	info->module_count = 0;
	info->modules_end = info->kernel_end;
	for (uint32_t i = 1; i < directory->file_count; i++) {
		const struct boot_file *file = &directory->files[i];
		struct boot_module *module = &info->modules[info->module_count];

		if (file->kind != BOOT_FILE_MODULE)
			loader_error("boot file %s has unknown kind %u", file->name, file->kind);
		if (!memory_is_usable(info, next, next + file->size))
			loader_error("no usable memory for module %s at 0x%08x (%u bytes)",
				     file->name, next, file->size);
		boot_file_read(file, 0, (void *) next, file->size);
		strlcpy(module->name, file->name, BOOT_NAME_LENGTH);
		module->start = next;
		module->end = next + file->size;
		serial_printf("loader: module %s at 0x%08x-0x%08x\n",
			      module->name, module->start, module->end);
		info->modules_end = module->end;
		info->module_count++;
		next = ROUND_UP(module->end, PAGE_SIZE);
	}
}

/* Jump to the kernel the way its entry.S expects: %eax = BOOT_INFO_MAGIC,
 * %ebx = the boot_info's physical address, paging and interrupts off. */
static void __attribute__((noreturn)) start_kernel(const struct boot_info *info)
{
	__asm__ volatile("jmp *%%ecx"
			 : : "a"(BOOT_INFO_MAGIC), "b"(info), "c"(info->kernel_entry));
	__builtin_unreachable();
}

/*
 * The loader's C entry, called once by loader_entry.S; never returns.
 * The boot directory must be at BOOT_DIRECTORY_ADDRESS.
 */
void loader_main(void)
{
	const struct boot_directory *directory = (const void *) BOOT_DIRECTORY_ADDRESS;

	serial_init();
	check_directory(directory);
	if (!a20_enabled)
		loader_error("cannot turn on the A20 line; memory above 1 MiB is out of reach");
	collect_memory_map(&boot_info);
	serial_printf("loader: cairn boot loader, %u files, %u memory regions, drive 0x%x\n",
		      directory->file_count, boot_info.memory_count, boot_drive);

	boot_info.magic = BOOT_INFO_MAGIC;
	memcpy(boot_info.params, directory->params, BOOT_PARAMS_LENGTH);
	boot_info.params[BOOT_PARAMS_LENGTH - 1] = '\0';

	load_elf(&directory->files[0], &boot_info);
	serial_printf("loader: kernel at 0x%08x-0x%08x, entry 0x%08x\n",
		      boot_info.kernel_start, boot_info.kernel_end, boot_info.kernel_entry);
	load_modules(directory, &boot_info);

	serial_printf("loader: starting the kernel\n");
	start_kernel(&boot_info);
}
