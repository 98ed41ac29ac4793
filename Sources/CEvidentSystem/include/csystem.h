#ifndef EVIDENT_CSYSTEM_H
#define EVIDENT_CSYSTEM_H

#include <sys/types.h>

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0, or -1 with errno set.
int evident_rename_exchange(const char *from, const char *to);

/// Whether `path` is the root of a mount (statx's STATX_ATTR_MOUNT_ROOT, which also sees bind mounts): 1 or 0, or
/// -1 when the kernel cannot tell (errno set when statx itself failed).
int evident_is_mount_root(const char *path);

/// Registers a path to remove when evident is interrupted (`evident_cleanup_run`): a staging folder, removed with
/// everything in it, or a temporary file. Returns a slot for `evident_cleanup_remove`, or -1 when every slot is
/// taken (the path is then left to the next build's clean-up).
int evident_cleanup_add(const char *path);

/// Forgets the path in `slot` (it was committed or removed by the build itself).
void evident_cleanup_remove(int slot);

/// Removes every registered path, without following symbolic links. Async-signal-safe: only system calls, no
/// allocation, so a signal handler may call it.
void evident_cleanup_run(void);

/// Holds SIGINT, SIGTERM and SIGHUP off (nestable): a handler that sees them held records the signal
/// (`evident_signal_defer`) instead of ending the process.
void evident_signals_hold(void);

/// Ends one `evident_signals_hold`; returns the signal that arrived meanwhile (to act on now), or 0.
int evident_signals_release(void);

/// For the signal handler: records `signal` and returns 1 while signals are held, else returns 0.
/// Async-signal-safe.
int evident_signal_defer(int signal);

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
