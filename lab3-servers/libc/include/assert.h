/* assert.h - assert(condition): if it is false, say where on stderr and
 * abort. Defining NDEBUG turns it off. */
#undef assert
#ifdef NDEBUG
#define assert(condition) ((void) 0)
#else
void assertion_failed(const char *condition, const char *file, int line)
	__attribute__((noreturn));
#define assert(condition) \
	((condition) ? (void) 0 : assertion_failed(#condition, __FILE__, __LINE__))
#endif
