/*
 * devices.h - the interrupt controllers and the clock.
 *
 * Defined in pic.c (the two 8259A PICs) and clock.c (the 8253/8254 PIT).
 */
#ifndef CAIRN_DEVICES_H
#define CAIRN_DEVICES_H

#include "types.h"

#include "clock.h"		/* HZ, clock ticks per second */

void pic_init(void);
void pic_enable(int irq);
void pic_disable(int irq);
void pic_end_of_interrupt(int irq);
/* Whether an interrupt on irq 7 or 15 was spurious (and must not be acknowledged). */
bool pic_is_spurious(int irq);

struct trap_frame;
typedef void (*clock_tick_hook_t)(struct trap_frame *frame);

void clock_init(void);
/* Run hook on every tick (after the count is updated); see clock.c. */
void clock_add_tick_hook(clock_tick_hook_t hook);
uint32_t clock_ticks(void);
/* Sleep (halting the CPU) until ticks more clock ticks have passed. */
void clock_wait(uint32_t ticks);

#endif /* CAIRN_DEVICES_H */
