/*
 * kcall_signal.c - signals, the kernel's part: faults become signals for
 * PM to deliver, and PM's SYS_SIGSEND / SYS_SIGRETURN run a handler in a
 * process and resume it afterwards.
 *
 * Signals are PM's business: which ones a process catches, blocks or
 * ignores. The kernel only does what PM cannot (a write to a page shared
 * copy on write never gets here: address.c's fault handler comes first):
 *  - A process that faults (a bad pointer, a division by zero) is stopped
 *    (BLOCKED_FAULTED) and its signal manager, the process whose privilege
 *    record says so (PM), gets a notification from SYSTEM; PM asks
 *    SYS_GETKSIG which process it was and which signal, and decides: kill
 *    it (SYS_EXIT) or run its handler (SYS_SIGSEND, which also lets it go).
 *  - SYS_SIGSEND pushes the process's registers on its own stack as a
 *    struct sigcontext (posix.h), then the signal number and a return
 *    address (the C library's trampoline), and points eip at the handler.
 *    When the handler returns, the trampoline asks PM for sigreturn, and
 *    PM's SYS_SIGRETURN loads the registers back from that context.
 *
 * Entry points: the handlers through KERNEL_CALL, and the INIT hook
 * signal_init, which adds the fault handler to usertrap.c's.
 */

#include "kernel.h"
#include "gdt.h"
#include "x86.h"
#include "posix.h"
#include "proc.h"
#include "system.h"

/* The signals the kernel raised for each slot, until PM fetches them. */
static struct {
	endpoint_t endpoint;	/* whom they are for (the slot may be reused) */
	uint32_t signals;
	uint32_t eip;
	uint32_t address;
} raised[PROCESS_SLOTS];

/* The signal an exception vector means. */
static int signal_for_vector(int vector)
{
	switch (vector) {
	case T_DIVIDE:
		return SIGFPE;
	case T_BREAKPOINT:
	case T_DEBUG:
		return SIGTRAP;
	case T_INVALID_OP:
		return SIGILL;
	default:
		return SIGSEGV;
	}
}

/* The process that gets fault reports (its privilege record says so), or NULL. */
static struct proc *signal_manager(void)
{
	for (int slot = 0; slot < PROCESS_SLOTS; slot++) {
		struct proc *process = &process_table[slot];
		if (!(process->blocked & BLOCKED_SLOT_FREE) && process->privilege.signal_manager)
			return process;
	}
	return NULL;
}

/*
 * A fault handler (usertrap.c): stop the process and tell its signal
 * manager. Without one, or when the manager itself faulted, nobody can
 * decide: pass the fault on (the process is killed).
 */
static bool user_fault(struct trap_frame *frame)
{
	struct proc *manager = signal_manager();
	int slot = current->slot;

	if (manager == NULL || manager == current)
		return false;
	if (raised[slot].endpoint != current->endpoint)
		raised[slot].signals = 0;
	raised[slot].endpoint = current->endpoint;
	raised[slot].signals |= 1U << signal_for_vector(frame->vector);
	raised[slot].eip = frame->eip;
	raised[slot].address = frame->vector == T_PAGE_FAULT ? read_cr2() : 0;
	proc_block(current, BLOCKED_FAULTED);
	notify_from_kernel(SYSTEM, manager);
	return true;
}

static void signal_init(void)
{
	usertrap_add_fault_handler(user_fault);
}
KERNEL_INIT(signal_init, INIT_STAGE_TRAPS + 1);

/* SYS_GETKSIG: one process with signals raised (ENOENT: none left). */
static int do_getksig(struct proc *caller, message *m)
{
	struct kcall_getksig *reply = &m->payload.getksig;

	for (int slot = FIRST_USER_SLOT; slot < PROCESS_SLOTS; slot++) {
		if (raised[slot].signals == 0)
			continue;
		if (proc_from_endpoint(raised[slot].endpoint) == NULL) {
			raised[slot].signals = 0;	/* it died meanwhile */
			continue;
		}
		reply->target = raised[slot].endpoint;
		reply->signals = raised[slot].signals;
		reply->eip = raised[slot].eip;
		reply->address = raised[slot].address;
		raised[slot].signals = 0;
		return OK;
	}
	return -ENOENT;
}
KERNEL_CALL(SYS_GETKSIG, do_getksig);

