/*
 * number.c - the numeric helpers of <stdlib.h>: reading numbers (over
 * strtol, common/lib/string.c), absolute values, sorting, binary search,
 * and pseudo-random numbers.
 *
 * Entry points: atoi atol abs labs qsort bsearch rand srand.
 */
#include <stdlib.h>
#include <types.h>

/* The decimal number at the start of s (0 if none). */
int atoi(const char *s)
{
	return (int) strtol(s, NULL, 10);
}

/* The same, as a long. */
long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

/* The absolute value of value (INT_MIN has none: it stays INT_MIN). */
int abs(int value)
{
	return value < 0 ? -value : value;
}

/* The same, for a long. */
long labs(long value)
{
	return value < 0 ? -value : value;
}

/* Exchange the size bytes at a and at b. */
static void swap_bytes(char *a, char *b, size_t size)
{
	for (size_t i = 0; i < size; i++) {
		char byte = a[i];
		a[i] = b[i];
		b[i] = byte;
	}
}

/*
 * Sort count elements of size bytes at base into the order compare gives
 * (negative: a before b). Quicksort: the middle element is the pivot;
 * of the two parts around it, the shorter is sorted by recursion (so the
 * stack stays shallow) and the longer by going round the loop again.
 */
void qsort(void *base, size_t count, size_t size,
	   int (*compare)(const void *, const void *))
{
	char *elements = base;
	while (count > 1) {
		/* Move the pivot to the end, then partition the rest around it. */
		swap_bytes(elements + (count / 2) * size, elements + (count - 1) * size, size);
		char *pivot = elements + (count - 1) * size;
		size_t below = 0;	/* elements[0 .. below-1] < pivot */
		for (size_t i = 0; i < count - 1; i++) {
			if (compare(elements + i * size, pivot) < 0) {
				swap_bytes(elements + i * size, elements + below * size, size);
				below++;
			}
		}
		swap_bytes(elements + below * size, pivot, size);
		/* The pivot is in place at below: below elements before it,
		 * above elements after it. */
		size_t above = count - below - 1;
		if (below < above) {
			qsort(elements, below, size, compare);
			elements += (below + 1) * size;
			count = above;
		} else {
			qsort(elements + (below + 1) * size, above, size, compare);
			count = below;
		}
	}
}

/* The element of the sorted array base equal to *key, or NULL. */
void *bsearch(const void *key, const void *base, size_t count, size_t size,
	      int (*compare)(const void *, const void *))
{
	const char *elements = base;
	size_t low = 0, high = count;	/* the answer is in [low, high) */
	while (low < high) {
		size_t middle = low + (high - low) / 2;
		int order = compare(key, elements + middle * size);
		if (order == 0)
			return (void *) (elements + middle * size);
		if (order < 0)
			high = middle;
		else
			low = middle + 1;
	}
	return NULL;
}

static uint32_t random_state = 1;

/* The next pseudo-random number, 0 .. RAND_MAX (a linear congruential
 * generator: good enough for games and tests, not for secrets). */
int rand(void)
{
	random_state = random_state * 1103515245 + 12345;
	return (int) ((random_state >> 1) & RAND_MAX);
}

/* Start rand's sequence from seed. */
void srand(unsigned int seed)
{
	random_state = seed;
}
