/*
 * servers.h - the system processes of lab 3 on and how to talk to them:
 * their boot endpoints (endpoints.h) and one header per protocol
 * (protocol/pm.h, fs.h, ds.h, device.h). The kernel includes none of
 * them; payloads.h puts their payloads in the message union for everyone
 * else (m.payload.pm_exec ...), each checked to fit in 56 bytes.
 *
 * Conventions, for every protocol here:
 *  - A request is a SENDREC to the server; the reply's type is the result:
 *    a value >= 0 (a pid, a count, a file descriptor) or a negative error
 *    number (errors.h). Values beyond one word come back in the payload.
 *  - Addresses in a request are in the caller's address space. PM and FS
 *    reach a user's memory with SYS_VIRCOPY; drivers only ever get grants.
 *  - A path is an address and a length (without the NUL), at most PATH_MAX.
 *  - A server that cannot answer at once (wait, a pipe, the console) keeps
 *    the caller blocked in its SENDREC and replies later: its handler
 *    returns NO_REPLY, which (being negative) no count or pid can equal.
 */
#ifndef CAIRN_SERVERS_H
#define CAIRN_SERVERS_H

#include "ipc.h"
#include "errors.h"
#include "endpoints.h"
#include "protocol/pm.h"
#include "protocol/fs.h"
#include "protocol/ds.h"
#include "protocol/device.h"

/* A handler's result meaning "no reply yet" (PM's and FS's request loops). */
#define NO_REPLY (-ESUSPEND)

#endif /* CAIRN_SERVERS_H */
