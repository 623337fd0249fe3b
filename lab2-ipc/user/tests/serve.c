/*
 * serve.c - the main loop of the test programs that serve the tester
 * (peer.c, driver.c): receive a request, look its type up in the
 * program's table, run the handler.
 *
 * Entry point: serve_forever.
 */
#include "tests.h"

void serve_forever(const char *name, const struct request_handler *handlers, size_t count)
{
	for (;;) {
		message m;
		int result = ipc_receive(ANY, &m);
		if (result != OK) {
			uprintf("%s: receive failed: %s\n", name, error_name(result));
			continue;
		}
		size_t i = 0;
		while (i < count && handlers[i].type != m.type)
			i++;
		if (i < count)
			handlers[i].handle(&m);
		else
			uprintf("%s: unknown request 0x%x from %d\n", name, m.type, m.source);
	}
}
