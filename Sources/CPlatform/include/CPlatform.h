#ifndef SVWIZARD_CSYSTEM_H
#define SVWIZARD_CSYSTEM_H

#include <stddef.h>
#include <stdint.h>

/// Asks the C library to keep memory that was freed for the next use, rather than hand the top
/// of the heap back to the system as soon as 128 KB are free there (glibc's default). A command
/// that works through many files in turn (validate) then reuses the same pages instead of
/// having each file's large buffers faulted in afresh. Returns 1 when the setting was made,
/// 0 where the C library has no such setting.
int svwizard_keep_freed_memory(void);

/// The CRC-32 of `count` bytes (the zip checksum: IEEE 802.3 polynomial), by zlib, which
/// works through several bytes at a time.
uint32_t svwizard_crc32(const void *bytes, size_t count);

#endif
