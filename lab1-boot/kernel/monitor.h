/*
 * monitor.h - the kernel monitor on the serial console (monitor.c).
 */
#ifndef CAIRN_MONITOR_H
#define CAIRN_MONITOR_H

#include "trap.h"

/* Run the commands of boot parameter "run", then read commands forever. */
void monitor_run(void) __attribute__((noreturn));
/* Run one command line; returns after the command. */
void monitor_execute(char *line);

#endif /* CAIRN_MONITOR_H */
