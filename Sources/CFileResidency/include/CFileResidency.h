#ifndef C_FILE_RESIDENCY_H
#define C_FILE_RESIDENCY_H

#include <stdint.h>

/// Page counts of a whole file from cachestat(2) (Linux 6.5+).
typedef struct {
    uint64_t cached;
    uint64_t dirty;
    uint64_t writeback;
    uint64_t evicted;
    uint64_t recently_evicted;
} podmem_cachestat_pages;

/// cachestat(2) over the whole of `fd` (offset 0, length 0 = to the end): syscall 451 on x86-64 and arm64, which
/// glibc does not wrap and Swift cannot call through the variadic syscall(). Returns 0, or -1 with errno set
/// (ENOSYS on older kernels, EBADF for a descriptor it does not accept).
int podmem_cachestat(int fd, podmem_cachestat_pages *pages);

#endif
