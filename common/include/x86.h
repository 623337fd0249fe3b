/*
 * x86.h - inline wrappers for the i386 instructions C cannot express:
 * port I/O, control registers, interrupt flag, descriptor-table loads.
 *
 * Each wrapper is one instruction; the names follow the mnemonic.
 */
#ifndef CAIRN_X86_H
#define CAIRN_X86_H

#include "types.h"

static inline uint8_t inb(uint16_t port)
{
	uint8_t value;
	__asm__ volatile("inb %1, %0" : "=a"(value) : "d"(port));
	return value;
}

static inline uint16_t inw(uint16_t port)
{
	uint16_t value;
	__asm__ volatile("inw %1, %0" : "=a"(value) : "d"(port));
	return value;
}

static inline uint32_t inl(uint16_t port)
{
	uint32_t value;
	__asm__ volatile("inl %1, %0" : "=a"(value) : "d"(port));
	return value;
}

static inline void outb(uint16_t port, uint8_t value)
{
	__asm__ volatile("outb %0, %1" : : "a"(value), "d"(port));
}

static inline void outw(uint16_t port, uint16_t value)
{
	__asm__ volatile("outw %0, %1" : : "a"(value), "d"(port));
}

static inline void outl(uint16_t port, uint32_t value)
{
	__asm__ volatile("outl %0, %1" : : "a"(value), "d"(port));
}

/* Read count 16-bit words from port into buffer (string I/O). */
static inline void insw(uint16_t port, void *buffer, uint32_t count)
{
	__asm__ volatile("cld; rep insw"
			 : "+D"(buffer), "+c"(count)
			 : "d"(port)
			 : "memory");
}

/* Write count 16-bit words from buffer to port. */
static inline void outsw(uint16_t port, const void *buffer, uint32_t count)
{
	__asm__ volatile("cld; rep outsw"
			 : "+S"(buffer), "+c"(count)
			 : "d"(port));
}

static inline void cli(void) { __asm__ volatile("cli"); }
static inline void sti(void) { __asm__ volatile("sti"); }
static inline void hlt(void) { __asm__ volatile("hlt"); }

/* Enable interrupts and halt in one step, so no interrupt slips between. */
static inline void sti_hlt(void) { __asm__ volatile("sti; hlt"); }

static inline uint32_t read_eflags(void)
{
	uint32_t eflags;
	__asm__ volatile("pushfl; popl %0" : "=r"(eflags));
	return eflags;
}

static inline uint32_t read_ebp(void)
{
	uint32_t ebp;
	__asm__ volatile("movl %%ebp, %0" : "=r"(ebp));
	return ebp;
}

static inline uint32_t read_cr0(void)
{
	uint32_t value;
	__asm__ volatile("movl %%cr0, %0" : "=r"(value));
	return value;
}

static inline void write_cr0(uint32_t value)
{
	__asm__ volatile("movl %0, %%cr0" : : "r"(value));
}

static inline uint32_t read_cr2(void)
{
	uint32_t value;
	__asm__ volatile("movl %%cr2, %0" : "=r"(value));
	return value;
}

static inline uint32_t read_cr3(void)
{
	uint32_t value;
	__asm__ volatile("movl %%cr3, %0" : "=r"(value));
	return value;
}

static inline void write_cr3(uint32_t value)
{
	__asm__ volatile("movl %0, %%cr3" : : "r"(value) : "memory");
}

static inline uint32_t read_cr4(void)
{
	uint32_t value;
	__asm__ volatile("movl %%cr4, %0" : "=r"(value));
	return value;
}

static inline void write_cr4(uint32_t value)
{
	__asm__ volatile("movl %0, %%cr4" : : "r"(value));
}

static inline void invlpg(uint32_t virtual_address)
{
	__asm__ volatile("invlpg (%0)" : : "r"(virtual_address) : "memory");
}

/* A descriptor-table pointer, as lgdt and lidt expect it in memory. */
struct table_pointer {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

static inline void lgdt(const struct table_pointer *pointer)
{
	__asm__ volatile("lgdt (%0)" : : "r"(pointer));
}

static inline void lidt(const struct table_pointer *pointer)
{
	__asm__ volatile("lidt (%0)" : : "r"(pointer));
}

static inline void ltr(uint16_t selector)
{
	__asm__ volatile("ltr %0" : : "r"(selector));
}

#endif /* CAIRN_X86_H */
