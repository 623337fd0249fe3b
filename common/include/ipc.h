/*
 * ipc.h - messages and message passing: the one interface between every
 * process of the system and the kernel.
 *
 * A message is 64 bytes: who sent it (filled in by the kernel), its type,
 * and a 56-byte payload whose layout the type selects. Payload structs for
 * every message type are declared in messages.h; each is checked at compile
 * time to fit.
 *
 * Endpoints name processes. An endpoint is (generation << 8) | slot: the
 * slot is the process-table entry, the generation counts how often that
 * slot has been reused, so a message to an endpoint of a process that has
 * died (and whose slot now holds another) is refused with EDEADEPT.
 *
 * The primitives (trap T_SYSCALL, vector 48; eax = primitive, ebx = endpoint,
 * ecx = message address; the result comes back in eax):
 *   SEND      block until destination receives the message
 *   RECEIVE   block until a message from source (or ANY) arrives
 *   SENDREC   SEND then RECEIVE from the same process, in one call
 *   NOTIFY    never blocks: deliver a "something happened" bit to the
 *             destination; repeated notifies before it receives coalesce
 *   SENDNB    SEND, but fail with ENOTREADY instead of blocking
 * The kernel copies messages directly from sender to receiver: it buffers
 * nothing, so no IPC can run the kernel out of memory.
 */
#ifndef CAIRN_IPC_H
#define CAIRN_IPC_H

#include "types.h"
#include "payloads.h"	/* endpoint_t and the payload of every type */

#define ENDPOINT_SLOT_BITS 8
#define ENDPOINT_SLOT(endpoint) ((endpoint) & ((1 << ENDPOINT_SLOT_BITS) - 1))
#define ENDPOINT_GENERATION(endpoint) ((endpoint) >> ENDPOINT_SLOT_BITS)
#define MAKE_ENDPOINT(generation, slot) (((generation) << ENDPOINT_SLOT_BITS) | (slot))

/* Pseudo endpoints: never a real process. */
#define ANY  (-1)	/* RECEIVE from anyone */
#define NONE (-2)	/* no process */
#define SELF (-3)	/* the caller itself */

/* Kernel tasks and the fixed slots of the boot processes (generation 0). */
#define SYSTEM    0	/* the SYSTEM task: kernel calls are SENDRECs to it */
#define HARDWARE  1	/* source of interrupt notifications */
#define CLOCK     2	/* source of alarm notifications */
#define FIRST_USER_SLOT 3	/* boot processes start here (boot image order) */

/* IPC primitives: the value in eax of a T_SYSCALL trap. */
#define IPC_SEND    1
#define IPC_RECEIVE 2
#define IPC_SENDREC 3
#define IPC_NOTIFY  4
#define IPC_SENDNB  5

#define MESSAGE_SIZE 64

/* A notification arrives as a message of this type from its source. */
#define NOTIFY_MESSAGE 0x1000
typedef struct message {
	endpoint_t source;	/* set by the kernel on delivery */
	int32_t type;		/* request or reply type; selects the payload */
	union message_payload payload;
} message;

_Static_assert(sizeof(message) == MESSAGE_SIZE, "a message is 64 bytes");

#endif /* CAIRN_IPC_H */
