/*
 * exec.c - exec(): replace a process's program with one read from a file.
 *
 * The work falls in two halves, split by the point of no return:
 *
 *  1. Read and check everything, touching nothing of the caller: copy its
 *     path and its argument frame (struct pm_exec in servers.h) into PM,
 *     have FS open the program for PM (FS_PM_EXEC: FS checks the path and
 *     the permissions as the caller), read the ELF header and program
 *     headers through that descriptor and check them. Any failure here is
 *     an error reply; the caller goes on with its old program.
 *
 *  2. Build the new image (load_image): empty the address space, map and
 *     fill each loadable segment, map the stack, put the argument frame on
 *     top of it, start the program (SYS_EXEC). From the first step on, the
 *     old program is gone, so a failure can only end the process.
 *
 * Success has no reply: the SENDREC that asked for exec is simply over and
 * the new program starts at its entry point, with argc at its stack
 * pointer, then argv[], NULL, envp[], NULL and the strings.
 *
 * Entry point: do_exec (PM_EXEC).
 */

#include "pm.h"
#include "elf.h"

#define EXEC_HEADERS_MAX 16	/* program headers PM is willing to read */
#define LOAD_CHUNK 4096		/* bytes read from FS per copy into the process */

/* What exec has read and checked before it touches the caller. */
struct exec_image {
	int fd;				/* PM's descriptor of the program in FS */
	uint32_t entry;			/* where the program starts */
	struct elf_program_header segments[EXEC_HEADERS_MAX];	/* PT_LOAD only */
	int segment_count;
	uint32_t end;			/* page-aligned end of the highest segment */
	uint32_t *frame;		/* the new stack's contents (PM's copy) */
	uint32_t frame_length;		/* bytes */
	uint32_t pointer_words;		/* frame words up to envp's NULL, inclusive */
	char name[PROCESS_NAME_LENGTH];	/* the last part of the path */
};

/* Static: far too large for PM's stack, and PM does one exec at a time. */
static struct exec_image exec_image;
static uint32_t frame_buffer[ARG_MAX / sizeof(uint32_t)];
static char path_buffer[PATH_MAX + 1];
static uint8_t load_buffer[LOAD_CHUNK];

/*
 * Check the shape of a frame of length bytes: argc, argc offsets, NULL,
 * offsets, NULL, every offset inside the frame. Returns how many words
 * lead up to and include the second NULL, or -EINVAL.
 */
static int frame_pointer_words(const uint32_t *frame, uint32_t length)
{
	uint32_t words = length / sizeof(uint32_t);
	uint32_t argc, i;

	if (words < 3)
		return -EINVAL;		/* argc and two NULLs at least */
	argc = frame[0];
	if (argc > words - 3 || frame[argc + 1] != 0)
		return -EINVAL;
	for (i = argc + 2; i < words && frame[i] != 0; i++)
		;			/* envp[] up to its NULL */
	if (i == words)
		return -EINVAL;
	for (uint32_t j = 1; j < i; j++) {
		if (frame[j] >= length)
			return -EINVAL;
	}
	return i + 1;
}

/* The part of path after its last '/', as a process name. */
static void name_from_path(const char *path, char *name)
{
	const char *last = path;

	for (const char *c = path; *c != '\0'; c++) {
		if (*c == '/' && c[1] != '\0')
			last = c + 1;
	}
	strlcpy(name, last, PROCESS_NAME_LENGTH);
}

/*
 * Copy the caller's path and argument frame into PM and check the frame.
 * Returns OK, or -ENAMETOOLONG, -E2BIG, -EINVAL, -EFAULT.
 */
static int copy_exec_request(struct process *caller, const struct pm_exec *request,
			     struct exec_image *image)
{
	int result;

