#define _GNU_SOURCE
#include "CFileSafety.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int podmem_rename_noreplace(int directory, const char *from, const char *to) {
    if (renameat2(directory, from, directory, to, RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return -1;
    if (linkat(directory, from, directory, to, 0) != 0) return -1;
    unlinkat(directory, from, 0);
    return 0;
}
