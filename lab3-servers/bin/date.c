/*
 * date - print the date and time, in UTC.
 *
 *	date		prints e.g. "2026-11-24 14:05:09 UTC"
 *
 * time() gives seconds since 1970-01-01 00:00:00 UTC; turning that into a
 * calendar date is done here, by counting off whole years, then months.
 */

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#define SECONDS_PER_DAY 86400

/* Is year a leap year (one with February 29)? */
static bool is_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* How many days the month (1-12) of year has. */
static int days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month == 2 && is_leap_year(year))
		return 29;
	return days[month - 1];
}

/* Print the current time as a date. Returns 0, or 1 if there is no time. */
int main(void)
{
	time_t now = time(NULL);

	if (now < 0) {
		fprintf(stderr, "date: cannot read the clock\n");
		return 1;
	}
	int days = now / SECONDS_PER_DAY;	/* whole days since 1970-01-01 */
	int seconds = now % SECONDS_PER_DAY;	/* seconds into today */
	int year = 1970;
	int month = 1;

	while (days >= (is_leap_year(year) ? 366 : 365)) {
		days -= is_leap_year(year) ? 366 : 365;
		year++;
	}
	while (days >= days_in_month(year, month)) {
		days -= days_in_month(year, month);
		month++;
	}
	printf("%d-%02d-%02d %02d:%02d:%02d UTC\n", year, month, days + 1,
	       seconds / 3600, seconds / 60 % 60, seconds % 60);
	return 0;
}
