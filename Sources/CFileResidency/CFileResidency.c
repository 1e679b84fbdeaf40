#include "CFileResidency.h"

#include <errno.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef __NR_cachestat
#if defined(__x86_64__) || defined(__aarch64__)
#define __NR_cachestat 451
#endif
#endif

struct podmem_cachestat_range {
    uint64_t off;
    uint64_t len;
};

int podmem_cachestat(int fd, podmem_cachestat_pages *pages) {
#ifdef __NR_cachestat
    struct podmem_cachestat_range range = {0, 0};
    return (int)syscall(__NR_cachestat, fd, &range, pages, 0);
#else
    (void)fd;
    (void)pages;
    errno = ENOSYS;
    return -1;
#endif
}
