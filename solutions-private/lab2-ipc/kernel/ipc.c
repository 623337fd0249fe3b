/*
 * ipc.c - message passing: the five IPC primitives, notifications, and
 * what happens to the partners of a process that dies.
 *
 * The kernel keeps no messages: a message goes from the sender's buffer
 * straight into the receiver's. Whichever of the two comes first waits:
 *   - a sender whose destination is not receiving from it joins the end
 *     of the destination's `senders` list and blocks (BLOCKED_SENDING);
 *   - a receiver that finds nothing for it blocks (BLOCKED_RECEIVING),
 *     receive_from saying whom it waits for (ANY or one endpoint).
 * The one who comes second copies the message and wakes the first. A
 * process that blocked gets its result (its eax) from whoever wakes it.
 *
 * SENDREC is a SEND and then a RECEIVE from the same partner: once the
 * partner has taken the request, the caller waits in RECEIVE for the
 * reply. Throughout, in_sendrec is set, and the RECEIVE half takes only
 * the reply, never a notification: a server that notifies a client
 * before answering it must not be mistaken for the answer. A SENDREC to
 * SYSTEM is a kernel call (system.c): it is answered at once.
 *
 * NOTIFY never blocks and carries no data. It sets the notifier's bit in
 * the destination's pending_notifications, and if the destination is
 * waiting for it, hands over a NOTIFY_MESSAGE at once. Notifying again
 * before the destination receives sets the same bit: N notifies coalesce
 * into one message.
 *
 * RECEIVE takes, in this order: the first queued sender the source
 * accepts (in the order they came), then the pending notification of the
 * lowest slot the source accepts; with neither, it blocks.
 *
 * Entry points: ipc_trap (the T_SYSCALL trap), ipc_cleanup (proc_kill),
 * notify_from_kernel (interrupts, alarms), deliver_from_kernel (the
 * SYSTEM task's replies), ipc_abandon (lab 3's exec and sigreturn).
 */

#include "kernel.h"
#include "string.h"
#include "devices.h"
#include "proc.h"
#include "system.h"

/* Inside this file only: the primitive blocked the caller, whose result
 * is written into its trap frame when it is woken. Never a real result:
 * those are OK (0) or negative. */
#define RESULT_LATER 1

/* What deliver_to_waiting returns when the destination did not take the
 * message: the sender has to wait (or SENDNB fails). */
#define NOT_DELIVERED 2

/*
 * How a process may use each kernel task, as TRAP_BIT(primitive): a kernel
 * call is a SENDREC to SYSTEM; HARDWARE and CLOCK only send notifications,
 * so they may only be named as the source of a RECEIVE.
 */
static const uint32_t kernel_task_primitives[FIRST_USER_SLOT] = {
	[SYSTEM] = TRAP_BIT(IPC_SENDREC),
	[HARDWARE] = TRAP_BIT(IPC_RECEIVE),
	[CLOCK] = TRAP_BIT(IPC_RECEIVE),
};

/* The pending-notification bit of slot. */
static uint64_t slot_bit(int slot)
{
	return (uint64_t) 1 << slot;
}

/*
 * End process's wait in SEND or RECEIVE: result is what its trap returns.
 * It becomes ready unless something else still holds it.
 */
static void wake(struct proc *process, int result)
{
	process->frame->eax = result;
	process->in_sendrec = false;
	proc_unblock(process, BLOCKED_SENDING | BLOCKED_RECEIVING);
}

/* Whether receiver is blocked in RECEIVE waiting for a message from source. */
static bool is_receiving_from(const struct proc *receiver, endpoint_t source)
{
	return (receiver->blocked & BLOCKED_RECEIVING) &&
	       (receiver->receive_from == ANY || receiver->receive_from == source);
}

/*
 * Take sender (blocked in SEND) off its destination's senders list. The
 * destination is alive: ipc_cleanup empties a dying process's list.
 */
