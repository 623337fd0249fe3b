/*
 * protocol/ds.h - the data store's requests and replies (types 0x300 ...).
 * The conventions of every server protocol are in servers.h.
 */
#ifndef CAIRN_PROTOCOL_DS_H
#define CAIRN_PROTOCOL_DS_H

#include "messages.h"
#include "errors.h"
#include "posix.h"

/* ---- DS: the data store (types 0x300 ...) ----
 * A name maps to one 32-bit value, usually an endpoint ("memory" -> the
 * memory driver's endpoint). Only system processes may publish. A
 * subscriber gets a notification from DS when a name it watches changes,
 * then asks DS_CHECK for the changes one at a time. */
#define DS_BASE      0x300
#define DS_PUBLISH   (DS_BASE + 0)	/* ds_entry */
#define DS_LOOKUP    (DS_BASE + 1)	/* ds_entry (name) -> value in it; ENOENT */
#define DS_DELETE    (DS_BASE + 2)	/* ds_entry (name) */
#define DS_SUBSCRIBE (DS_BASE + 3)	/* ds_entry: name is a prefix to watch */
#define DS_CHECK     (DS_BASE + 4)	/* -> a changed ds_entry; ENOENT when none is left */
#define DS_NAME_LENGTH 32		/* with the NUL */
struct ds_entry {
	char name[DS_NAME_LENGTH];
	uint32_t value;
	uint32_t flags;		/* reply of DS_CHECK: DS_DELETED if it is gone */
};
#define DS_DELETED 1

#endif /* CAIRN_PROTOCOL_DS_H */
