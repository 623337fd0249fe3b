/*
 * sync - write every changed block the file system holds in memory back
 * to the disk.
 */

#include <unistd.h>

/* Ask FS to write its dirty blocks. Returns 0. */
int main(void)
{
	sync();
	return 0;
}
