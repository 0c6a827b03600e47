#ifndef SVWIZARD_CMEMORY_H
#define SVWIZARD_CMEMORY_H

/// Asks the C library to keep memory that was freed for the next use, rather than hand the top
/// of the heap back to the system as soon as 128 KB are free there (glibc's default). A command
/// that works through many files in turn (validate) then reuses the same pages instead of
/// having each file's large buffers faulted in afresh. Returns 1 when the setting was made,
/// 0 where the C library has no such setting.
int svwizard_keep_freed_memory(void);

#endif
