# lab.mk - what lab 3 adds: the process calls in the kernel (fork, exec,
# exit, memory, copies between processes, signals); the servers PM, FS and
# DS, the memory and console drivers, init; the C library, a shell, the
# utilities and the root file system they live in.

L3 := lab3-servers

KERNEL_SRCS += \
	$(L3)/kernel/kcall_fork.c \
	$(L3)/kernel/kcall_exec.c \
	$(L3)/kernel/kcall_memory.c \
	$(L3)/kernel/kcall_signal.c \
	$(L3)/kernel/bootservers.c

# A lab-3 image boots the servers instead of lab 2's IPC test programs.
BOOT_MODULES_DROPPED += $(IPC_TEST_PROGRAMS)

# System processes: lab 2's user library (kernel calls, IPC) and no libc.
SERVER_PROGRAMS := pm fs ds memory tty
USER_PROGRAMS += $(SERVER_PROGRAMS)
SYSLIB := $(L3)/user/syslib.c
# A server's files find its header (fs.h, pm.h) from solutions-private/ too.
USER_CFLAGS += -I$(L3)/fs -I$(L3)/pm -I$(L3)/drivers/lib
pm_SRCS := $(sort $(wildcard $(L3)/pm/*.c)) $(SYSLIB)
fs_SRCS := $(sort $(wildcard $(L3)/fs/*.c)) $(SYSLIB)
ds_SRCS := $(sort $(wildcard $(L3)/ds/*.c)) $(SYSLIB)
# Every driver is built on the driver library (drivers/lib: the request loop).
DRIVER_LIB := $(sort $(wildcard $(L3)/drivers/lib/*.c)) $(SYSLIB)
memory_SRCS := $(sort $(wildcard $(L3)/drivers/memory/*.c)) $(DRIVER_LIB)
tty_SRCS := $(sort $(wildcard $(L3)/drivers/tty/*.c)) $(DRIVER_LIB)

# The C library and the programs over it.
LIBC_INCLUDE := $(L3)/libc/include
LIBC_CRT0 := $(L3)/libc/crt0.S
LIBC_SRCS += lab2-ipc/user/ipc.S $(sort $(wildcard $(L3)/libc/*.c))
UTILITIES := $(sort $(basename $(notdir $(wildcard $(L3)/bin/*.c))))
TEST_PROGRAMS := $(sort $(basename $(notdir $(wildcard $(L3)/tests/*.c))))
POSIX_PROGRAMS += init sh $(UTILITIES) $(TEST_PROGRAMS)
init_SRCS := $(sort $(wildcard $(L3)/init/*.c))
sh_SRCS := $(sort $(wildcard $(L3)/sh/*.c))
$(foreach p,$(UTILITIES),$(eval $(p)_SRCS := $(L3)/bin/$(p).c $(L3)/bin/lib/utility.c))
$(foreach p,$(TEST_PROGRAMS),$(eval $(p)_SRCS := $(L3)/tests/$(p).c))

# The root file system (the GNUmakefile's rule), served from a RAM disk:
# $(L3)/root (etc files) plus /bin, /dev and /tmp. Later labs append.
ROOTFS_PROGRAMS += sh $(UTILITIES) $(TEST_PROGRAMS)
ROOTFS_TREES += $(L3)/root
ROOTFS_DIRS += /tmp:01777 /dev:0755
ROOTFS_NODES += /dev/console=c:4:0:0600 /dev/tty=c:4:0:0666 /dev/ram=b:1:0:0600 \
	/dev/null=c:1:3:0666 /dev/zero=c:1:5:0666

BOOT_MODULES += $(foreach p,$(SERVER_PROGRAMS),$(p)=$(O)/user/$(p)) \
	init=$(O)/bin/init rootfs=$(O)/rootfs.img
