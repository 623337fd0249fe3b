/*
 * syslib.c - kernel calls and data-store requests for lab 3's system
 * processes: each wrapper fills one message and makes one SENDREC.
 *
 * Entry points: the functions declared in syslib.h.
 */

#include "syslib.h"

/* A zeroed message: no stale stack bytes reach the kernel or DS. */
static void clear(message *m)
{
	memset(m, 0, sizeof(*m));
}

int sys_fork(endpoint_t parent, endpoint_t *child)
{
	message m;
	clear(&m);
	m.payload.fork.parent = parent;
	int result = kernel_call(SYS_FORK, &m);
	if (result == OK)
		*child = m.payload.fork.child;
	return result;
}

int sys_exec(endpoint_t target, uint32_t eip, uint32_t esp, const char *name)
{
	message m;
	clear(&m);
	m.payload.exec.target = target;
	m.payload.exec.eip = eip;
	m.payload.exec.esp = esp;
	strlcpy(m.payload.exec.name, name, sizeof(m.payload.exec.name));
	return kernel_call(SYS_EXEC, &m);
}

int sys_exit(endpoint_t target)
{
	message m;
	clear(&m);
	m.payload.exit.target = target;
	return kernel_call(SYS_EXIT, &m);
}

int sys_memmap(endpoint_t target, int request, uint32_t address, uint32_t bytes,
	       uint32_t physical)
{
	message m;
	clear(&m);
	m.payload.memmap.target = target;
	m.payload.memmap.request = request;
	m.payload.memmap.address = address;
	m.payload.memmap.bytes = bytes;
	m.payload.memmap.physical = physical;
	return kernel_call(SYS_MEMMAP, &m);
}

int sys_memsize(endpoint_t target, uint32_t *bytes)
{
	message m;
	clear(&m);
	m.payload.memmap.target = target;
	m.payload.memmap.request = MEMMAP_SIZE;
	int result = kernel_call(SYS_MEMMAP, &m);
	if (result == OK)
		*bytes = m.payload.memmap.bytes;
	return result;
}

int sys_vircopy(endpoint_t source, uint32_t source_address,
		endpoint_t destination, uint32_t destination_address, uint32_t bytes)
{
	message m;
	clear(&m);
	m.payload.vircopy.source = source;
	m.payload.vircopy.source_address = source_address;
	m.payload.vircopy.destination = destination;
	m.payload.vircopy.destination_address = destination_address;
	m.payload.vircopy.bytes = bytes;
	return kernel_call(SYS_VIRCOPY, &m);
}

int copy_from_user(endpoint_t who, void *to, uint32_t from, uint32_t bytes)
{
	if (bytes == 0)
		return OK;
	return sys_vircopy(who, from, SELF, (uint32_t) to, bytes) == OK ? OK : -EFAULT;
}

int copy_to_user(endpoint_t who, uint32_t to, const void *from, uint32_t bytes)
{
	if (bytes == 0)
		return OK;
	return sys_vircopy(SELF, (uint32_t) from, who, to, bytes) == OK ? OK : -EFAULT;
}

int sys_sigsend(endpoint_t target, int signal, uint32_t handler, uint32_t trampoline,
		sigset_t mask)
{
	message m;
	clear(&m);
	m.payload.sigsend.target = target;
	m.payload.sigsend.signal = signal;
	m.payload.sigsend.handler = handler;
	m.payload.sigsend.trampoline = trampoline;
	m.payload.sigsend.mask = mask;
	return kernel_call(SYS_SIGSEND, &m);
}

int sys_sigreturn(endpoint_t target, uint32_t context, sigset_t *mask)
{
	message m;
	clear(&m);
	m.payload.sigreturn.target = target;
	m.payload.sigreturn.context = context;
	int result = kernel_call(SYS_SIGRETURN, &m);
	if (result == OK && mask != NULL)
		*mask = m.payload.sigreturn.mask;
	return result;
}

int sys_getksig(struct kcall_getksig *signals)
{
	message m;
	clear(&m);
	int result = kernel_call(SYS_GETKSIG, &m);
	if (result == OK)
		*signals = m.payload.getksig;
	return result;
}

