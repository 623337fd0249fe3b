/*
 * main.c - the kernel's boot sequence; read this file first.
 *
 * entry.S turned paging on and called kernel_main on the boot stack.
 * kernel_main brings the machine under the kernel's control one piece at a
 * time, each piece relying on the ones before it:
 *
 *   bootparams.c   keep the loader's record of memory, modules, parameters
 *   console.c      the serial line and the screen: from now on, kprintf
 *   page.c         the memory map the BIOS reported
 *   gdt.c          the kernel's own segments and task-state segment
 *   idt.c          trapentry.S + trap.c: every trap reaches trap_dispatch
 *   page.c         the free physical pages
 *   vm.c           the kernel's page tables: all RAM mapped at KERNBASE
 *   pic.c          hardware interrupts arrive at vectors 32-47
 *   clock.c        IRQ 0 ticks HZ times a second
 *   console.c      a key on the serial line wakes the CPU (IRQ 4)
 *   init hooks     what later labs add (processes, messages, ...)
 *   monitor.c      read commands from the serial line
 *
 * Entry point: kernel_main (from entry.S).
 */

#include "kernel.h"
#include "memory.h"
#include "trap.h"
#include "devices.h"
#include "monitor.h"
#include "string.h"
#include "x86.h"

/* The KERNEL_INIT table, gathered by the linker from every lab's files. */
TABLE_DECLARE(struct init_hook, init_hooks);

/*
 * Call every KERNEL_INIT hook, lowest stage first; hooks of the same stage
 * run in no promised order. A hook of the last stage may never return.
 */
static void run_init_hooks(void)
{
	const struct init_hook *hook;
	int done_stage = -1;	/* every hook of a stage up to this one has run */

	for (;;) {
		int next_stage = -1;

		/* The lowest stage above done_stage, if any hook has one. */
		TABLE_FOR_EACH(hook, init_hooks) {
			if (hook->stage > done_stage && (next_stage == -1 || hook->stage < next_stage))
				next_stage = hook->stage;
		}
		if (next_stage == -1)
			return;

		TABLE_FOR_EACH(hook, init_hooks) {
			if (hook->stage == next_stage)
				hook->function();
		}
		done_stage = next_stage;
	}
}

/*
 * Called by entry.S with the loader's magic number and the physical address
 * of its struct boot_info. Runs with interrupts off until the monitor (or a
 * later lab's first process) starts. Never returns.
 */
void kernel_main(uint32_t magic, physaddr_t boot_info_physical)
{
	/* Keep the loader's record before anything can overwrite it. */
	if (magic == BOOT_INFO_MAGIC)
		memcpy(&boot_info, PHYS_TO_VIRT(boot_info_physical), sizeof(boot_info));

	console_init();
	kprintf("cairn: kernel booting (lab %d)\n", CAIRN_LAB);
	if (magic != BOOT_INFO_MAGIC)
		panic("started with magic 0x%08x, not by the Cairn loader", magic);

	memory_print_map();
	gdt_init();
	idt_init();		/* prints "idt: N vectors" */
	page_init();
	page_check();
	vm_init();
	pic_init();
	clock_init();		/* prints "clock: HZ Hz" */
	console_enable_interrupts();
	run_init_hooks();

	sti();
	monitor_run();
}
