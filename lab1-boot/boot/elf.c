/*
 * elf.c - loading the kernel, an ELF executable, into physical memory.
 *
 * An ELF file begins with a header (struct elf_header) that says where
 * its table of program headers is. Each program header of type PT_LOAD
 * describes a segment to load: filesz bytes at the file's offset go to
 * physical address paddr, and the memory after them up to memsz is zeroed
 * (that part is the .bss, which takes no room in the file).
 *
 * The kernel is linked to run at virtual 0xC0100000, but its segments
 * carry physical addresses from KERNEL_LOAD_PHYS (1 MiB) and its entry
 * address is physical too: paging is still off when the kernel starts,
 * and the kernel turns it on itself.
 *
 * Entry point: load_elf (from loader.c).
 */
#include "loader.h"
#include "elf.h"
#include "string.h"
#include "memlayout.h"

/* Read file's ELF header into header and check that it is a kernel we
 * can run; each mismatch stops the loader with its own message. */
static void read_elf_header(const struct boot_file *file, struct elf_header *header)
{
	if (file->size < sizeof(*header))
		loader_error("%s is too small to be an ELF file (%u bytes)", file->name, file->size);
	boot_file_read(file, 0, header, sizeof(*header));

	const struct {
		uint32_t found;
		uint32_t expected;
		const char *problem;
	} checks[] = {
		{ header->magic, ELF_MAGIC, "is not an ELF file (magic number)" },
		{ header->ident[0], ELF_CLASS_32, "is not a 32-bit ELF file" },
		{ header->ident[1], ELF_DATA_LSB, "is not little-endian" },
		{ header->type, ELF_TYPE_EXEC, "is not an executable" },
		{ header->machine, ELF_MACHINE_386, "is not for the i386" },
		{ header->phentsize, sizeof(struct elf_program_header),
		  "has program headers of the wrong size" },
	};
	for (uint32_t i = 0; i < ARRAY_SIZE(checks); i++) {
		if (checks[i].found != checks[i].expected)
			loader_error("%s %s (found 0x%x, expected 0x%x)", file->name,
				     checks[i].problem, checks[i].found, checks[i].expected);
	}
}

/*
 * Read program header number index (0 .. header->phnum - 1) into segment.
 * (Marked unused so the compiler stays quiet until load_elf() calls it.)
 */
static void __attribute__((unused))
read_program_header(const struct boot_file *file, const struct elf_header *header,
		    uint32_t index, struct elf_program_header *segment)
{
	boot_file_read(file, header->phoff + index * sizeof(*segment), segment, sizeof(*segment));
}

/*
 * Stop the loader unless a PT_LOAD segment can be loaded where it asks to
 * be: above 1 MiB (below are the BIOS, this loader and the boot record),
 * inside usable RAM, with no more bytes in the file than in memory.
 * (Marked unused for the same reason as read_program_header.)
 */
static void __attribute__((unused))
check_segment(const struct boot_file *file, const struct elf_program_header *segment,
	      const struct boot_info *info)
{
	uint32_t end = segment->paddr + segment->memsz;

	if (segment->filesz > segment->memsz)
		loader_error("%s: a segment has filesz %u larger than memsz %u",
			     file->name, segment->filesz, segment->memsz);
	if (segment->paddr < KERNEL_LOAD_PHYS)
		loader_error("%s: a segment has physical address 0x%08x, below 0x%08x",
			     file->name, segment->paddr, KERNEL_LOAD_PHYS);
	if (!memory_is_usable(info, segment->paddr, end))
		loader_error("%s: segment 0x%08x-0x%08x is not in usable memory",
			     file->name, segment->paddr, end);
}

/*
 * Load the kernel ELF file at its physical addresses and record in info
 * its entry point and the range [kernel_start, kernel_end) it occupies.
 * info's memory map must be filled in. Stops the loader on any problem.
 */
void load_elf(const struct boot_file *file, struct boot_info *info)
{
	struct elf_header header;

	read_elf_header(file, &header);
	info->kernel_start = 0xffffffff;	/* each segment lowers it */
	info->kernel_end = 0;			/* each segment raises it */

	/* LAB 1: your code here.
	 * Hint: for each of the header.phnum program headers (read_program_header),
	 * skip all but PT_LOAD ones; check_segment(), then boot_file_read() filesz
	 * bytes from offset to (void *) paddr and memset() the rest up to memsz.
	 * Widen info->kernel_start/kernel_end to cover it; set info->kernel_entry. */
	loader_error("LAB 1: load_elf() is not written yet");

	if (info->kernel_end == 0)
		loader_error("%s has no loadable segment", file->name);
	if (info->kernel_entry < info->kernel_start || info->kernel_entry >= info->kernel_end)
		loader_error("%s: entry 0x%08x is outside its segments (it must be physical)",
			     file->name, info->kernel_entry);
}
