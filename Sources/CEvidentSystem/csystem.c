#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "csystem.h"

int evident_rename_exchange(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE);
}

int evident_is_mount_root(const char *path) {
    struct statx status;
    if (statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &status) != 0) return -1;
    if (!(status.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT)) return -1;
    return (status.stx_attributes & STATX_ATTR_MOUNT_ROOT) ? 1 : 0;
}

// The registered paths: a fixed table that the signal handler reads without a lock. A path's copy is never freed,
// because a handler on another thread may be reading it; a build registers a few paths, so little is kept.
#define CLEANUP_SLOTS 256
static _Atomic(const char *) cleanup_paths[CLEANUP_SLOTS];
static pthread_mutex_t cleanup_lock = PTHREAD_MUTEX_INITIALIZER;

int evident_cleanup_add(const char *path) {
    const char *copy = strdup(path);
    if (copy == NULL) return -1;
    pthread_mutex_lock(&cleanup_lock);
    int found = -1;
    for (int slot = 0; slot < CLEANUP_SLOTS && found < 0; slot++) {
        if (atomic_load(&cleanup_paths[slot]) == NULL) {
            atomic_store(&cleanup_paths[slot], copy);
            found = slot;
        }
    }
    pthread_mutex_unlock(&cleanup_lock);
    return found;
}

void evident_cleanup_remove(int slot) {
    if (slot < 0 || slot >= CLEANUP_SLOTS) return;
    pthread_mutex_lock(&cleanup_lock);
    atomic_store(&cleanup_paths[slot], NULL);
    pthread_mutex_unlock(&cleanup_lock);
}

// Removes `name` under the open folder `parent`: a folder with everything in it (depth first, read with
// getdents64 into a buffer on the stack), anything else unlinked. Symbolic links are removed, never followed.
static void remove_at(int parent, const char *name) {
    int folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (folder < 0) {
        unlinkat(parent, name, 0);
        return;
    }
    // Removing entries while reading may make a file system skip some: read again until a pass removes nothing.
    for (int pass = 0; pass < 8; pass++) {
        int removed = 0;
        char buffer[4096];
        lseek(folder, 0, SEEK_SET);
        ssize_t count;
        while ((count = getdents64(folder, buffer, sizeof buffer)) > 0) {
            for (ssize_t offset = 0; offset < count;) {
                struct dirent64 *entry = (struct dirent64 *)(buffer + offset);
                offset += entry->d_reclen;
                const char *child = entry->d_name;
                if (strcmp(child, ".") == 0 || strcmp(child, "..") == 0) continue;
                if (entry->d_type == DT_DIR || entry->d_type == DT_UNKNOWN) {
                    remove_at(folder, child);
                } else {
                    unlinkat(folder, child, 0);
                }
                removed++;
            }
        }
        if (removed == 0) break;
    }
    close(folder);
    unlinkat(parent, name, AT_REMOVEDIR);
}

void evident_cleanup_run(void) {
    int saved = errno;
    for (int slot = 0; slot < CLEANUP_SLOTS; slot++) {
        const char *path = atomic_load(&cleanup_paths[slot]);
        if (path != NULL) remove_at(AT_FDCWD, path);
    }
    errno = saved;
}

// The handler stores the signal before it looks at the count, and `release` takes the signal after it lowers the
// count: a signal is either seen here or acted on by the handler itself, never lost.
static atomic_int hold_count;
static atomic_int held_signal;

void evident_signals_hold(void) { atomic_fetch_add(&hold_count, 1); }

int evident_signals_release(void) {
    if (atomic_fetch_sub(&hold_count, 1) != 1) return 0;
    return atomic_exchange(&held_signal, 0);
}

int evident_signal_defer(int signal) {
    atomic_store(&held_signal, signal);
    return atomic_load(&hold_count) > 0;
}
