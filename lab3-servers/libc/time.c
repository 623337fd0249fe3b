/*
 * time.c - time: the clock (PM_TIME), sleeping (PM_SLEEP, PM_PAUSE), the
 * alarm (PM_ALARM), and calendar dates.
 *
 * Entry points: time clock sleep usleep alarm pause gmtime localtime
 * asctime ctime difftime.
 */
#include "syscall.h"
#include <time.h>
#include <unistd.h>
#include <stdio.h>

#define SLEEP_SECONDS_MAX (0xFFFFFFFFU / 1000)

/* Ask PM for the time: seconds since 1970 and ticks since boot. Returns 0 or -1. */
static int get_time(struct pm_time *reply)
{
	message m;
	message_init(&m, PM_TIME);
	if (pm_call(&m) < 0)
		return -1;
	*reply = m.payload.pm_time;
	return 0;
}

/* Seconds since 1970-01-01 00:00 UTC, also into *now unless NULL; or -1. */
time_t time(time_t *now)
{
	struct pm_time reply;
	if (get_time(&reply) < 0)
		return -1;
	if (now != NULL)
		*now = reply.seconds;
	return reply.seconds;
}

/* Clock ticks (CLOCKS_PER_SEC a second) since the system started, or -1. */
clock_t clock(void)
{
	struct pm_time reply;
	if (get_time(&reply) < 0)
		return -1;
	return reply.ticks;
}

/* Sleep milliseconds. Returns 0, or -1 (EINTR: a signal was handled)
 * with what was left in *left. */
static int sleep_milliseconds(uint32_t milliseconds, uint32_t *left)
{
	message m;
	message_init(&m, PM_SLEEP);
	m.payload.pm_sleep.milliseconds = milliseconds;
	int result = pm_call(&m);
	*left = result < 0 ? m.payload.pm_sleep.milliseconds : 0;
	return result < 0 ? -1 : 0;
}

/* Sleep seconds. Returns 0, or the seconds left when a signal ended it. */
unsigned int sleep(unsigned int seconds)
{
	uint32_t left;
	if (seconds > SLEEP_SECONDS_MAX)	/* so the milliseconds fit in 32 bits */
		seconds = SLEEP_SECONDS_MAX;
	if (sleep_milliseconds(seconds * 1000, &left) < 0)
		return (left + 999) / 1000;
	return 0;
}

/* Sleep microseconds (rounded up to milliseconds). Returns 0 or -1. */
int usleep(unsigned int microseconds)
{
	uint32_t left;
	return sleep_milliseconds((microseconds + 999) / 1000, &left);
}

/* SIGALRM in seconds (0 cancels). Returns the seconds the previous alarm
 * had left, 0 if none. */
unsigned int alarm(unsigned int seconds)
{
	message m;
	message_init(&m, PM_ALARM);
	m.payload.pm_alarm.seconds = seconds;
	int left = pm_call(&m);
	return left < 0 ? 0 : left;
}

/* Wait until a signal has been handled. Returns -1 (EINTR). */
int pause(void)
{
	message m;
	message_init(&m, PM_PAUSE);
	pm_call(&m);
	return -1;
}

/* Whether year (e.g. 2024) has a 29 February. */
static bool leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Break seconds since 1970 into a UTC date, in a static struct tm. */
struct tm *gmtime(const time_t *time)
{
	static struct tm date;
	static const int month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int32_t seconds = *time;
	int32_t days = seconds / 86400;
	int32_t rest = seconds % 86400;

	if (rest < 0) {		/* before 1970 */
		rest += 86400;
		days--;
	}
	date.tm_sec = rest % 60;
	date.tm_min = rest / 60 % 60;
	date.tm_hour = rest / 3600;
	date.tm_wday = ((days % 7) + 11) % 7;	/* 1970-01-01 was a Thursday */
	int year = 1970;
	for (;;) {
		int year_days = leap_year(year) ? 366 : 365;
		if (days >= 0 && days < year_days)
			break;
		if (days < 0) {
			year--;
			days += leap_year(year) ? 366 : 365;
		} else {
			days -= year_days;
			year++;
		}
	}
	date.tm_year = year - 1900;
	date.tm_yday = days;
	int month = 0;
	for (;; month++) {
		int length = month_days[month] + (month == 1 && leap_year(year));
		if (days < length)
			break;
		days -= length;
	}
	date.tm_mon = month;
	date.tm_mday = days + 1;
	date.tm_isdst = 0;
	return &date;
}

/* There are no time zones: local time is UTC. */
struct tm *localtime(const time_t *time)
{
	return gmtime(time);
}

/* "Thu Jan  1 00:00:00 1970\n", in a static buffer. */
char *asctime(const struct tm *date)
{
	static char text[32];
	static const char days[] = "SunMonTueWedThuFriSat";
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	snprintf(text, sizeof(text), "%.3s %.3s %2d %02d:%02d:%02d %d\n",
		 days + 3 * date->tm_wday, months + 3 * date->tm_mon, date->tm_mday,
		 date->tm_hour, date->tm_min, date->tm_sec, date->tm_year + 1900);
	return text;
}

/* asctime(localtime(time)). */
char *ctime(const time_t *time)
{
	return asctime(localtime(time));
}

/* end - start, in seconds. */
double difftime(time_t end, time_t start)
{
	return (double) end - (double) start;
}
