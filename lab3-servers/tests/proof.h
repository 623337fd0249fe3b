/*
 * proof.h - what an "ok" line of a test program proves. Each passed check
 * prints
 *
 *   ok NAME PROOF
 *
 * where PROOF is 8 lowercase hex digits: the 32-bit FNV-1a hash of the
 * text "SEED:NAME:VALUE" (SEED and VALUE in decimal). VALUE is a number
 * the check observed that the grader can work out from the seed on its
 * own (a checksum of the bytes read back, the sum of the children's exit
 * statuses), or 0 where that would cost too much. The grader
 * (grade/lab3.py) computes every proof of the run itself and accepts a
 * check only with that proof: a summary line, or an "ok" line remembered
 * from another run, earns nothing.
 *
 * A FAIL line has no proof: "FAIL NAME: what went wrong".
 */
#ifndef CAIRN_TESTS_PROOF_H
#define CAIRN_TESTS_PROOF_H

#include <stdio.h>

#define FNV_OFFSET_BASIS 2166136261u	/* FNV-1a's published 32-bit constants */
#define FNV_PRIME 16777619u

/* The 32-bit FNV-1a hash of text: each byte xor-ed in, then a multiply. */
static inline unsigned int proof_hash(const char *text)
{
	unsigned int hash = FNV_OFFSET_BASIS;

	for (; *text; text++) {
		hash ^= (unsigned char) *text;
		hash *= FNV_PRIME;
	}
	return hash;
}

/* The proof of check name, run with seed, that observed value. */
static inline unsigned int proof_of(unsigned int seed, const char *name, unsigned int value)
{
	char text[96];

	snprintf(text, sizeof(text), "%u:%s:%u", seed, name, value);
	return proof_hash(text);
}

/* Print the line of a passed check: "ok NAME PROOF". */
static inline void print_ok(unsigned int seed, const char *name, unsigned int value)
{
	printf("ok %s %08x\n", name, proof_of(seed, name, value));
}

#endif /* CAIRN_TESTS_PROOF_H */
