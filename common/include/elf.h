/*
 * elf.h - the parts of the 32-bit ELF format the kit reads: the file
 * header and program headers. The loader uses them for the kernel, the
 * kernel (from lab 2) for boot-image programs, PM (lab 3) for exec.
 */
#ifndef CAIRN_ELF_H
#define CAIRN_ELF_H

#include "types.h"

#define ELF_MAGIC 0x464C457FU	/* "\x7FELF" read as a little-endian word */

#define ELF_CLASS_32   1	/* e_ident[4] */
#define ELF_DATA_LSB   1	/* e_ident[5]: little endian */
#define ELF_TYPE_EXEC  2	/* e_type */
#define ELF_MACHINE_386 3	/* e_machine */

struct elf_header {
	uint32_t magic;
	uint8_t  ident[12];	/* class, data, version, OS ABI, padding */
	uint16_t type;
	uint16_t machine;
	uint32_t version;
	uint32_t entry;
	uint32_t phoff;		/* offset of the program header table */
	uint32_t shoff;
	uint32_t flags;
	uint16_t ehsize;
	uint16_t phentsize;
	uint16_t phnum;
	uint16_t shentsize;
	uint16_t shnum;
	uint16_t shstrndx;
};

#define PT_LOAD 1		/* program header type: a segment to load */

#define PF_X 1			/* segment flags */
#define PF_W 2
#define PF_R 4

struct elf_program_header {
	uint32_t type;
	uint32_t offset;	/* where the segment's bytes start in the file */
	uint32_t vaddr;
	uint32_t paddr;
	uint32_t filesz;	/* bytes present in the file */
	uint32_t memsz;		/* bytes in memory; the rest is zero (bss) */
	uint32_t flags;
	uint32_t align;
};

_Static_assert(sizeof(struct elf_header) == 52, "ELF header is 52 bytes");
_Static_assert(sizeof(struct elf_program_header) == 32, "program header is 32 bytes");

#endif /* CAIRN_ELF_H */
