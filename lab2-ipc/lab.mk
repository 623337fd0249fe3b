# lab.mk - what lab 2 adds: processes, message passing, privileges and the
# SYSTEM task in the kernel; the user-mode library and the programs of the
# lab-2 boot image (the IPC test suite and the benchmark).

KERNEL_SRCS += \
	lab2-ipc/kernel/proc.c \
	lab2-ipc/kernel/sched.c \
	lab2-ipc/kernel/address.c \
	lab2-ipc/kernel/privilege.c \
	lab2-ipc/kernel/bootimage.c \
	lab2-ipc/kernel/switch.S \
	lab2-ipc/kernel/usertrap.c \
	lab2-ipc/kernel/bootprograms.c \
	lab2-ipc/kernel/ipc.c \
	lab2-ipc/kernel/system.c \
	lab2-ipc/kernel/kcall_devio.c \
	lab2-ipc/kernel/kcall_irq.c \
	lab2-ipc/kernel/kcall_grant.c \
	lab2-ipc/kernel/kcall_process.c \
	lab2-ipc/kernel/kcall_info.c

USER_LDSCRIPT := lab2-ipc/user/user.ld
USER_LIB_SRCS += \
	lab2-ipc/user/crt0.S \
	lab2-ipc/user/ipc.S \
	lab2-ipc/user/kcall.c \
	lab2-ipc/user/print.c

IPC_TEST_PROGRAMS := tester peer user driver spinner
USER_PROGRAMS += $(IPC_TEST_PROGRAMS)
tester_SRCS := lab2-ipc/user/tests/tester.c
peer_SRCS := lab2-ipc/user/tests/peer.c lab2-ipc/user/tests/serve.c
user_SRCS := lab2-ipc/user/tests/user.c
driver_SRCS := lab2-ipc/user/tests/driver.c lab2-ipc/user/tests/serve.c
spinner_SRCS := lab2-ipc/user/tests/spinner.c
BOOT_MODULES += $(foreach p,$(IPC_TEST_PROGRAMS),$(p)=$(O)/user/$(p))
