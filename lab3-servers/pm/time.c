/*
 * time.c - the time of day, alarms and sleeping, and PM's one kernel alarm.
 *
 * Every process may have two timers at PM: its alarm (SIGALRM when due)
 * and, while it sleeps, the tick its sleep ends at. The kernel gives PM a
 * single alarm of its own (SYS_SETALARM: a notification from CLOCK after
 * so many ticks), so PM keeps it set for the earliest of all the timers,
 * and on each CLOCK notification handles every timer that is due.
 * Ticks are compared by signed difference, which stays right when the
 * tick counter wraps.
 *
 * Entry points: do_time, do_alarm, do_sleep; ticks_now,
 * sleep_milliseconds_left, timers_expire, timers_update.
 */

#include "pm.h"

#define MILLISECONDS_PER_SECOND 1000
/* Timers are compared by signed difference: none may be 2^31 ticks away. */
#define ALARM_SECONDS_MAX (0x7FFFFFFF / HZ)

/* PM's kernel alarm: whether it is set, and the tick it is set for. */
static bool kernel_alarm_set;
static uint32_t kernel_alarm_tick;

/* Clock ticks since boot. */
uint32_t ticks_now(void)
{
	struct kcall_times times;

	if (sys_times(SELF, &times) != OK)
		return 0;
	return times.ticks;
}

/* Whether the timer set for tick is due at now. */
static bool is_due(uint32_t tick, uint32_t now)
{
	return (int32_t) (now - tick) >= 0;
}

/* Ticks in milliseconds, rounded up (a short sleep still waits a tick). */
static uint32_t milliseconds_to_ticks(uint32_t milliseconds)
{
	return milliseconds / MILLISECONDS_PER_SECOND * HZ +
	       ((milliseconds % MILLISECONDS_PER_SECOND) * HZ + MILLISECONDS_PER_SECOND - 1) /
	       MILLISECONDS_PER_SECOND;
}

/* The milliseconds a sleeping process still had to sleep. */
uint32_t sleep_milliseconds_left(const struct process *process)
{
	int32_t ticks_left = process->sleep_until - ticks_now();

	if (ticks_left <= 0)
		return 0;
	return (uint32_t) ticks_left * MILLISECONDS_PER_SECOND / HZ;
}

/*
 * PM_TIME: seconds since 1970, ticks since boot and ticks per second, in
 * pm_time. Returns 0.
 */
int do_time(struct process *caller, message *m)
{
	struct pm_time *reply = &m->payload.pm_time;

	reply->seconds = clock_time();
	reply->ticks = ticks_now();
	reply->hz = HZ;
	return 0;
}

/*
 * PM_ALARM (struct pm_alarm): SIGALRM for the caller in so many seconds;
 * 0 cancels. Returns the seconds the previous alarm had left (rounded
 * up), 0 if there was none.
 */
int do_alarm(struct process *caller, message *m)
{
	uint32_t seconds = MIN(m->payload.pm_alarm.seconds, (uint32_t) ALARM_SECONDS_MAX);
	uint32_t now = ticks_now();
	int previous = 0;

	if (caller->alarm_tick != 0 && !is_due(caller->alarm_tick, now))
		previous = (caller->alarm_tick - now + HZ - 1) / HZ;
	caller->alarm_tick = 0;
	if (seconds != 0) {
		caller->alarm_tick = now + seconds * HZ;
		if (caller->alarm_tick == 0)
			caller->alarm_tick = 1;	/* 0 means "no alarm": a tick late */
	}
	return previous;
}

/*
 * PM_SLEEP (struct pm_sleep): suspend the caller for the milliseconds.
 * Returns 0 at once for 0; else NO_REPLY, and timers_expire replies 0
 * later (or a handled signal replies -EINTR with the time left).
 */
int do_sleep(struct process *caller, message *m)
{
	uint32_t milliseconds = m->payload.pm_sleep.milliseconds;

	if (milliseconds == 0)
		return 0;
	caller->sleep_until = ticks_now() + milliseconds_to_ticks(milliseconds);
	caller->suspended = SUSPENDED_SLEEP;
	return NO_REPLY;
}

/* If process's alarm is due at now, it is over: raise SIGALRM. */
static void expire_alarm(struct process *process, uint32_t now)
{
	if (process->alarm_tick == 0 || !is_due(process->alarm_tick, now))
		return;
	process->alarm_tick = 0;
	signal_raise(process, SIGALRM);
}

/* If process sleeps and its time is up at now, wake it: sleep returns 0. */
static void expire_sleep(struct process *process, uint32_t now)
{
	message m;

	if (process->suspended != SUSPENDED_SLEEP || !is_due(process->sleep_until, now))
		return;
	memset(&m, 0, sizeof(m));
	process->suspended = NOT_SUSPENDED;
	reply(process->endpoint, &m, 0);
}

/*
 * The CLOCK notification: PM's kernel alarm went off (and is no longer
 * set). Handle every timer that is due.
 */
void timers_expire(void)
{
	uint32_t now = ticks_now();

	kernel_alarm_set = false;
	for (int slot = 0; slot < PROCESS_SLOTS; slot++) {
		struct process *process = &processes[slot];

		if (process->in_use)
			expire_alarm(process, now);
		if (process->in_use)	/* SIGALRM may have ended it */
			expire_sleep(process, now);
	}
}

/* Make *earliest the earlier of itself and tick (*any: whether it is set). */
static void consider(uint32_t tick, bool *any, uint32_t *earliest)
{
	if (!*any || (int32_t) (tick - *earliest) < 0)
		*earliest = tick;
	*any = true;
}

/*
 * After each message: set PM's kernel alarm for the earliest timer, or
 * for the next tick while a signal waits to be delivered again; cancel
 * it when nothing is waiting. The kernel is only asked when that changes.
 */
void timers_update(void)
{
	uint32_t now, earliest = 0;
	bool any = false, retry = false;

	for (int slot = 0; slot < PROCESS_SLOTS; slot++) {
		const struct process *process = &processes[slot];

		if (!process->in_use)
			continue;
		if (process->alarm_tick != 0)
			consider(process->alarm_tick, &any, &earliest);
		if (process->suspended == SUSPENDED_SLEEP)
			consider(process->sleep_until, &any, &earliest);
		if (process->user && signal_deliverable(process))
			retry = true;
	}
	if (!any && !retry) {
		if (kernel_alarm_set)
			sys_setalarm(0, NULL);
		kernel_alarm_set = false;
		return;		/* the common case: no kernel call at all */
	}
	now = ticks_now();
	if (retry)
		consider(now + 1, &any, &earliest);
	if (is_due(earliest, now))
		earliest = now + 1;	/* overdue: at the very next tick */
	if (kernel_alarm_set && kernel_alarm_tick == earliest)
		return;
	if (sys_setalarm(earliest - now, NULL) == OK) {
		kernel_alarm_set = true;
		kernel_alarm_tick = earliest;
	}
}
