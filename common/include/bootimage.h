/*
 * bootimage.h - the boot disk's layout and the boot-info record.
 *
 * Two contracts live here, because both sides of each are written in
 * different places:
 *   - the disk layout, written by common/tools/mkimage.py on the host and
 *     read by the boot sector and the loader (lab1-boot/boot/);
 *   - the boot-info record, filled in by the loader and handed to the
 *     kernel (lab1-boot/kernel/entry.S) in %ebx, with BOOT_INFO_MAGIC in %eax.
 *
 * Disk layout, in 512-byte sectors (LBA):
 *   0                      boot sector (MBR signature 0x55 0xAA at 510)
 *   1 .. 4                 the boot directory (struct boot_directory)
 *   5 .. 5+loader_sectors  the loader, a flat binary linked at LOADER_ADDRESS
 *   then                   each file of the directory, sector aligned
 * mkimage.py pads the image to whole cylinders of 16 heads x 63 sectors so
 * that Bochs sees a plain CHS geometry.
 */
#ifndef CAIRN_BOOTIMAGE_H
#define CAIRN_BOOTIMAGE_H

#ifndef __ASSEMBLER__
#include "types.h"
#endif

#define SECTOR_SIZE            512
#define BOOT_DIRECTORY_LBA     1
#define BOOT_DIRECTORY_SECTORS 4
#define LOADER_LBA             (BOOT_DIRECTORY_LBA + BOOT_DIRECTORY_SECTORS)
#define LOADER_MAX_SECTORS     64	/* 32 KiB: 0x8000 up to 0x10000 */

/* Where the boot sector puts what it reads (physical, below 64 KiB). */
#define BOOT_DIRECTORY_ADDRESS 0x7000
#define LOADER_ADDRESS         0x8000

#define BOOT_DIRECTORY_MAGIC 0x44425243U	/* "CRBD" */
#define BOOT_NAME_LENGTH     24
#define BOOT_PARAMS_LENGTH   232
#define BOOT_MAX_FILES       49

/* File kinds in the boot directory. */
#define BOOT_FILE_KERNEL 1	/* an ELF file the loader loads at its paddrs */
#define BOOT_FILE_MODULE 2	/* any file, copied whole into memory */

#ifndef __ASSEMBLER__	/* C only; the numbers above serve assembly too */

struct boot_file {
	char     name[BOOT_NAME_LENGTH];	/* NUL-terminated */
	uint32_t lba;				/* first sector on the disk */
	uint32_t size;				/* length in bytes */
	uint32_t kind;				/* BOOT_FILE_KERNEL or _MODULE */
};

/*
 * Boot parameters are lines of "key=value" separated by '\n', the whole
 * NUL-terminated. The grader rewrites them in its copy of the disk.
 */
struct boot_directory {
	uint32_t magic;			/* BOOT_DIRECTORY_MAGIC */
	uint16_t loader_sectors;	/* sectors of loader from LOADER_LBA */
	uint16_t file_count;		/* entries used in files[] */
	char     params[BOOT_PARAMS_LENGTH];
	struct boot_file files[BOOT_MAX_FILES];	/* files[0] is the kernel */
};

_Static_assert(sizeof(struct boot_file) == 36, "boot_file is 36 bytes");
_Static_assert(sizeof(struct boot_directory) <= BOOT_DIRECTORY_SECTORS * SECTOR_SIZE,
	       "boot directory fits its sectors");
#endif /* !__ASSEMBLER__ */

/* ---- boot-info record: what the loader tells the kernel ---- */

#define BOOT_INFO_MAGIC   0x4F464E49U	/* "INFO" */
#define BOOT_MAX_MEMORY   32
#define BOOT_MAX_MODULES  BOOT_MAX_FILES

/* E820 region types, as the BIOS reports them. */
#define MEMORY_USABLE   1
#define MEMORY_RESERVED 2
#define MEMORY_ACPI     3
#define MEMORY_NVS      4
#define MEMORY_BAD      5

#ifndef __ASSEMBLER__

struct boot_memory_region {
	uint64_t base;
	uint64_t length;
	uint32_t type;		/* MEMORY_USABLE ... */
	uint32_t reserved;
};

/* A file the loader copied into memory whole: [start, end) physical. */
struct boot_module {
	char     name[BOOT_NAME_LENGTH];
	uint32_t start;		/* page aligned */
	uint32_t end;
};

struct boot_info {
	uint32_t magic;			/* BOOT_INFO_MAGIC */
	uint32_t kernel_entry;		/* e_entry of the kernel (physical) */
	uint32_t kernel_start;		/* lowest paddr of a kernel segment */
	uint32_t kernel_end;		/* end of the highest kernel segment */
	uint32_t modules_end;		/* first byte after the last module */
	uint32_t memory_count;
	struct boot_memory_region memory[BOOT_MAX_MEMORY];
	uint32_t module_count;
	struct boot_module modules[BOOT_MAX_MODULES];
	char     params[BOOT_PARAMS_LENGTH];
};
#endif /* !__ASSEMBLER__ */

#endif /* CAIRN_BOOTIMAGE_H */
