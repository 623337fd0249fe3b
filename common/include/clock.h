/*
 * clock.h - how fast the clock ticks: the kernel's timer (lab 1) raises
 * IRQ 0 HZ times a second, and every count of ticks in the kernel calls
 * (SYS_TIMES, SYS_SETALARM) is in these ticks.
 */
#ifndef CAIRN_CLOCK_H
#define CAIRN_CLOCK_H

#define HZ 100			/* clock ticks per second */

#endif /* CAIRN_CLOCK_H */
