/*
 * malloc.c - the heap allocator: a list of free blocks over memory got
 * from sbrk.
 *
 * Every block, in use or free, starts with a header giving its size (the
 * header included, a multiple of 8, so every block and every pointer
 * malloc returns is 8-byte aligned). Free blocks are kept in one list in
 * address order; malloc takes the first that is big enough (first fit)
 * and splits off the rest, free puts a block back and merges it with a
 * free neighbour on either side (coalescing), so the heap does not crumble
 * into pieces too small to use. When no free block fits, the heap grows
 * by at least HEAP_GROWTH bytes.
 *
 * Entry points: malloc free calloc realloc.
 */
#include "syscall.h"
#include <stdlib.h>
#include <unistd.h>

#define ALIGNMENT 8
#define HEAP_GROWTH (16 * 1024)
#define IN_USE 0x600DB10C	/* in an in-use block's next field: catches bad frees */

struct block {
	size_t size;		/* bytes, this header included */
	struct block *next;	/* free: the next free block by address; in use: IN_USE */
};

#define HEADER_SIZE sizeof(struct block)	/* 8: keeps the payload aligned */
#define MINIMUM_BLOCK (HEADER_SIZE + ALIGNMENT)

static struct block *free_list;	/* lowest address first */

/* The block whose payload (see payload_of) is pointer. */
static struct block *block_of(void *pointer)
{
	return (struct block *) ((char *) pointer - HEADER_SIZE);
}

/* The memory a block holds for its user, just after the header. */
static void *payload_of(struct block *block)
{
	return (char *) block + HEADER_SIZE;
}

/* Whether block b starts right where block a ends. */
static bool adjacent(struct block *a, struct block *b)
{
	return (char *) a + a->size == (char *) b;
}

/* Put block into the free list at its place, merging it with neighbours. */
static void insert_free(struct block *block)
{
	struct block *previous = NULL;
	struct block *next = free_list;
	while (next != NULL && next < block) {
		previous = next;
		next = next->next;
	}
	block->next = next;
	if (next != NULL && adjacent(block, next)) {
		block->size += next->size;
		block->next = next->next;
	}
	if (previous == NULL) {
		free_list = block;
	} else if (adjacent(previous, block)) {
		previous->size += block->size;
		previous->next = block->next;
	} else {
		previous->next = block;
	}
}

/* Grow the heap by at least size bytes, as a free block. Returns false
 * when PM has no more memory. */
static bool grow_heap(size_t size)
{
	if (size < HEAP_GROWTH)
		size = HEAP_GROWTH;
	char *start = sbrk(0);
	if (start == (char *) -1)
		return false;
	/* The first break may be anywhere: align the memory we hand out. */
	size_t misalignment = (uintptr_t) start % ALIGNMENT;
	size_t skip = misalignment != 0 ? ALIGNMENT - misalignment : 0;
	if (sbrk(size + skip) == (void *) -1)
		return false;
	struct block *block = (struct block *) (start + skip);
	block->size = size;
	insert_free(block);
	return true;
}

/*
 * Take the first free block of at least size bytes out of the free list,
 * splitting off what is left over when that is big enough to be a block.
 * Returns it, or NULL if there is none.
 */
static struct block *take_free(size_t size)
{
	struct block **link = &free_list;
	for (struct block *block = free_list; block != NULL; block = block->next) {
		if (block->size >= size) {
			if (block->size - size >= MINIMUM_BLOCK) {
				struct block *rest = (struct block *) ((char *) block + size);
				rest->size = block->size - size;
				rest->next = block->next;
				block->size = size;
				*link = rest;
			} else {
				*link = block->next;
			}
			block->next = (struct block *) IN_USE;
			return block;
		}
		link = &block->next;
	}
	return NULL;
}

/* size bytes of memory, 8-byte aligned; NULL (errno ENOMEM) if none is left. */
void *malloc(size_t size)
{
	if (size > 0x7FFFFFFF - HEADER_SIZE - ALIGNMENT) {
		errno = ENOMEM;
		return NULL;
	}
	size_t needed = ROUND_UP(size + HEADER_SIZE, ALIGNMENT);
	struct block *block = take_free(needed);
	if (block == NULL) {
		if (!grow_heap(needed)) {
			errno = ENOMEM;
			return NULL;
		}
		block = take_free(needed);
	}
	return payload_of(block);
}

/* Give back memory from malloc, calloc or realloc. free(NULL) does nothing. */
void free(void *pointer)
{
	if (pointer == NULL)
		return;
	struct block *block = block_of(pointer);
	if (block->next != (struct block *) IN_USE)
		abort();	/* freed twice, or never malloc'd */
	insert_free(block);
}

/* count * size bytes, all zero; NULL if none (or if the product overflows). */
void *calloc(size_t count, size_t size)
{
	if (size != 0 && count > 0xFFFFFFFF / size) {
		errno = ENOMEM;
		return NULL;
	}
	void *pointer = malloc(count * size);
	if (pointer != NULL)
		memset(pointer, 0, count * size);
	return pointer;
}

/*
 * Resize the memory at pointer to size bytes, keeping its contents (up to
 * the smaller size); it may move. realloc(NULL, n) is malloc(n). Returns
 * the new address, or NULL with the old memory left as it was.
 */
void *realloc(void *pointer, size_t size)
{
	if (pointer == NULL)
		return malloc(size);
	struct block *block = block_of(pointer);
	size_t room = block->size - HEADER_SIZE;
	if (size <= room)
		return pointer;
	void *moved = malloc(size);
	if (moved == NULL)
		return NULL;
	memcpy(moved, pointer, room);
	free(pointer);
	return moved;
}
