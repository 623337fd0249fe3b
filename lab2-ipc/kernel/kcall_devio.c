/*
 * kcall_devio.c - port I/O for drivers: SYS_DEVIO and SYS_VDEVIO.
 *
 * A driver runs in user mode, where in and out instructions fault; it
 * asks the kernel to do them. The caller's privilege record lists the
 * ports it may touch (may_use_port); any other port is refused with EPERM.
 * SYS_VDEVIO does a whole vector in one call and checks every port of it
 * before it touches any.
 *
 * Entry points: the handlers do_devio and do_vdevio, through KERNEL_CALL.
 */

#include "kernel.h"
#include "x86.h"
#include "proc.h"
#include "system.h"

/* Whether size is a port width the CPU has: 1, 2 or 4 bytes. */
static bool is_port_size(uint32_t size)
{
	return size == DEVIO_BYTE || size == DEVIO_WORD || size == DEVIO_LONG;
}

/* Read size bytes (1, 2 or 4) from port. */
static uint32_t port_in(uint32_t port, uint32_t size)
{
	if (size == DEVIO_BYTE)
		return inb(port);
	if (size == DEVIO_WORD)
		return inw(port);
	return inl(port);
}

/* Write the low size bytes (1, 2 or 4) of value to port. */
static void port_out(uint32_t port, uint32_t size, uint32_t value)
{
	if (size == DEVIO_BYTE)
		outb(port, value);
	else if (size == DEVIO_WORD)
		outw(port, value);
	else
		outl(port, value);
}

/* SYS_DEVIO: one in or out; an in returns the value in the reply. */
static int do_devio(struct proc *caller, message *m)
{
	struct kcall_devio *request = &m->payload.devio;

	if (!is_port_size(request->size))
		return -EINVAL;
	if (!may_use_port(caller, request->port, request->size))
		return -EPERM;
	if (request->write)
		port_out(request->port, request->size, request->value);
	else
		request->value = port_in(request->port, request->size);
	return OK;
}
KERNEL_CALL(SYS_DEVIO, do_devio);

/*
 * SYS_VDEVIO: count (port, value) pairs in the caller's memory, all
 * written or all read in order; values read go back into the vector.
 */
static int do_vdevio(struct proc *caller, message *m)
{
	struct kcall_vdevio *request = &m->payload.vdevio;
	/* 512 bytes: static, not on the one-page kernel stack. The kernel
	 * runs one trap at a time, so one buffer is enough. */
	static struct port_value pairs[VDEVIO_MAX];

	if (!is_port_size(request->size) || request->count > VDEVIO_MAX)
		return -EINVAL;
	uint32_t bytes = request->count * sizeof(pairs[0]);
	if (copy_from_user(caller, pairs, request->vector, bytes) != OK)
		return -EFAULT;
	for (uint32_t i = 0; i < request->count; i++) {
		if (!may_use_port(caller, pairs[i].port, request->size))
			return -EPERM;
	}

	for (uint32_t i = 0; i < request->count; i++) {
		if (request->write)
			port_out(pairs[i].port, request->size, pairs[i].value);
		else
			pairs[i].value = port_in(pairs[i].port, request->size);
	}
	if (!request->write)
		return copy_to_user(caller, request->vector, pairs, bytes);
	return OK;
}
KERNEL_CALL(SYS_VDEVIO, do_vdevio);
