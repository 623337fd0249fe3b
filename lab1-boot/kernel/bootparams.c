/*
 * bootparams.c - what the loader told the kernel: the memory map, the boot
 * modules, and the boot parameters.
 *
 * kernel_main() copies the loader's struct boot_info into boot_info before
 * anything else, because the loader's copy lies in low memory that the
 * kernel later reuses.
 *
 * Boot parameters are "key=value" lines separated by '\n' (bootimage.h),
 * for example "panic=exit". The grader sets them in its copy of the disk.
 *
 * Entry points: boot_info, boot_param, boot_module.
 */

#include "kernel.h"
#include "string.h"

struct boot_info boot_info;

/*
 * The value of boot parameter key, or NULL when there is none. The result
 * points into a private copy of the parameters, one NUL-terminated
 * "key=value" string per line, and stays valid: every call rebuilds the
 * same copy.
 */
const char *boot_param(const char *key)
{
	/* Room for every byte, the last string's NUL and an empty string. */
	static char lines[BOOT_PARAMS_LENGTH + 2];
	size_t key_length = strlen(key);
	size_t i;
	char *line;

	for (i = 0; i < BOOT_PARAMS_LENGTH && boot_info.params[i] != '\0'; i++)
		lines[i] = boot_info.params[i] == '\n' ? '\0' : boot_info.params[i];
	memset(lines + i, '\0', sizeof(lines) - i);

	/* The list of strings ends with an empty one. */
	for (line = lines; *line != '\0'; line += strlen(line) + 1) {
		if (strncmp(line, key, key_length) == 0 && line[key_length] == '=')
			return line + key_length + 1;
	}
	return NULL;
}

/* The boot module called name, or NULL. Its bytes are at physical start. */
const struct boot_module *boot_module(const char *name)
{
	uint32_t count = MIN(boot_info.module_count, BOOT_MAX_MODULES);

	for (uint32_t i = 0; i < count; i++) {
		if (strncmp(boot_info.modules[i].name, name, BOOT_NAME_LENGTH) == 0)
			return &boot_info.modules[i];
	}
	return NULL;
}
