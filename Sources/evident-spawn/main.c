// evident-spawn PATH ARGV0 [ARGUMENT...]
//
// Runs the program at PATH (with ARGV0 as its name) as a child and reports its resource usage and wall time (from
// spawn to reaping, so the trampoline's own start is not counted) on file descriptor 3 as one line,
// "<max RSS KiB> <user µs> <system µs> <wall ns>", then exits as the child did.
//
// Why a separate small process: Linux records the address space a process had before exec into its peak RSS, and
// a child that evident forked or vforked starts from evident's own address space. Its ru_maxrss would then be at
// least evident's size. This program is tiny, so the child it spawns starts small and its peak RSS is its own
// (wait4's rusage of the direct child).
//
// The child is started with posix_spawn, as hyperfine does, not fork: glibc's posix_spawn clones with
// CLONE_VM | CLONE_VFORK, so this process sleeps until the child has exec'd and the child runs at once on the CPU
// it was started on. After a fork both ran, and on a busy machine the child waited for a CPU while this process
// went on to wait4: 0.2-0.4 ms on each process, 20-70 % of `true`. Copying the page tables cost a little more.
//
// It is also the child's subreaper: whatever the child leaves running when it ends, however it ends (a process
// that left the group with setsid included), is adopted by this program and killed before it exits, so that an
// experiment never outlives its measurement.
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "csystem.h"

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: evident-spawn PATH ARGV0 [ARGUMENT...]\n");
        return 127;
    }
    if (evident_become_child_subreaper() != 0) {
        fprintf(stderr, "evident-spawn: cannot adopt the orphans of %s: %s\n", argv[1], strerror(errno));
        return 127;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addclose(&actions, 3);
    extern char **environ;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t child;
    int failure = posix_spawn(&child, argv[1], &actions, NULL, argv + 2, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failure != 0) {
        fprintf(stderr, "evident-spawn: cannot run %s: %s\n", argv[1], strerror(failure));
        return 127;
    }
    int status = 0;
    struct rusage usage;
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) return 127;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    evident_end_orphans(0);
    long long wall = (long long)(end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
    dprintf(3, "%ld %ld %ld %lld\n", usage.ru_maxrss, (long)usage.ru_utime.tv_sec * 1000000L + usage.ru_utime.tv_usec,
            (long)usage.ru_stime.tv_sec * 1000000L + usage.ru_stime.tv_usec, wall);
    close(3);
    if (WIFSIGNALED(status)) {
        signal(WTERMSIG(status), SIG_DFL);
        kill(getpid(), WTERMSIG(status));
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 127;
}
