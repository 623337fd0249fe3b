/*
 * kcall_grant.c - memory grants: SYS_SETGRANT, SYS_SAFECOPYFROM and
 * SYS_SAFECOPYTO.
 *
 * A process (the grantor) lets another (the grantee) copy from or into a
 * range of its memory without trusting it with anything else. It keeps a
 * table of struct grant in its own memory and tells the kernel where the
 * table is (SYS_SETGRANT); it then sends the grantee the index of an
 * entry (a grant id). The grantee names the grantor and the grant id in a
 * safe copy; the kernel reads that entry from the grantor's memory at the
 * moment of the copy, checks it (grant_allows) and copies. The grantor
 * can change or revoke an entry at any time by writing its own table.
 *
 * Errors: a grant id outside the table is EINVAL; an entry that does not
 * allow this copy is EPERM; a bad address on either side is EFAULT.
 *
 * Entry points: the handlers do_setgrant and do_safecopy, through KERNEL_CALL.
 */

#include "kernel.h"
#include "proc.h"
#include "system.h"

/* SYS_SETGRANT: remember where the caller's grant table is (0: none). */
static int do_setgrant(struct proc *caller, message *m)
{
	caller->privilege.grant_table = m->payload.setgrant.table;
	caller->privilege.grant_count = m->payload.setgrant.table == 0 ? 0 : m->payload.setgrant.count;
	return OK;
}
KERNEL_CALL(SYS_SETGRANT, do_setgrant);

/*
 * Whether grant lets grantee copy bytes at offset in the granted range,
 * with access GRANT_READ (copy out of the range) or GRANT_WRITE (into it):
 * the entry is in use (GRANT_VALID), made out to grantee's endpoint, has
 * the access bit, and the whole copy lies in [0, size) of the range.
 * offset and bytes come from the grantee: offset + bytes may overflow.
 */
static bool grant_allows(const struct grant *grant, const struct proc *grantee,
			 uint32_t access, uint32_t offset, uint32_t bytes)
{
	/* LAB 2: your code here.
	 * Hint: check the flags (GRANT_VALID and access), grant->grantee
	 * against grantee->endpoint, then the range. Do not compute
	 * offset + bytes: compare offset with size, then bytes with
	 * size - offset, so a huge offset cannot wrap around. */
	panic("LAB 2: grant_allows() is not written yet");
}

/*
 * SYS_SAFECOPYFROM (from the grantor's range into the caller) and
 * SYS_SAFECOPYTO (from the caller into the grantor's range).
 */
static int do_safecopy(struct proc *caller, message *m)
{
	const struct kcall_safecopy *request = &m->payload.safecopy;
	bool into_caller = (m->type == SYS_SAFECOPYFROM);
	struct proc *grantor = proc_from_endpoint(request->grantor);
	struct grant grant;

	if (grantor == NULL || grantor->slot < FIRST_USER_SLOT)
		return -EDEADEPT;
	if (request->grant < 0 || (uint32_t) request->grant >= grantor->privilege.grant_count)
		return -EINVAL;
	uint32_t entry = grantor->privilege.grant_table + request->grant * sizeof(grant);
	if (copy_from_user(grantor, &grant, entry, sizeof(grant)) != OK)
		return -EFAULT;
	if (!grant_allows(&grant, caller, into_caller ? GRANT_READ : GRANT_WRITE,
			  request->offset, request->bytes))
		return -EPERM;

	uint32_t granted = grant.address + request->offset;
	if (into_caller)
		return copy_between(grantor, granted, caller, request->address, request->bytes);
	return copy_between(caller, request->address, grantor, granted, request->bytes);
}
KERNEL_CALL(SYS_SAFECOPYFROM, do_safecopy);
KERNEL_CALL(SYS_SAFECOPYTO, do_safecopy);
