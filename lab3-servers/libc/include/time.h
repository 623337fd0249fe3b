/*
 * time.h - the time of day (time.c): seconds since 1970 from PM, broken
 * down into a calendar date (UTC: the system has no time zones).
 */
#ifndef _TIME_H
#define _TIME_H

#include <types.h>
#include <posix.h>	/* time_t */
#include <clock.h>	/* HZ */

typedef int32_t clock_t;
#define CLOCKS_PER_SEC HZ	/* clock() counts clock ticks */

struct tm {
	int tm_sec;		/* 0-60 */
	int tm_min;		/* 0-59 */
	int tm_hour;		/* 0-23 */
	int tm_mday;		/* 1-31 */
	int tm_mon;		/* 0-11 */
	int tm_year;		/* years since 1900 */
	int tm_wday;		/* 0-6, Sunday is 0 */
	int tm_yday;		/* 0-365 */
	int tm_isdst;		/* always 0 */
};

time_t time(time_t *now);
clock_t clock(void);		/* clock ticks since the system started */
struct tm *gmtime(const time_t *time);
struct tm *localtime(const time_t *time);	/* the same as gmtime */
char *asctime(const struct tm *date);
char *ctime(const time_t *time);
double difftime(time_t end, time_t start);

#endif /* _TIME_H */
