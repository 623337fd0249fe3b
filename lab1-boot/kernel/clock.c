/*
 * clock.c - the clock: channel 0 of the 8253/8254 programmable interval
 * timer raises IRQ 0 HZ times a second, and the kernel counts the ticks.
 *
 * The timer counts down from a divisor at 1193182 Hz; each time it reaches
 * zero it raises IRQ 0 and starts again (mode 2, "rate generator").
 *
 * Entry points: clock_init, clock_ticks, clock_wait, clock_add_tick_hook.
 */

#include "kernel.h"
#include "trap.h"
#include "devices.h"
#include "x86.h"

#define PIT_CHANNEL_0 0x40
#define PIT_COMMAND   0x43
#define PIT_FREQUENCY 1193182	/* the timer's input clock, in Hz */
/* Command: channel 0, divisor low byte then high byte, mode 2, binary. */
#define PIT_CHANNEL_0_RATE_GENERATOR 0x34

#define CLOCK_IRQ 0

#define MAX_TICK_HOOKS 4

/* Ticks since clock_init; changed by the interrupt, hence volatile. */
static volatile uint32_t ticks;

/* What later labs run on every tick (lab 2: alarms and the scheduler). */
static clock_tick_hook_t tick_hooks[MAX_TICK_HOOKS];

/* IRQ 0: one more tick, then the hooks, in the order they were added. */
static void clock_interrupt(struct trap_frame *frame)
{
	ticks++;
	for (int i = 0; i < MAX_TICK_HOOKS && tick_hooks[i] != NULL; i++)
		tick_hooks[i](frame);
}

/*
 * Run hook on every clock tick from now on, after the count is updated.
 * A hook may not return (lab 2's scheduler switches processes from one);
 * hooks added after it then do not run for that tick, so add it last.
 */
void clock_add_tick_hook(clock_tick_hook_t hook)
{
	for (int i = 0; i < MAX_TICK_HOOKS; i++) {
		if (tick_hooks[i] == NULL) {
			tick_hooks[i] = hook;
			return;
		}
	}
	panic("clock_add_tick_hook: more than %d hooks", MAX_TICK_HOOKS);
}

/* Start the timer at HZ and take IRQ 0. pic_init() must have run. */
void clock_init(void)
{
	uint16_t divisor = (PIT_FREQUENCY + HZ / 2) / HZ;

	outb(PIT_COMMAND, PIT_CHANNEL_0_RATE_GENERATOR);
	outb(PIT_CHANNEL_0, divisor & 0xFF);
	outb(PIT_CHANNEL_0, divisor >> 8);

	trap_set_handler(IRQ_BASE + CLOCK_IRQ, clock_interrupt);
	pic_enable(CLOCK_IRQ);
	kprintf("clock: %d Hz\n", HZ);
}

uint32_t clock_ticks(void)
{
	return ticks;
}

/*
 * Halt until count more ticks have passed. Interrupts are on while it
 * waits, and as they were when it returns. The tick count is read with
 * interrupts off, so a tick cannot slip in between the look and the hlt
 * (sti takes effect only after the instruction that follows it).
 */
void clock_wait(uint32_t count)
{
	bool interrupts_were_on = read_eflags() & EFLAGS_IF;
	uint32_t start = ticks;

	for (;;) {
		cli();
		if (ticks - start >= count)
			break;
		sti_hlt();
	}
	if (interrupts_were_on)
		sti();
}
