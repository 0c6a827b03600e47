#include <stdlib.h>
#include <zlib.h>
#include "CPlatform.h"

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

uint32_t svwizard_crc32(const void *bytes, size_t count) {
    const unsigned char *next = bytes;
    uLong crc = crc32(0L, Z_NULL, 0);
    /* zlib takes a length of at most UINT_MAX bytes at a time. */
    while (count > 0) {
        uInt length = count > (1u << 30) ? (1u << 30) : (uInt)count;
        crc = crc32(crc, next, length);
        next += length;
        count -= length;
    }
    return (uint32_t)crc;
}
