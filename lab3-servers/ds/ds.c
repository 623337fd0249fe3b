/*
 * ds.c - DS, the data store: a small directory where system processes
 * publish names ("memory", "tty") with a 32-bit value (usually their
 * endpoint), so that others can find them without knowing boot slots.
 *
 * A client may subscribe to a prefix. Whenever a name starting with that
 * prefix is published again or deleted, DS marks the name as changed for
 * that subscriber and notifies it; the subscriber then asks DS_CHECK, once
 * per changed name, until DS answers ENOENT. This is how FS learns that a
 * driver was restarted under a new endpoint.
 *
 * DS only ever replies (with SENDNB) and notifies: it never waits for
 * anyone, so no process can hold it up.
 *
 * The state is two tables:
 *   names          every published name, its value, and one "changed" bit
 *                  per subscription that has not checked the change yet;
 *                  a deleted name stays (marked deleted) until every such
 *                  bit is cleared, so that its subscribers can learn it is
 *                  gone.
 *   subscriptions  (subscriber endpoint, prefix) pairs.
 *
 * Entry point: main (the request loop). Requests: DS_PUBLISH, DS_LOOKUP,
 * DS_DELETE, DS_SUBSCRIBE, DS_CHECK (protocol/ds.h).
 */

#include "syslib.h"

#define NAME_SLOTS         64
#define SUBSCRIPTION_SLOTS 32	/* one bit each in struct name_slot.changed_for */

/* A published name. */
struct name_slot {
	bool in_use;
	bool deleted;		/* gone, kept only until its subscribers check */
	char name[DS_NAME_LENGTH];
	uint32_t value;
	uint32_t changed_for;	/* bit n: subscription n has not checked the change */
};

/* A subscriber's interest in every name that starts with prefix. */
struct subscription {
	bool in_use;
	endpoint_t subscriber;
	char prefix[DS_NAME_LENGTH];
};

static struct name_slot names[NAME_SLOTS];
static struct subscription subscriptions[SUBSCRIPTION_SLOTS];

_Static_assert(SUBSCRIPTION_SLOTS <= 32, "changed_for has one bit per subscription");

/* ---- the tables ---- */

/* Whether name is a proper string: not empty, NUL within DS_NAME_LENGTH. */
static bool is_valid_name(const char *name)
{
	size_t length = strnlen(name, DS_NAME_LENGTH);
	return length > 0 && length < DS_NAME_LENGTH;
}

/* The slot holding name (deleted or not), or NULL. */
static struct name_slot *find_name(const char *name)
{
	for (int i = 0; i < NAME_SLOTS; i++) {
		if (names[i].in_use && strcmp(names[i].name, name) == 0)
			return &names[i];
	}
	return NULL;
}

/* A free name slot, or NULL when all NAME_SLOTS are taken. */
static struct name_slot *free_name_slot(void)
{
	for (int i = 0; i < NAME_SLOTS; i++) {
		if (!names[i].in_use)
			return &names[i];
	}
	return NULL;
}

/* Whether name starts with prefix (every name starts with ""). */
static bool has_prefix(const char *name, const char *prefix)
{
	return strncmp(name, prefix, strlen(prefix)) == 0;
}

/*
 * A deleted name whose last subscriber has checked it is of no use any
 * more: free its slot.
 */
static void free_if_forgotten(struct name_slot *slot)
{
	if (slot->deleted && slot->changed_for == 0)
		memset(slot, 0, sizeof(*slot));
}

/*
 * Tell subscription n's owner that something changed. A notification
 * never blocks. A subscriber that has died (its endpoint is stale) loses
 * its subscription, and the changes marked for it are forgotten.
 */
static void notify_subscriber(int n)
{
	int result = ipc_notify(subscriptions[n].subscriber);
	if (result == OK)
		return;
	if (result != -EDEADEPT)
		uprintf("ds: cannot notify %d: %s\n", subscriptions[n].subscriber,
			error_name(result));
	subscriptions[n].in_use = false;
	for (int i = 0; i < NAME_SLOTS; i++) {
		names[i].changed_for &= ~(1U << n);
		free_if_forgotten(&names[i]);
	}
}

/*
 * The name in slot was published or deleted: mark it changed for every
 * subscription whose prefix it matches, and notify those subscribers.
 */
static void announce_change(struct name_slot *slot)
{
	uint32_t marked = 0;

	for (int n = 0; n < SUBSCRIPTION_SLOTS; n++) {
		if (subscriptions[n].in_use && has_prefix(slot->name, subscriptions[n].prefix))
			marked |= 1U << n;
	}
	slot->changed_for |= marked;
	/* Notify only now: a failed notification may free the slot. */
	for (int n = 0; n < SUBSCRIPTION_SLOTS; n++) {
		if (marked & (1U << n))
			notify_subscriber(n);
	}
}

/* The bits of every subscription subscriber holds (in changed_for form). */
static uint32_t subscriptions_of(endpoint_t subscriber)
{
	uint32_t bits = 0;

	for (int n = 0; n < SUBSCRIPTION_SLOTS; n++) {
		if (subscriptions[n].in_use && subscriptions[n].subscriber == subscriber)
			bits |= 1U << n;
	}
	return bits;
}

/* ---- the requests: each returns the result for the reply's type ---- */

/*
 * DS_PUBLISH: set name to value, replacing an older value (its owner
 * restarted). Returns OK, or ENOSPC when the table is full.
 */
