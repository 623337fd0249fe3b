/*
 * backtrace.c - printing the chain of calls that led to this point.
 *
 * Every kernel function is compiled with a frame pointer. Its first two
 * instructions, push %ebp and mov %esp,%ebp, leave the stack like this:
 *
 *     4(%ebp)  return address: where the caller goes on after the call
 *     0(%ebp)  the caller's %ebp, pointing at the caller's frame
 *
 * so the saved %ebp values link the frames into a list. entry.S sets %ebp
 * to 0 before calling kernel_main, which ends the list.
 *
 * A return address points just past its call instruction. When that call
 * is the last instruction of a function (a call to a function that never
 * returns, such as monitor_run), the return address is already the first
 * byte of the next function. So each frame is named after the byte before
 * its return address, which is always inside the call.
 *
 * Entry point: backtrace_print.
 */
#include "kernel.h"
#include "debug.h"

/* Stop after this many frames: a corrupt stack may link into a loop. */
#define BACKTRACE_MAX_FRAMES 64

/*
 * Print one line per frame, starting with the frame at ebp: the frame
 * pointer, the return address, and the function the return address lies
 * in with the return address's offset in it. Stops at ebp == 0, after
 * BACKTRACE_MAX_FRAMES frames, or at an ebp that is not in kernel memory.
 */
void backtrace_print(uint32_t ebp)
{
	kprintf("backtrace:\n");

	/* LAB 1: your code here.
	 * Hint: ebp points at two words: frame[0], the caller's ebp, and
	 * frame[1], the return address. Print each frame in debug.h's format,
	 * naming frame[1] - 1 with symbol_lookup() (print offset + 1); go on
	 * at frame[0]; stop at 0, below KERNBASE or at BACKTRACE_MAX_FRAMES. */
	/* SOLUTION BEGIN lab1:backtrace */
	int frames;

	for (frames = 0; ebp != 0 && frames < BACKTRACE_MAX_FRAMES; frames++) {
		const uint32_t *frame = (const uint32_t *) ebp;
		uint32_t return_address, offset;
		const char *name;

		if (ebp < KERNBASE) {
			kprintf("  ebp 0x%08x is not in kernel memory: stopping\n", ebp);
			return;
		}
		return_address = frame[1];
		name = symbol_lookup(return_address - 1, &offset);
		kprintf("  ebp 0x%08x  eip 0x%08x  %s+0x%x\n",
			ebp, return_address, name, offset + 1);
		ebp = frame[0];
	}
	/* SOLUTION ELSE
	kprintf("LAB 1: backtrace_print() is not written yet\n");
	   SOLUTION END */
}
