#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include "csystem.h"

int evident_rename_exchange(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE);
}
