#ifndef EVIDENT_LINUX_CALLS_H
#define EVIDENT_LINUX_CALLS_H

#include <spawn.h>
#include <sys/types.h>

/// Makes the spawned program start in `directory` (glibc's posix_spawn_file_actions_addchdir_np, 2.29).
int evident_spawn_add_chdir(posix_spawn_file_actions_t *actions, const char *directory);

/// Closes every file descriptor from `lowest` up in the spawned program (posix_spawn_file_actions_addclosefrom_np,
/// glibc 2.34).
int evident_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int lowest);

/// Fills `ends` with a new pipe whose ends are both close-on-exec from the start (pipe2 with O_CLOEXEC).
int evident_pipe_cloexec(int ends[2]);

/// A file descriptor that polls readable once process `pid` has exited (pidfd_open, Linux 5.3).
int evident_pidfd_open(pid_t pid);

/// Opens `path` for reading below the folder `folder` without following any symbolic link on the way (openat2 with
/// RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS, Linux 5.6); -1 with errno set otherwise, ENOSYS on older kernels.
int evident_open_beneath(int folder, const char *path);

#endif
