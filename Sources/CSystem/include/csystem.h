#ifndef EVIDENT_CSYSTEM_H
#define EVIDENT_CSYSTEM_H

#include <sys/types.h>

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0, or -1 with errno set.
int evident_rename_exchange(const char *from, const char *to);

/// Makes the calling process a child subreaper (prctl PR_SET_CHILD_SUBREAPER): its orphaned descendants become
/// its children instead of init's. Returns 0, or -1 with errno set.
int evident_become_child_subreaper(void);

/// Kills (SIGKILL) and reaps every child of the calling process, of any of its threads, or with
/// `other_sessions_only` every child in another session than the caller's (one that left with setsid); again and
/// again, so that the children of a killed orphan, adopted in turn, end too. Async-signal-safe. Returns how many
/// processes it ended, or -1 when /proc/self/task cannot be read.
int evident_end_orphans(int other_sessions_only);

/// Reaps, waiting for each, every child of the calling process in process group `group` until none is left (for
/// a group just sent SIGKILL). Async-signal-safe.
void evident_reap_group(pid_t group);

#endif
