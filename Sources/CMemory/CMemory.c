#include <stdlib.h>
#include "CMemory.h"

#if defined(__GLIBC__)
#include <malloc.h>

int svwizard_keep_freed_memory(void) {
    /* Only memory already freed is kept, up to 256 MB: the peak in use does not change. */
    return mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
}
#else
int svwizard_keep_freed_memory(void) {
    return 0;
}
#endif
