/*
 * monitor.c - the kernel monitor: a small command line on the console.
 *
 * The kernel ends its boot here and a panic comes back here. Each command
 * is one line of the table commands[] (name, help, function); a function
 * gets the words of the line as argc/argv, argv[0] being the command's
 * name. The grader types commands over the serial line and reads their
 * output, so the formats printed below are fixed.
 *
 * The monitor reads the console by console_getc(), which works with
 * interrupts on (the normal case) and off (after a panic).
 *
 * Entry points: monitor_run, monitor_execute.
 */
#include "kernel.h"
#include "monitor.h"
#include "memory.h"
#include "debug.h"
#include "devices.h"
#include "string.h"
#include "x86.h"

#define LINE_LENGTH_MAX  128	/* longer lines are cut short */
#define ARGUMENTS_MAX    8	/* words per command line, the name included */
#define TRACE_DEPTH_MAX  20
#define EFLAGS_INTERRUPTS_ON 0x200	/* EFLAGS.IF */

/* entry.S and kernel.ld: where the kernel's parts begin and end. */
extern char kernel_entry[], etext[], edata[], end[];

/* ---- the commands ---- */

/* Parse text as a whole number: decimal, 0x hex or 0 octal, optional '-'. */
static bool parse_number(const char *text, long *value)
{
	char *rest;

	*value = strtol(text, &rest, 0);
	return rest != text && *rest == '\0';
}

/* kerninfo: where the kernel's code and data lie, and how big it is. */
static void command_kerninfo(int argc, char **argv)
{
	kprintf("kernel:         virtual     physical\n");
	kprintf("  kernel_entry  0x%08x  0x%08x\n",
		(uint32_t) kernel_entry, VIRT_TO_PHYS(kernel_entry));
	kprintf("  etext         0x%08x  0x%08x\n", (uint32_t) etext, VIRT_TO_PHYS(etext));
	kprintf("  edata         0x%08x  0x%08x\n", (uint32_t) edata, VIRT_TO_PHYS(edata));
	kprintf("  end           0x%08x  0x%08x\n", (uint32_t) end, VIRT_TO_PHYS(end));
	kprintf("kernel footprint: %u KiB\n",
		(VIRT_TO_PHYS(end) - KERNEL_LOAD_PHYS + 1023) / 1024);
}

/* mem: the BIOS memory map and how many pages are free. */
static void command_mem(int argc, char **argv)
{
	memory_print_map();
	page_print_summary();
}

/*
 * backtrace: the calls that led to this command. Never inlined, so that it
 * has a frame of its own when trace_recurse calls it.
 */
static void __attribute__((noinline)) command_backtrace(int argc, char **argv)
{
	backtrace_print(read_ebp());
}

/*
 * Call itself until depth is 0, then run the backtrace command: the
 * backtrace shows depth + 1 frames returning into trace_recurse. The
 * volatile store after the call keeps the compiler from turning the
 * recursion into a loop, which would leave no frames to see.
 */
static int __attribute__((noinline)) trace_recurse(int depth)
{
	volatile int frames;

	if (depth == 0) {
		command_backtrace(0, NULL);
		return 1;
	}
	frames = trace_recurse(depth - 1) + 1;
	return frames;
}

/* trace N: a backtrace from N nested calls of trace_recurse. */
static void command_trace(int argc, char **argv)
{
	long depth;

	if (argc != 2 || !parse_number(argv[1], &depth) ||
	    depth < 0 || depth > TRACE_DEPTH_MAX) {
		kprintf("usage: trace N, N from 0 to %d\n", TRACE_DEPTH_MAX);
		return;
	}
	trace_recurse(depth);
}

/* p VALUE: print VALUE through every conversion kprintf knows. */
static void command_p(int argc, char **argv)
{
	long number;
	int v;

	if (argc != 2 || !parse_number(argv[1], &number)) {
		kprintf("usage: p VALUE (decimal, 0x hex or 0 octal)\n");
		return;
	}
	v = (int) number;
	kprintf("p: %d %u %x %X %o [%8d] [%-8d] [%08x] [%5s]\n",
		v, v, v, v, v, v, v, v, "ab");
}