static void remove_sender(struct proc *sender)
{
	struct proc *destination = proc_from_endpoint(sender->send_to);
	struct proc **link = &destination->senders;

	while (*link != sender)
		link = &(*link)->next_sender;
	*link = sender->next_sender;
	sender->next_sender = NULL;
}

/*
 * A queued sender's SEND is over with result. If it succeeded and was the
 * SEND of a SENDREC, the sender now waits in RECEIVE for its partner's
 * reply; otherwise it is woken with result.
 */
static void finish_send(struct proc *sender, int result)
{
	remove_sender(sender);
	if (result == OK && sender->in_sendrec) {
		sender->receive_from = sender->send_to;
		/* Block first: it must not be ready for a moment in between. */
		proc_block(sender, BLOCKED_RECEIVING);
		proc_unblock(sender, BLOCKED_SENDING);
	} else {
		wake(sender, result);
	}
}

/*
 * Read the message at address in sender's memory into m, its source set
 * to sender. OK, or EFAULT when the buffer is bad.
 */
static int read_message(const struct proc *sender, uint32_t address, message *m)
{
	int result = copy_from_user(sender, m, address, sizeof(*m));

	m->source = sender->endpoint;
	return result;
}

/*
 * Whether a whole message at address lies in process's memory: readable,
 * and writable too when writing is set (a buffer that receives).
 */
static bool is_message_buffer(const struct proc *process, uint32_t address, bool writing)
{
	return user_range_ok(process, address, sizeof(message), writing);
}

/*
 * The first process on receiver's senders list that source (ANY or one
 * endpoint) accepts, or NULL.
 */
static struct proc *first_sender(const struct proc *receiver, endpoint_t source)
{
	struct proc *sender;

	for (sender = receiver->senders; sender != NULL; sender = sender->next_sender) {
		if (source == ANY || sender->endpoint == source)
			break;
	}
	return sender;
}

/*
 * The lowest slot with a pending notification for receiver that source
 * (ANY or one endpoint) accepts, or -1. Always -1 in a SENDREC: it waits
 * for a reply only.
 */
static int first_notification(const struct proc *receiver, endpoint_t source)
{
	uint64_t pending = receiver->pending_notifications;

	if (receiver->in_sendrec || pending == 0)
		return -1;
	if (source != ANY)
		return pending & slot_bit(ENDPOINT_SLOT(source)) ? ENDPOINT_SLOT(source) : -1;
	return __builtin_ctzll(pending);	/* the lowest slot with its bit set */
}

/*
 * Clear receiver's pending notification from slot and build the message
 * that reports it: source = the notifier's endpoint, the time, and for
 * HARDWARE the interrupts that happened since the last one.
 */
static void take_notification(struct proc *receiver, int slot, message *m)
{
	memset(m, 0, sizeof(*m));
	m->source = process_table[slot].endpoint;
	m->type = NOTIFY_MESSAGE;
	m->payload.notification.ticks = clock_ticks();
	if (slot == HARDWARE) {
		m->payload.notification.interrupts = receiver->pending_interrupts;
		receiver->pending_interrupts = 0;
	}
	receiver->pending_notifications &= ~slot_bit(slot);
}

/*
 * SEND's meeting point: destination is blocked in RECEIVE and waits for
 * sender (it receives from ANY or from sender). Copy the message at
 * address in sender's memory into the buffer destination waits with
 * (destination->message_address), source set to sender, and wake
 * destination with OK.
 *
 * Returns OK when the message was delivered; NOT_DELIVERED when
 * destination was not waiting for sender, or its own buffer was bad (then
 * it is woken with EFAULT and the sender goes on as if it had not been
 * waiting); EFAULT when sender's buffer is bad (destination keeps waiting).
 */
