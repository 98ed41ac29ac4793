#ifndef EVIDENT_CSYSTEM_H
#define EVIDENT_CSYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0, or -1 with errno set.
int evident_rename_exchange(const char *from, const char *to);

#endif
