/*
 * false - do nothing, unsuccessfully: exit with status 1.
 */

/* Returns 1, which the shell takes for failure. */
int main(void)
{
	return 1;
}