static int deliver_to_waiting(struct proc *sender, uint32_t address, struct proc *destination)
{
	/* LAB 2: your code here.
	 * Hint: is_receiving_from() says whether destination waits for
	 * sender->endpoint. read_message() fetches the message with its
	 * source set; copy_to_user() puts it at destination->message_address;
	 * wake() ends destination's RECEIVE with a result. */
	/* SOLUTION BEGIN lab2:send */
	message m;

	if (!is_receiving_from(destination, sender->endpoint))
		return NOT_DELIVERED;
	if (read_message(sender, address, &m) != OK)
		return -EFAULT;
	if (copy_to_user(destination, destination->message_address, &m, sizeof(m)) != OK) {
		wake(destination, -EFAULT);
		return NOT_DELIVERED;
	}
	wake(destination, OK);
	return OK;
	/* SOLUTION ELSE
	(void) read_message;
	panic("LAB 2: deliver_to_waiting() is not written yet");
	   SOLUTION END */
}

/*
 * Whether caller, blocking in a SEND to destination, would close a cycle
 * of processes each blocked sending to the next, so that none of them
 * could ever receive: follow send_to from destination for as long as the
 * process there is BLOCKED_SENDING, and see whether the chain comes back
 * to caller. The walk ends: every SEND that blocked was checked, so no
 * cycle exists yet.
 *
 * The reply to a SENDREC is no cycle, and never reaches this walk: once
 * B has taken A's request, A waits in RECEIVE from B (not in SEND), so
 * B's SEND of the reply finds A receiving and is delivered at once. Only
 * a SENDREC whose request nobody has taken yet counts as sending.
 */
static bool would_deadlock(const struct proc *caller, const struct proc *destination)
{
	/* LAB 2: your code here.
	 * Hint: start at destination; while the process is not caller and is
	 * BLOCKED_SENDING, go on to proc_from_endpoint(process->send_to).
	 * Reaching caller is a deadlock. */
	/* SOLUTION BEGIN lab2:deadlock */
	const struct proc *process = destination;

	while (process != NULL) {
		if (process == caller)
			return true;
		if (!(process->blocked & BLOCKED_SENDING))
			return false;
		process = proc_from_endpoint(process->send_to);
	}
	return false;
	/* SOLUTION ELSE
	panic("LAB 2: would_deadlock() is not written yet");
	   SOLUTION END */
}

/*
 * SEND, SENDREC's first half, or SENDNB (primitive says which) of the
 * message at address from caller to destination: delivered now if
 * destination waits for it; else SENDNB fails with ENOTREADY and the
 * others block caller at the end of destination's senders list (for a
 * SENDREC, sendrec has set in_sendrec already). Copying the message
 * checks caller's buffer; one that is not copied now is checked here.
 */
static int send(struct proc *caller, int primitive, struct proc *destination, uint32_t address)
{
	int result = deliver_to_waiting(caller, address, destination);

	if (result != NOT_DELIVERED)
		return result;
	if (!is_message_buffer(caller, address, false))
		return -EFAULT;
	if (primitive == IPC_SENDNB)
		return -ENOTREADY;
	if (would_deadlock(caller, destination))
		return -ELOCKED;

	struct proc **link = &destination->senders;
	while (*link != NULL)
		link = &(*link)->next_sender;
	*link = caller;
	caller->next_sender = NULL;
	caller->send_to = destination->endpoint;
	proc_block(caller, BLOCKED_SENDING);
	return RESULT_LATER;
}

/*
 * RECEIVE into the buffer at address in caller's memory, from source (ANY
 * or an endpoint): the first queued sender source accepts, else the
 * lowest pending notification it accepts, else block until one comes.
 * A queued sender whose own buffer is bad gets EFAULT and the next one is
 * tried; when caller's buffer is bad, caller gets EFAULT and the sender
 * stays queued.
 */