/* ticks: clock ticks since the clock started. */
static void command_ticks(int argc, char **argv)
{
	kprintf("ticks: %u\n", clock_ticks());
}

/* wait N: sleep for N clock ticks. */
static void command_wait(int argc, char **argv)
{
	long ticks;

	if (argc != 2 || !parse_number(argv[1], &ticks) || ticks < 0) {
		kprintf("usage: wait N (clock ticks, %d per second)\n", HZ);
		return;
	}
	if (!(read_eflags() & EFLAGS_INTERRUPTS_ON)) {
		kprintf("wait: interrupts are off, so the clock does not tick\n");
		return;
	}
	clock_wait(ticks);
	kprintf("waited %u ticks\n", (uint32_t) ticks);
}

/* The faults of the fault command; each is a function of its own so that
 * its name shows in the trap report and the backtrace. */

/*
 * A divide error. Both operands are volatile, so the compiler can neither
 * see the zero nor replace the division by something cleverer.
 */
static void __attribute__((noinline)) fault_divide(void)
{
	volatile int dividend = 1, divisor = 0;

	kprintf("fault_divide: %d\n", dividend / divisor);
}

/* A breakpoint trap; its handler returns, and so do we. */
static void __attribute__((noinline)) fault_breakpoint(void)
{
	__asm__ volatile("int3");
	kprintf("resumed after breakpoint\n");
}

/* A page fault: nothing is mapped at this address. */
static void __attribute__((noinline)) fault_page(void)
{
	volatile uint32_t *nowhere = (volatile uint32_t *) 0xdeadb000;

	kprintf("fault_page: read 0x%08x\n", *nowhere);
}

/* A general protection fault: selector 0x1234 names no descriptor. */
static void __attribute__((noinline)) fault_protection(void)
{
	__asm__ volatile("movw %w0, %%ds" : : "r"(0x1234));
	kprintf("fault_protection: the selector was accepted\n");
}

/*
 * A triple fault: with an empty IDT, int3 cannot be delivered, nor can the
 * general protection fault that follows, nor the double fault after it,
 * and the CPU resets (QEMU with -no-reboot exits).
 */
static void __attribute__((noinline)) fault_triple(void)
{
	static const struct table_pointer empty_idt = { 0, 0 };

	lidt(&empty_idt);
	__asm__ volatile("int3");
}

/* A hang: no interrupt can get in, and the loop never ends. */
static void __attribute__((noinline)) fault_hang(void)
{
	cli();
	for (;;)
		continue;
}

/* A kernel panic, as if the kernel had found itself broken. */
static void __attribute__((noinline)) fault_panic(void)
{
	panic("monitor: panic requested");
}

/* The kinds of fault the fault command knows, by name. */
static const struct {
	const char *name;
	void (*function)(void);
} fault_kinds[] = {
	{ "divide",     fault_divide },
	{ "breakpoint", fault_breakpoint },
	{ "page",       fault_page },
	{ "protection", fault_protection },
	{ "triple",     fault_triple },
	{ "hang",       fault_hang },
	{ "panic",      fault_panic },
};

/* fault KIND: make the CPU (or the kernel) fail on purpose. */
static void command_fault(int argc, char **argv)
{
	uint32_t i;

	for (i = 0; argc == 2 && i < ARRAY_SIZE(fault_kinds); i++) {
		if (strcmp(argv[1], fault_kinds[i].name) == 0) {
			fault_kinds[i].function();
			return;
		}
	}
	kprintf("usage: fault KIND, KIND one of:");
	for (i = 0; i < ARRAY_SIZE(fault_kinds); i++)
		kprintf(" %s", fault_kinds[i].name);
	kprintf("\n");
}

/* exit [N]: leave the emulator with status N (default 0). */
static void command_exit(int argc, char **argv)
{
	long status = 0;

	if (argc > 2 || (argc == 2 && !parse_number(argv[1], &status))) {
		kprintf("usage: exit [N]\n");
		return;
	}
	machine_exit(status);
}

static void command_help(int argc, char **argv);	/* it lists the table */