static int do_publish(endpoint_t caller, struct ds_entry *entry)
{
	(void) caller;
	if (!is_valid_name(entry->name))
		return -EINVAL;

	struct name_slot *slot = find_name(entry->name);
	if (slot == NULL) {
		slot = free_name_slot();
		if (slot == NULL)
			return -ENOSPC;
		memset(slot, 0, sizeof(*slot));
		slot->in_use = true;
		strlcpy(slot->name, entry->name, DS_NAME_LENGTH);
	}
	slot->deleted = false;
	slot->value = entry->value;
	announce_change(slot);
	return OK;
}

/* DS_LOOKUP: the value of name into the reply's entry; ENOENT if none. */
static int do_lookup(endpoint_t caller, struct ds_entry *entry)
{
	(void) caller;
	if (!is_valid_name(entry->name))
		return -EINVAL;

	struct name_slot *slot = find_name(entry->name);
	if (slot == NULL || slot->deleted)
		return -ENOENT;
	entry->value = slot->value;
	entry->flags = 0;
	return OK;
}

/* DS_DELETE: forget name (its subscribers are told). ENOENT if none. */
static int do_delete(endpoint_t caller, struct ds_entry *entry)
{
	(void) caller;
	if (!is_valid_name(entry->name))
		return -EINVAL;

	struct name_slot *slot = find_name(entry->name);
	if (slot == NULL || slot->deleted)
		return -ENOENT;
	slot->deleted = true;
	slot->value = 0;
	announce_change(slot);
	free_if_forgotten(slot);
	return OK;
}

/*
 * DS_SUBSCRIBE: watch every name that starts with entry->name. Names that
 * already exist count as changed at once, so a subscriber also learns
 * what was published before it subscribed. Subscribing twice to the same
 * prefix is harmless. Returns OK, or ENOSPC when the table is full.
 */
static int do_subscribe(endpoint_t caller, struct ds_entry *entry)
{
	if (strnlen(entry->name, DS_NAME_LENGTH) == DS_NAME_LENGTH)
		return -EINVAL;		/* no NUL: not a string */

	int free_slot = -1;
	for (int n = 0; n < SUBSCRIPTION_SLOTS; n++) {
		if (!subscriptions[n].in_use) {
			if (free_slot < 0)
				free_slot = n;
		} else if (subscriptions[n].subscriber == caller &&
			   strcmp(subscriptions[n].prefix, entry->name) == 0) {
			return OK;
		}
	}
	if (free_slot < 0)
		return -ENOSPC;

	struct subscription *subscription = &subscriptions[free_slot];
	subscription->in_use = true;
	subscription->subscriber = caller;
	strlcpy(subscription->prefix, entry->name, DS_NAME_LENGTH);

	bool any = false;
	for (int i = 0; i < NAME_SLOTS; i++) {
		if (names[i].in_use && !names[i].deleted &&
		    has_prefix(names[i].name, subscription->prefix)) {
			names[i].changed_for |= 1U << free_slot;
			any = true;
		}
	}
	if (any)
		notify_subscriber(free_slot);
	return OK;
}

/*
 * DS_CHECK: one name that changed for the caller, into the reply's entry
 * (flags DS_DELETED if it is gone), and no longer marked for the caller.
 * ENOENT when nothing is left to report.
 */
static int do_check(endpoint_t caller, struct ds_entry *entry)
{
	uint32_t mine = subscriptions_of(caller);

	if (mine == 0)
		return -ENOENT;
	for (int i = 0; i < NAME_SLOTS; i++) {
		struct name_slot *slot = &names[i];
		if (!slot->in_use || (slot->changed_for & mine) == 0)
			continue;
		memset(entry, 0, sizeof(*entry));
		strlcpy(entry->name, slot->name, DS_NAME_LENGTH);
		entry->value = slot->value;
		entry->flags = slot->deleted ? DS_DELETED : 0;
		slot->changed_for &= ~mine;
		free_if_forgotten(slot);
		return OK;
	}
	return -ENOENT;
}

/* ---- the request loop ---- */

/* Every request DS serves, and its handler. */
static const struct {
	int type;
	int (*handle)(endpoint_t caller, struct ds_entry *entry);
} requests[] = {
	{ DS_PUBLISH, do_publish },
	{ DS_LOOKUP, do_lookup },
	{ DS_DELETE, do_delete },
	{ DS_SUBSCRIBE, do_subscribe },
	{ DS_CHECK, do_check },
};

/*
 * Run the handler of m's type; the result becomes the reply's type, and
 * the entry (as the handler left it) its payload. Unknown types get
 * EBADREQUEST.
 */
static void handle_request(message *m)
{
	int result = -EBADREQUEST;

	for (size_t i = 0; i < ARRAY_SIZE(requests); i++) {
		if (requests[i].type == m->type) {
			result = requests[i].handle(m->source, &m->payload.ds_entry);
			break;
		}
	}
	m->type = result;
	/* The caller waits in SENDREC; if it no longer does, drop the reply. */
	ipc_sendnb(m->source, m);
}

/* Serve requests for ever. Notifications sent to DS need nothing done. */
int main(void)
{
	for (;;) {
		message m;
		int result = ipc_receive(ANY, &m);
		if (result != OK) {
			uprintf("ds: receive failed: %s\n", error_name(result));
			continue;
		}
		if (m.type == NOTIFY_MESSAGE)
			continue;
		handle_request(&m);
	}
}