static int receive(struct proc *caller, endpoint_t source, uint32_t address)
{
	/* LAB 2: your code here.
	 * Hint: first_sender() finds a queued sender; read_message() its
	 * message at sender->message_address; copy_to_user() into address;
	 * finish_send() ends its SEND. Else first_notification() and
	 * take_notification() build a NOTIFY_MESSAGE. Else set receive_from,
	 * proc_block() caller (BLOCKED_RECEIVING) and return RESULT_LATER. */
	/* SOLUTION BEGIN lab2:receive */
	struct proc *sender;
	message m;

	while ((sender = first_sender(caller, source)) != NULL) {
		if (read_message(sender, sender->message_address, &m) != OK) {
			finish_send(sender, -EFAULT);
			continue;
		}
		if (copy_to_user(caller, address, &m, sizeof(m)) != OK)
			return -EFAULT;
		finish_send(sender, OK);
		return OK;
	}

	int slot = first_notification(caller, source);
	if (slot >= 0) {
		take_notification(caller, slot, &m);
		return copy_to_user(caller, address, &m, sizeof(m));
	}

	caller->receive_from = source;
	proc_block(caller, BLOCKED_RECEIVING);
	return RESULT_LATER;
	/* SOLUTION ELSE
	(void) first_sender;
	(void) first_notification;
	(void) finish_send;
	panic("LAB 2: receive() is not written yet");
	   SOLUTION END */
}

/*
 * SENDREC: send the request at address to partner, then wait in RECEIVE
 * for its reply, which comes into the same buffer. If the request had to
 * queue, the rest happens when partner receives it (finish_send).
 * in_sendrec stays set until the call is over: whoever wakes caller
 * clears it.
 */
static int sendrec(struct proc *caller, struct proc *partner, uint32_t address)
{
	int result;

	caller->in_sendrec = true;
	result = send(caller, IPC_SENDREC, partner, address);
	if (result == OK) {
		/* partner was waiting in RECEIVE: it has not replied yet. */
		caller->receive_from = partner->endpoint;
		proc_block(caller, BLOCKED_RECEIVING);
		return RESULT_LATER;
	}
	if (result != RESULT_LATER)
		caller->in_sendrec = false;
	return result;
}

/*
 * NOTIFY from source (a process's endpoint, or HARDWARE, CLOCK, SYSTEM) to
 * destination. Never blocks: set source's pending bit, and if destination
 * waits for source (and not for a SENDREC's reply), hand the notification
 * over now.
 */
static void notify(endpoint_t source, struct proc *destination)
{
	int slot = ENDPOINT_SLOT(source);
	message m;

	destination->pending_notifications |= slot_bit(slot);
	if (!is_receiving_from(destination, source) || destination->in_sendrec)
		return;
	take_notification(destination, slot, &m);
	wake(destination, copy_to_user(destination, destination->message_address, &m, sizeof(m)));
}

/*
 * Check caller's IPC request, in this order, then carry it out:
 *   1. the primitive exists and caller's record allows it (ETRAPDENIED);
 *   2. the endpoint is ANY (RECEIVE only) or a live process (EDEADEPT);
 *      a kernel task is used only as kernel_task_primitives says
 *      (ETRAPDENIED);
 *   3. caller may send to a process it sends to (EPERM);
 *   4. the message buffer lies in caller's memory (EFAULT): a buffer
 *      that receives is checked now, for a process must not wait with a
 *      buffer that no message can go into (nor SENDREC's partner be left
 *      with a reply nobody can take); a SEND's is checked as it is read.
 * Returns the result, or RESULT_LATER when caller blocked.
 */