/* Every command: to add one, write its function and give it a line here. */
static const struct command {
	const char *name;
	const char *help;
	void (*function)(int argc, char **argv);
} commands[] = {
	{ "help",      "list the commands",                     command_help },
	{ "kerninfo",  "where the kernel lies in memory",       command_kerninfo },
	{ "mem",       "the memory map and the free pages",     command_mem },
	{ "backtrace", "the calls that led here",               command_backtrace },
	{ "trace",     "trace N: a backtrace N calls deep",     command_trace },
	{ "p",         "p VALUE: print VALUE in every format",  command_p },
	{ "ticks",     "clock ticks since boot",                command_ticks },
	{ "wait",      "wait N: sleep for N clock ticks",       command_wait },
	{ "fault",     "fault KIND: cause a fault on purpose",  command_fault },
	{ "exit",      "exit [N]: leave the emulator, status N", command_exit },
};

/* help: one line per command. */
static void command_help(int argc, char **argv)
{
	uint32_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		kprintf("%-10s %s\n", commands[i].name, commands[i].help);
}

/* ---- reading and running command lines ---- */

/*
 * Split line into words at spaces and tabs, in place, and run the command
 * the first word names. An empty line does nothing.
 */
void monitor_execute(char *line)
{
	char *argv[ARGUMENTS_MAX + 1];
	int argc = 0;
	uint32_t i;

	for (;;) {
		while (*line == ' ' || *line == '\t')
			*line++ = '\0';
		if (*line == '\0')
			break;
		if (argc == ARGUMENTS_MAX) {
			kprintf("too many words (at most %d)\n", ARGUMENTS_MAX);
			return;
		}
		argv[argc++] = line;
		while (*line != '\0' && *line != ' ' && *line != '\t')
			line++;
	}
	argv[argc] = NULL;
	if (argc == 0)
		return;

	for (i = 0; i < ARRAY_SIZE(commands); i++) {
		if (strcmp(argv[0], commands[i].name) == 0) {
			commands[i].function(argc, argv);
			return;
		}
	}
	kprintf("unknown command '%s' (try 'help')\n", argv[0]);
}

/*
 * Read one line from the console into line (size bytes), echoing what is
 * typed. Backspace and DEL erase, other control characters are ignored,
 * and Enter (console_getc turns '\r' into '\n') ends the line. Characters
 * beyond size - 1 are dropped.
 */
static void read_line(char *line, size_t size)
{
	size_t length = 0;
	int c;

	for (;;) {
		c = console_getc();
		if (c == '\n') {
			console_putc('\n');
			line[length] = '\0';
			return;
		} else if (c == '\b' || c == 0x7f) {
			if (length > 0) {
				length--;
				console_putc('\b');
				console_putc(' ');
				console_putc('\b');
			}
		} else if (c >= ' ' && c < 0x7f && length < size - 1) {
			line[length++] = c;
			console_putc(c);
		}
	}
}

/*
 * Run the commands of boot parameter "run" (separated by ';'), echoing
 * each after a prompt as if it had been typed. Only the first time: a
 * panic re-enters the monitor and must not repeat them.
 */
static void run_boot_commands(void)
{
	static bool done;
	char commands_text[BOOT_PARAMS_LENGTH];
	const char *run = boot_param("run");
	char *command, *next;

	if (done || run == NULL)
		return;
	done = true;
	strlcpy(commands_text, run, sizeof(commands_text));
	for (command = commands_text; command != NULL; command = next) {
		next = strchr(command, ';');
		if (next != NULL)
			*next++ = '\0';
		while (*command == ' ')
			command++;
		if (*command == '\0')
			continue;
		kprintf("K> %s\n", command);
		monitor_execute(command);
	}
}

/* The monitor's loop: the boot commands, then one typed line after another. */
void monitor_run(void)
{
	char line[LINE_LENGTH_MAX];

	kprintf("Type 'help' for a list of commands.\n");
	run_boot_commands();
	for (;;) {
		kprintf("K> ");
		read_line(line, sizeof(line));
		monitor_execute(line);
	}
}