	if (request->path_length == 0)
		return -ENOENT;
	if (request->path_length > PATH_MAX)
		return -ENAMETOOLONG;
	if (request->frame_length > ARG_MAX)
		return -E2BIG;
	result = copy_from_user(caller->endpoint, path_buffer, request->path,
				request->path_length);
	if (result != OK)
		return -EFAULT;
	path_buffer[request->path_length] = '\0';
	name_from_path(path_buffer, image->name);

	image->frame = frame_buffer;
	image->frame_length = request->frame_length;
	result = copy_from_user(caller->endpoint, frame_buffer, request->frame,
				request->frame_length);
	if (result != OK)
		return -EFAULT;
	result = frame_pointer_words(frame_buffer, request->frame_length);
	if (result < 0)
		return result;
	image->pointer_words = result;
	return OK;
}

/* Close PM's descriptor fd in FS. */
static void fs_close(int fd)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.payload.fs_fd.fd = fd;
	fs_request(FS_CLOSE, &m);
}

/*
 * Read count bytes at offset of PM's file fd into buffer. Returns the
 * bytes read (fewer at the end of the file) or a negative error.
 */
static int read_at(int fd, uint32_t offset, void *buffer, uint32_t count)
{
	message m;
	uint32_t done = 0;
	int result;

	memset(&m, 0, sizeof(m));
	m.payload.fs_seek.fd = fd;
	m.payload.fs_seek.offset = offset;
	m.payload.fs_seek.whence = SEEK_SET;
	result = fs_request(FS_LSEEK, &m);
	if (result < 0)
		return result;
	while (done < count) {
		memset(&m, 0, sizeof(m));
		m.payload.fs_io.fd = fd;
		m.payload.fs_io.buffer = (uint32_t) buffer + done;
		m.payload.fs_io.count = count - done;
		result = fs_request(FS_READ, &m);
		if (result < 0)
			return result;
		if (result == 0)
			break;		/* the end of the file */
		done += result;
	}
	return done;
}

/* Whether an ELF header describes a program PM can run. */
static bool header_is_valid(const struct elf_header *header)
{
	return header->magic == ELF_MAGIC &&
	       header->ident[0] == ELF_CLASS_32 && header->ident[1] == ELF_DATA_LSB &&
	       header->type == ELF_TYPE_EXEC && header->machine == ELF_MACHINE_386 &&
	       header->phentsize == sizeof(struct elf_program_header) &&
	       header->phnum >= 1 && header->phnum <= EXEC_HEADERS_MAX &&
	       header->entry < USER_TOP;
}

/*
 * Whether a loadable segment fits below the stack: its end does not
 * overflow, and it has no more bytes in the file than in memory.
 */
static bool segment_is_valid(const struct elf_program_header *segment)
{
	uint32_t limit = USER_TOP - EXEC_STACK_SIZE;

	return segment->filesz <= segment->memsz &&
	       segment->offset + segment->filesz >= segment->offset &&
	       segment->vaddr < limit && segment->memsz <= limit - segment->vaddr;
}

/*
 * Read the ELF header and program headers of image->fd; keep the entry
 * point, the loadable segments and where the highest one ends. Returns
 * OK, or -ENOEXEC when the file is not a program PM can run.
 */
static int read_program(struct exec_image *image)
{
	struct elf_header header;
	struct elf_program_header headers[EXEC_HEADERS_MAX];
	uint32_t table_size;

	if (read_at(image->fd, 0, &header, sizeof(header)) != sizeof(header) ||
	    !header_is_valid(&header))
		return -ENOEXEC;
	table_size = header.phnum * sizeof(struct elf_program_header);
	if (read_at(image->fd, header.phoff, headers, table_size) != (int) table_size)
		return -ENOEXEC;

	image->entry = header.entry;
	image->segment_count = 0;
	image->end = 0;
	for (int i = 0; i < header.phnum; i++) {
		const struct elf_program_header *segment = &headers[i];

		if (segment->type != PT_LOAD || segment->memsz == 0)
			continue;
		if (!segment_is_valid(segment))
			return -ENOEXEC;
		image->segments[image->segment_count++] = *segment;
		image->end = MAX(image->end, ROUND_UP(segment->vaddr + segment->memsz, PAGE_SIZE));
	}
	return image->segment_count > 0 ? OK : -ENOEXEC;
}