#define CMOS_INDEX 0x70
#define CMOS_DATA  0x71
#define CMOS_STATUS_A 0x0A	/* bit 7: an update is in progress */
#define CMOS_STATUS_B 0x0B	/* bit 2: binary (else BCD); bit 1: 24-hour */

/* One CMOS register, or -1 when the port is refused. */
static int cmos_read(int reg)
{
	uint32_t value;

	if (sys_devio_out(CMOS_INDEX, DEVIO_BYTE, reg) != OK ||
	    sys_devio_in(CMOS_DATA, DEVIO_BYTE, &value) != OK)
		return -1;
	return value & 0xFF;
}

/* Days from 1970-01-01 to the first of month (1-12) of year. */
static uint32_t days_before(uint32_t year, uint32_t month)
{
	static const uint16_t month_start[12] = { 0, 31, 59, 90, 120, 151, 181, 212,
						  243, 273, 304, 334 };
	uint32_t days = (year - 1970) * 365 + month_start[month - 1];

	for (uint32_t y = 1970; y < year; y++)	/* leap days before year */
		days += (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
	if (month > 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
		days++;
	return days;
}

/* The RTC's date and time as seconds since 1970, or 0. */
static uint32_t read_rtc(void)
{
	static const int registers[6] = { 0x00, 0x02, 0x04, 0x07, 0x08, 0x09 };
	int value[6];
	int status_b;

	for (int tries = 0; tries < 1000 && (cmos_read(CMOS_STATUS_A) & 0x80); tries++)
		;			/* let a running update finish */
	status_b = cmos_read(CMOS_STATUS_B);
	if (status_b < 0)
		return 0;
	for (int i = 0; i < 6; i++) {
		value[i] = cmos_read(registers[i]);
		if (!(status_b & 0x04))	/* BCD to binary */
			value[i] = (value[i] & 0x0F) + (value[i] >> 4) * 10;
	}
	/* value: second, minute, hour, day, month, year within the century */
	if (value[4] < 1 || value[4] > 12)
		return 0;
	return (days_before(2000 + value[5], value[4]) + value[3] - 1) * 86400 +
	       value[2] * 3600 + value[1] * 60 + value[0];
}

uint32_t clock_time(void)
{
	static uint32_t rtc_seconds, rtc_ticks;
	static bool read;
	struct kcall_times times;

	if (sys_times(SELF, &times) != OK)
		return 0;
	if (!read) {
		rtc_seconds = read_rtc();
		rtc_ticks = times.ticks;
		read = true;
	}
	if (rtc_seconds == 0)
		return 0;
	return rtc_seconds + (times.ticks - rtc_ticks) / HZ;
}

/* One request to DS about name; the reply's entry goes back to *entry. */
static int ds_request(int type, const char *name, uint32_t value, struct ds_entry *entry)
{
	message m;
	clear(&m);
	m.type = type;
	if (name != NULL)
		strlcpy(m.payload.ds_entry.name, name, DS_NAME_LENGTH);
	m.payload.ds_entry.value = value;
	int result = ipc_sendrec(DS_ENDPOINT, &m);
	if (result != OK)
		return result;
	if (m.type == OK && entry != NULL)
		*entry = m.payload.ds_entry;
	return m.type;
}

int ds_publish(const char *name, uint32_t value)
{
	return ds_request(DS_PUBLISH, name, value, NULL);
}

int ds_lookup(const char *name, uint32_t *value)
{
	struct ds_entry entry;
	int result = ds_request(DS_LOOKUP, name, 0, &entry);
	if (result == OK)
		*value = entry.value;
	return result;
}

int ds_delete(const char *name)
{
	return ds_request(DS_DELETE, name, 0, NULL);
}

int ds_subscribe(const char *prefix)
{
	return ds_request(DS_SUBSCRIBE, prefix, 0, NULL);
}

int ds_check(struct ds_entry *entry)
{
	return ds_request(DS_CHECK, NULL, 0, entry);
}