/* What a handler finds on its stack, lowest address first. */
struct signal_frame {
	uint32_t return_address;	/* the trampoline */
	uint32_t signal;		/* the handler's argument */
	struct sigcontext context;
};

/*
 * SYS_SIGSEND: save target's registers on its stack and start the
 * handler. EBUSY while target is in the middle of an IPC; EFAULT when
 * its stack has no room (PM then kills it).
 */
static int do_sigsend(struct proc *caller, message *m)
{
	const struct kcall_sigsend *request = &m->payload.sigsend;
	struct proc *target = proc_from_endpoint(request->target);
	struct trap_frame *frame;
	struct signal_frame pushed;
	uint32_t stack;

	if (target == NULL || target->slot < FIRST_USER_SLOT || target == caller)
		return -EDEADEPT;
	if (target->blocked & (BLOCKED_SENDING | BLOCKED_RECEIVING))
		return -EBUSY;
	frame = target->frame;
	pushed.return_address = request->trampoline;
	pushed.signal = request->signal;
	pushed.context = (struct sigcontext) {
		.edi = frame->edi, .esi = frame->esi, .ebp = frame->ebp, .ebx = frame->ebx,
		.edx = frame->edx, .ecx = frame->ecx, .eax = frame->eax,
		.eip = frame->eip, .eflags = frame->eflags, .esp = frame->user_esp,
		.mask = request->mask, .signal = request->signal,
	};
	stack = frame->user_esp - sizeof(pushed);
	if (stack > frame->user_esp || copy_to_user(target, stack, &pushed, sizeof(pushed)) != OK)
		return -EFAULT;
	frame->user_esp = stack;
	frame->eip = request->handler;
	proc_unblock(target, BLOCKED_FAULTED);
	return OK;
}
KERNEL_CALL(SYS_SIGSEND, do_sigsend);

/* The eflags bits a process may set for itself (arithmetic flags, DF). */
#define EFLAGS_USER_CHANGEABLE 0x00000CD5

/*
 * SYS_SIGRETURN: target resumes with the registers of its sigcontext.
 * Only the general registers, eip, esp and the arithmetic flags come
 * from user memory: the segments stay user ones and interrupts stay on,
 * so a forged context cannot raise the process's privilege.
 */
static int do_sigreturn(struct proc *caller, message *m)
{
	struct kcall_sigreturn *request = &m->payload.sigreturn;
	struct proc *target = proc_from_endpoint(request->target);
	struct trap_frame *frame;
	struct sigcontext context;

	if (target == NULL || target->slot < FIRST_USER_SLOT || target == caller)
		return -EDEADEPT;
	if (copy_from_user(target, &context, request->context, sizeof(context)) != OK)
		return -EFAULT;
	if (target->blocked & (BLOCKED_SENDING | BLOCKED_RECEIVING))
		ipc_abandon(target);	/* its SENDREC of the sigreturn request */
	frame = target->frame;
	frame->edi = context.edi;
	frame->esi = context.esi;
	frame->ebp = context.ebp;
	frame->ebx = context.ebx;
	frame->edx = context.edx;
	frame->ecx = context.ecx;
	frame->eax = context.eax;
	frame->eip = context.eip;
	frame->user_esp = context.esp;
	frame->eflags = (context.eflags & EFLAGS_USER_CHANGEABLE) | EFLAGS_IF | 0x2;
	request->mask = context.mask;
	return OK;
}
KERNEL_CALL(SYS_SIGRETURN, do_sigreturn);
