# lab.mk - what lab 1 adds to the build: the boot sector, the loader and
# the kernel core. Later labs append to these lists in their own lab.mk.

BOOTSECT_SRC := lab1-boot/boot/bootsect.S

LOADER_LDSCRIPT := lab1-boot/boot/loader.ld
LOADER_SRCS += \
	lab1-boot/boot/loader_entry.S \
	lab1-boot/boot/loader.c \
	lab1-boot/boot/ata.c \
	lab1-boot/boot/elf.c \
	lab1-boot/boot/serial.c

KERNEL_LDSCRIPT := lab1-boot/kernel/kernel.ld
# CAIRN_KERNEL: the kernel's message union holds only its own payloads
# (common/include/payloads.h); it never sees a server's protocol.
KERNEL_CFLAGS += -DCAIRN_LAB=$(LAB) -DCAIRN_KERNEL
KERNEL_SRCS += \
	lab1-boot/kernel/entry.S \
	lab1-boot/kernel/main.c \
	lab1-boot/kernel/bootparams.c \
	lab1-boot/kernel/console.c \
	lab1-boot/kernel/kprintf.c \
	lab1-boot/kernel/panic.c \
	lab1-boot/kernel/gdt.c \
	lab1-boot/kernel/idt.c \
	lab1-boot/kernel/trapentry.S \
	lab1-boot/kernel/trap.c \
	lab1-boot/kernel/pic.c \
	lab1-boot/kernel/clock.c \
	lab1-boot/kernel/page.c \
	lab1-boot/kernel/vm.c \
	lab1-boot/kernel/symbols.c \
	lab1-boot/kernel/backtrace.c \
	lab1-boot/kernel/monitor.c