static int ipc_request(struct proc *caller, int primitive, endpoint_t endpoint, uint32_t address)
{
	struct proc *partner = NULL;

	if (primitive < IPC_SEND || primitive > IPC_SENDNB ||
	    !(caller->privilege.allowed_traps & TRAP_BIT(primitive)))
		return -ETRAPDENIED;

	if (endpoint != ANY) {
		partner = proc_from_endpoint(endpoint);
		if (partner == NULL)
			return -EDEADEPT;
	} else if (primitive != IPC_RECEIVE) {
		return -EDEADEPT;
	}

	if (partner != NULL && partner->slot < FIRST_USER_SLOT) {
		if (!(kernel_task_primitives[partner->slot] & TRAP_BIT(primitive)))
			return -ETRAPDENIED;
	} else if (primitive != IPC_RECEIVE && !may_send_to(caller, partner)) {
		return -EPERM;
	}

	caller->message_address = address;
	if (partner != NULL && partner->slot == SYSTEM)
		return system_call(caller);	/* it reads the buffer itself */
	if ((primitive == IPC_RECEIVE || primitive == IPC_SENDREC) &&
	    !is_message_buffer(caller, address, true))
		return -EFAULT;

	switch (primitive) {
	case IPC_SEND:
	case IPC_SENDNB:
		return send(caller, primitive, partner, address);
	case IPC_RECEIVE:
		if (partner == caller)
			return -ELOCKED;	/* nobody else could ever wake it */
		return receive(caller, endpoint, address);
	case IPC_SENDREC:
		return sendrec(caller, partner, address);
	case IPC_NOTIFY:
		notify(caller->endpoint, partner);
		return OK;
	}
	return -ETRAPDENIED;
}

/*
 * The T_SYSCALL trap of current: eax = primitive, ebx = endpoint, ecx =
 * message address. The result goes into eax now, or, if current blocked,
 * when it is woken. The caller (usertrap.c) schedules next.
 */
void ipc_trap(struct trap_frame *frame)
{
	int result = ipc_request(current, frame->eax, frame->ebx, frame->ecx);

	if (result != RESULT_LATER)
		frame->eax = result;
}

/*
 * dying is about to be freed: nobody may keep waiting for it. Processes
 * blocked sending to it get EDSTDIED, processes blocked receiving from it
 * (a SENDREC waiting for its reply too) get ESRCDIED, its own pending
 * SEND leaves its destination's list, and its notifications that nobody
 * received yet are dropped.
 */
void ipc_cleanup(struct proc *dying)
{
	if (dying->blocked & BLOCKED_SENDING)
		remove_sender(dying);

	while (dying->senders != NULL) {
		struct proc *sender = dying->senders;

		dying->senders = sender->next_sender;
		sender->next_sender = NULL;
		wake(sender, -EDSTDIED);
	}

	for (int slot = 0; slot < PROCESS_SLOTS; slot++) {
		struct proc *process = &process_table[slot];

		if (process == dying || (process->blocked & BLOCKED_SLOT_FREE))
			continue;
		if ((process->blocked & BLOCKED_RECEIVING) && process->receive_from == dying->endpoint)
			wake(process, -ESRCDIED);
		process->pending_notifications &= ~slot_bit(dying->slot);
	}

	dying->in_sendrec = false;
	dying->pending_notifications = 0;
	dying->pending_interrupts = 0;
}

/*
 * End process's SEND or RECEIVE without completing it (lab 3: exec and
 * sigreturn replace the registers of a process blocked in a SENDREC to
 * PM). Its trap's result is left as the new registers have it.
 */
void ipc_abandon(struct proc *process)
{
	if (process->blocked & BLOCKED_SENDING)
		remove_sender(process);
	process->in_sendrec = false;
	process->receive_from = NONE;
	process->send_to = NONE;
	proc_unblock(process, BLOCKED_SENDING | BLOCKED_RECEIVING);
}

/*
 * A notification from a kernel task (HARDWARE for interrupts, whose bits
 * the caller has already set in destination's pending_interrupts; CLOCK
 * for alarms; SYSTEM). Works from interrupt handlers: it never blocks.
 */
void notify_from_kernel(endpoint_t source, struct proc *destination)
{
	notify(source, destination);
}

/*
 * Write m (a reply of the SYSTEM task) into destination's message buffer
 * (message_address). destination is not blocked: a kernel call is
 * answered within the caller's own trap. OK, or EFAULT.
 */
int deliver_from_kernel(struct proc *destination, const message *m)
{
	return copy_to_user(destination, destination->message_address, m, sizeof(*m));
}