/*
 * Copy a segment's bytes from the file fd into endpoint's memory at the
 * segment's address, a chunk at a time through PM's buffer. The pages
 * are mapped already, and zeroed: the rest of the segment (its bss)
 * needs nothing more. Returns OK or a negative error.
 */
static int load_segment(endpoint_t endpoint, int fd, const struct elf_program_header *segment)
{
	for (uint32_t done = 0; done < segment->filesz; done += LOAD_CHUNK) {
		uint32_t bytes = MIN(segment->filesz - done, (uint32_t) LOAD_CHUNK);
		int result = read_at(fd, segment->offset + done, load_buffer, bytes);

		if (result != (int) bytes)
			return result < 0 ? result : -ENOEXEC;
		result = copy_to_user(endpoint, segment->vaddr + done, load_buffer, bytes);
		if (result != OK)
			return result;
	}
	return OK;
}

/*
 * The point of no return: give process the new program image that was
 * read and checked into image, and start it (SYS_EXEC). Returns OK, or a
 * negative error after which the process cannot continue.
 */
static int load_image(struct process *process, struct exec_image *image)
{
	/* LAB 3: your code here.
	 * Hint: sys_memmap() with MEMMAP_CLEAR, then MEMMAP_MAP for each
	 * segment (load_segment() fills it) and for the stack below USER_TOP.
	 * The frame goes at USER_TOP - its length, rounded down to 16; add
	 * that address to each non-NULL pointer word (1 .. pointer_words-1),
	 * copy the frame out, then sys_exec() with the stack's address. */
	(void) load_segment;
	return pm_unwritten("LAB 3: load_image() is not written yet");
}

/*
 * The new program runs: PM's own record follows. Caught signals go back
 * to SIG_DFL (the handlers were in the old program), the break starts
 * after the highest segment, FS closes the FD_CLOEXEC files, and PM's
 * descriptor of the program is closed.
 */
static void finish_exec(struct process *process, const struct exec_image *image)
{
	signals_reset_on_exec(process);
	process->initial_break = image->end;
	process->break_address = image->end;
	strlcpy(process->name, image->name, sizeof(process->name));
	fs_pm_request(FS_PM_EXECDONE, process->endpoint, NONE);
	fs_close(image->fd);
}

/*
 * PM_EXEC from caller (struct pm_exec). Returns an error while the old
 * program is intact; NO_REPLY once the new one runs, or once the caller
 * had to be killed because its new image could not be built.
 */
int do_exec(struct process *caller, message *m)
{
	const struct pm_exec *request = &m->payload.pm_exec;
	struct exec_image *image = &exec_image;
	message open_request;
	int result;

	result = copy_exec_request(caller, request, image);
	if (result != OK)
		return result;

	/* FS opens the program for PM, reading the path from the caller. */
	memset(&open_request, 0, sizeof(open_request));
	open_request.payload.fs_pm.endpoint = caller->endpoint;
	open_request.payload.fs_pm.path = request->path;
	open_request.payload.fs_pm.path_length = request->path_length;
	result = fs_request(FS_PM_EXEC, &open_request);
	if (result < 0)
		return result;
	image->fd = result;

	result = read_program(image);
	if (result != OK) {
		fs_close(image->fd);
		return result;
	}

	result = load_image(caller, image);
	if (result != OK) {
		fs_close(image->fd);
		uprintf("pm: exec of %s could not build the new image (%s): pid %d killed\n",
			path_buffer, error_name(result), caller->pid);
		process_exit(caller, W_EXITCODE(0, SIGKILL));
		return NO_REPLY;
	}
	finish_exec(caller, image);
	return NO_REPLY;
}
