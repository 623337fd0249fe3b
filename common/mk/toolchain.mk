# toolchain.mk - which compiler, linker and emulators the build uses.
#
# An i386-elf- or i686-elf- cross toolchain is used when one is installed
# (macOS and other non-x86 hosts); otherwise the host gcc with -m32, which
# on Debian needs gcc-multilib. Override with TOOLPREFIX=... on the command line.

ifndef TOOLPREFIX
TOOLPREFIX := $(firstword $(foreach p,i386-elf- i686-elf-,\
	$(if $(shell command -v $(p)gcc 2>/dev/null),$(p))))
endif

CC      := $(TOOLPREFIX)gcc
LD      := $(TOOLPREFIX)ld
OBJCOPY := $(TOOLPREFIX)objcopy
AR      := $(TOOLPREFIX)ar
NM      := $(TOOLPREFIX)nm
QEMU    ?= qemu-system-i386
BOCHS   ?= bochs
GDB     ?= gdb
PYTHON  ?= python3

# Flags every piece of freestanding code is compiled with.
TARGET_CFLAGS := -m32 -march=i386 -ffreestanding -fno-pic -no-pie \
	-fno-stack-protector -fno-asynchronous-unwind-tables -fno-builtin \
	-fno-omit-frame-pointer -nostdinc -std=gnu11 -g \
	-Wall -Wextra -Wno-unused-parameter -Werror=implicit-function-declaration \
	-Icommon/include
TARGET_ASFLAGS := -m32 -g -nostdinc -Icommon/include -D__ASSEMBLER__
TARGET_LDFLAGS := -m32 -nostdlib -static -no-pie -Wl,--build-id=none \
	-Wl,-z,noexecstack -Wl,--no-warn-rwx-segments
LIBGCC = $(shell $(CC) -m32 -print-libgcc-file-name 2>/dev/null)
