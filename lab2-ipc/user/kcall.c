/*
 * kcall.c - kernel calls from user programs: one small wrapper per call.
 *
 * A kernel call is a SENDREC to the SYSTEM task whose type is the call's
 * number (SYS_*, messages.h) and whose payload holds its arguments; the
 * reply comes back in the same message, its type the result and its
 * payload any values returned.
 *
 * Entry points: kernel_call and the sys_* functions declared in user.h.
 */

#include "user.h"

/*
 * Make kernel call type with the arguments already in m's payload; the
 * reply replaces m. A refused trap (say EFAULT) is returned as it is;
 * otherwise the reply's type, the call's own result.
 */
int kernel_call(int type, message *m)
{
	m->type = type;
	int result = ipc_sendrec(SYSTEM, m);
	if (result != OK)
		return result;
	return m->type;
}

/* A zeroed message: no stale bytes from the stack reach the kernel. */
static void clear(message *m)
{
	memset(m, 0, sizeof(*m));
}

/* Read a byte, word or long (size: DEVIO_*) from port into *value. */
int sys_devio_in(uint32_t port, int size, uint32_t *value)
{
	message m;
	clear(&m);
	m.payload.devio.port = port;
	m.payload.devio.size = size;
	m.payload.devio.write = 0;
	int result = kernel_call(SYS_DEVIO, &m);
	if (result == OK)
		*value = m.payload.devio.value;
	return result;
}

/* Write value to port. */
int sys_devio_out(uint32_t port, int size, uint32_t value)
{
	message m;
	clear(&m);
	m.payload.devio.port = port;
	m.payload.devio.value = value;
	m.payload.devio.size = size;
	m.payload.devio.write = 1;
	return kernel_call(SYS_DEVIO, &m);
}

/* Read or write count ports of a vector: all are checked before any is touched. */
int sys_vdevio(int write, int size, struct port_value *vector, uint32_t count)
{
	message m;
	clear(&m);
	m.payload.vdevio.vector = (uint32_t) vector;
	m.payload.vdevio.count = count;
	m.payload.vdevio.size = size;
	m.payload.vdevio.write = write;
	return kernel_call(SYS_VDEVIO, &m);
}

/* Take (IRQ_SET_POLICY), enable, disable or give back an interrupt line. */
int sys_irqctl(int request, int irq)
{
	message m;
	clear(&m);
	m.payload.irqctl.request = request;
	m.payload.irqctl.irq = irq;
	return kernel_call(SYS_IRQCTL, &m);
}

/* Tell the kernel where the caller's grant table is (NULL, 0: none). */
int sys_setgrant(struct grant *table, uint32_t count)
{
	message m;
	clear(&m);
	m.payload.setgrant.table = (uint32_t) table;
	m.payload.setgrant.count = count;
	return kernel_call(SYS_SETGRANT, &m);
}

/* SYS_SAFECOPYFROM and SYS_SAFECOPYTO take the same arguments. */
static int safecopy(int type, endpoint_t grantor, grant_id_t grant, uint32_t offset,
		    uint32_t address, uint32_t bytes)
{
	message m;
	clear(&m);
	m.payload.safecopy.grantor = grantor;
	m.payload.safecopy.grant = grant;
	m.payload.safecopy.offset = offset;
	m.payload.safecopy.address = address;
	m.payload.safecopy.bytes = bytes;
	return kernel_call(type, &m);
}

/* Copy bytes from grantor's grant, at offset in it, to address. */
int sys_safecopyfrom(endpoint_t grantor, grant_id_t grant, uint32_t offset,
		     void *address, uint32_t bytes)
{
	return safecopy(SYS_SAFECOPYFROM, grantor, grant, offset, (uint32_t) address, bytes);
}

/* Copy bytes from address into grantor's grant, at offset in it. */
int sys_safecopyto(endpoint_t grantor, grant_id_t grant, uint32_t offset,
		   const void *address, uint32_t bytes)
{
	return safecopy(SYS_SAFECOPYTO, grantor, grant, offset, (uint32_t) address, bytes);
}

/* Let target send to an endpoint or make a kernel call (PRIV_ALLOW_*). */
int sys_privctl(endpoint_t target, int request, int argument)
{
	message m;
	clear(&m);
	m.payload.privctl.target = target;
	m.payload.privctl.request = request;
	m.payload.privctl.argument = argument;
	return kernel_call(SYS_PRIVCTL, &m);
}

/* A CLOCK notification after ticks; previous: ticks left on the old alarm. */
int sys_setalarm(uint32_t ticks, uint32_t *previous)
{
	message m;
	clear(&m);
	m.payload.setalarm.ticks = ticks;
	int result = kernel_call(SYS_SETALARM, &m);
	if (result == OK && previous != NULL)
		*previous = m.payload.setalarm.previous;
	return result;
}

/* Clock ticks since boot, and target's user and system ticks. */
int sys_times(endpoint_t target, struct kcall_times *times)
{
	message m;
	clear(&m);
	m.payload.times.target = target;
	int result = kernel_call(SYS_TIMES, &m);
	if (result == OK)
		*times = m.payload.times;
	return result;
}

/* Copy kernel information (GET_*) to address, at most size bytes. */
int sys_getinfo(int what, void *address, uint32_t size)
{
	message m;
	clear(&m);
	m.payload.getinfo.what = what;
	m.payload.getinfo.address = (uint32_t) address;
	m.payload.getinfo.size = size;
	return kernel_call(SYS_GETINFO, &m);
}

/* The boot parameter key: the key goes in at buffer, its value comes back. */
int sys_getparam(const char *key, char *buffer, uint32_t size)
{
	if (strlen(key) + 1 > size)
		return -EINVAL;
	strlcpy(buffer, key, size);
	return sys_getinfo(GET_PARAM, buffer, size);
}

/* End the process target. */
int sys_kill(endpoint_t target)
{
	message m;
	clear(&m);
	m.payload.kill.target = target;
	return kernel_call(SYS_KILL, &m);
}

/* Print length bytes of text on the kernel console. */
int sys_diagnostics(const char *text, uint32_t length)
{
	message m;
	clear(&m);
	m.payload.diagnostics.address = (uint32_t) text;
	m.payload.diagnostics.length = length;
	return kernel_call(SYS_DIAGNOSTICS, &m);
}

/* Stop the machine; code becomes the emulator's exit status. */
int sys_shutdown(int code)
{
	message m;
	clear(&m);
	m.payload.shutdown.code = code;
	return kernel_call(SYS_SHUTDOWN, &m);
}
