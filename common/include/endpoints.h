/*
 * endpoints.h - the fixed slots of the boot image's system processes
 * (lab 3 on): what the kernel's boot table and the servers agree on.
 */
#ifndef CAIRN_ENDPOINTS_H
#define CAIRN_ENDPOINTS_H

/* ---- boot endpoints (generation 0, so the slot number) ----
 * Slots 3-7 hold lab 2's IPC test programs in a lab-2 image; a lab-3 image
 * leaves them empty. Later labs add drivers from slot 16 on. */
#define PM_ENDPOINT      8
#define FS_ENDPOINT      9
#define DS_ENDPOINT     10
#define MEMORY_ENDPOINT 11	/* the memory driver: RAM disk, null, zero */
#define TTY_ENDPOINT    12	/* the console driver */
#define INIT_ENDPOINT   13	/* init: pid 1 */
#define INIT_PID         1

#endif /* CAIRN_ENDPOINTS_H */
