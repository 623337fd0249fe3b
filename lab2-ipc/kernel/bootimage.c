/*
 * bootimage.c - the processes that exist from the start: one for each
 * entry of the boot-program table.
 *
 * Each file that adds boot programs (lab 2: bootprograms.c) puts entries
 * in the linker table boot_programs with BOOT_PROGRAM (proc.h). At boot,
 * for each entry whose program is in the image (a lab-3 image leaves out
 * lab 2's test programs, so their entries start nothing), this file
 * finds the program's ELF file among the boot modules the loader copied
 * into memory, gives it a fixed process slot, an address space with its
 * segments and a stack, and a privilege record built from the entry;
 * then makes it ready. The first process runs when sched.c's
 * INIT_STAGE_START hook calls schedule().
 *
 * Entry points: the KERNEL_INIT hook boot_processes_start.
 */

#include "kernel.h"
#include "memory.h"
#include "elf.h"
#include "errors.h"
#include "string.h"
#include "gdt.h"
#include "proc.h"

TABLE_DECLARE(struct boot_program, boot_programs);

/* The slot of the boot program called name, or -1. */
static int boot_program_slot(const char *name)
{
	const struct boot_program *program;

	TABLE_FOR_EACH(program, boot_programs) {
		if (strcmp(program->name, name) == 0)
			return program->slot;
	}
	return -1;
}

/* The privilege record that program's table entry describes. */
static void build_privilege(struct privilege *privilege, const struct boot_program *program)
{
	memset(privilege, 0, sizeof(*privilege));
	privilege->system = program->system;
	privilege->allowed_traps = program->traps;

	for (int slot = 0; slot < PROCESS_SLOTS && program->send_to_all; slot++)
		privilege_allow_send(privilege, slot);
	for (int i = 0; program->send_to != NULL && program->send_to[i] != NULL; i++) {
		int slot = boot_program_slot(program->send_to[i]);

		if (slot < 0)
			kprintf("proc: %s may send to %s, which is not a boot program\n",
				program->name, program->send_to[i]);
		privilege_allow_send(privilege, slot);
	}

	for (int call = KERNEL_CALL_BASE; call < KERNEL_CALL_BASE + KERNEL_CALL_COUNT && program->call_all; call++)
		privilege_allow_call(privilege, call);
	for (int i = 0; program->calls != NULL && program->calls[i] != 0; i++)
		privilege_allow_call(privilege, program->calls[i]);

	privilege->io_count = MIN(program->io_count, MAX_IO_RANGES);
	memcpy(privilege->io, program->io, sizeof(privilege->io));
	privilege->irqs = program->irqs;
	privilege->signal_manager = program->signal_manager;

	if (program->memory_module != NULL) {
		const struct boot_module *module = boot_module(program->memory_module);

		if (module == NULL) {
			kprintf("proc: %s may map boot module %s, which is not in the image\n",
				program->name, program->memory_module);
		} else {
			privilege->memory[0].first = module->start;
			privilege->memory[0].last = ROUND_UP(module->end, PAGE_SIZE) - 1;
			privilege->memory_count = 1;
		}
	}
}

/*
 * Load the ELF executable in [image, image + size) into process's address
 * space: each PT_LOAD segment at its vaddr, bytes beyond filesz zeroed.
 * Returns the entry point, or 0 when the file is not a program we can run.
 */
static uint32_t load_elf(struct proc *process, const uint8_t *image, uint32_t size)
{
	const struct elf_header *header = (const struct elf_header *) image;
	uint32_t headers_end;

	if (size < sizeof(*header) || header->magic != ELF_MAGIC ||
	    header->type != ELF_TYPE_EXEC || header->machine != ELF_MACHINE_386)
		return 0;
	headers_end = header->phoff + header->phnum * sizeof(struct elf_program_header);
	if (header->phoff > size || headers_end > size || headers_end < header->phoff)
		return 0;

	for (int i = 0; i < header->phnum; i++) {
		const struct elf_program_header *segment =
			(const struct elf_program_header *) (image + header->phoff) + i;

		if (segment->type != PT_LOAD)
			continue;
		if (segment->filesz > segment->memsz || segment->offset > size ||
		    segment->filesz > size - segment->offset)
			return 0;
		/* address_space_map refuses anything reaching past USER_TOP. */
		if (address_space_map(process->page_directory, segment->vaddr, segment->memsz) != OK)
			return 0;
		if (copy_to_user(process, segment->vaddr, image + segment->offset, segment->filesz) != OK)
			return 0;
	}
	return header->entry;
}

/*
 * Fill in process's first user context (its frame, at the top of its
 * kernel stack): user segments, interrupts on, at entry, with an empty
 * stack ending at USER_TOP.
 */
static void build_first_frame(struct proc *process, uint32_t entry)
{
	struct trap_frame *frame = process->frame;

	memset(frame, 0, sizeof(*frame));
	frame->ds = frame->es = frame->fs = frame->gs = USER_DS;
	frame->cs = USER_CS;
	frame->user_ss = USER_DS;
	frame->eip = entry;
	frame->user_esp = USER_TOP;
	frame->eflags = EFLAGS_IF | 0x2;	/* bit 1 of eflags is always set */
}

/*
 * Create the process of one boot program, ready to run. Returns OK, or
 * an error after printing why (the process, if made, is killed again).
 */
static int start_boot_program(const struct boot_program *program)
{
	const struct boot_module *module = boot_module(program->name);
	struct proc *process;
	uint32_t entry;

	if (module == NULL)
		return -ENOENT;		/* not in this image (a later lab's, or an earlier's) */
	process = proc_allocate_slot(program->slot, program->name);
	if (process == NULL) {
		kprintf("proc: slot %d for %s is taken or no memory is left: not started\n",
			program->slot, program->name);
		return -EBUSY;
	}
	process->priority = MIN(program->priority, PRIORITY_LEVELS - 1);
	process->quantum = program->quantum;
	process->ticks_left = program->quantum;
	build_privilege(&process->privilege, program);

	process->page_directory = address_space_create();
	entry = process->page_directory == 0 ? 0 :
		load_elf(process, PHYS_TO_VIRT(module->start), module->end - module->start);
	if (entry == 0 || address_space_map(process->page_directory, USER_TOP - USER_STACK_SIZE,
					    USER_STACK_SIZE) != OK) {
		kprintf("proc: cannot load %s: not an executable for user memory, or no memory\n",
			program->name);
		proc_kill(process);
		return -ENOEXEC;
	}
	build_first_frame(process, entry);
	proc_unblock(process, BLOCKED_NOT_STARTED);
	return OK;
}

/*
 * INIT_STAGE_PROCESSES: the process table, then every boot program, in
 * slot order whatever order the linker put the table in (so processes of
 * one priority first run in slot order).
 */
static void boot_processes_start(void)
{
	const struct boot_program *program;
	int started = 0;

	proc_table_init();
	for (int slot = FIRST_USER_SLOT; slot < PROCESS_SLOTS; slot++) {
		TABLE_FOR_EACH(program, boot_programs) {
			if (program->slot == slot && start_boot_program(program) == OK)
				started++;
		}
	}
	kprintf("proc: %d boot processes\n", started);
}
KERNEL_INIT(boot_processes_start, INIT_STAGE_PROCESSES);
