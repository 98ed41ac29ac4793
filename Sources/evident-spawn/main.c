// evident-spawn [--primed] PATH ARGV0 [ARGUMENT...]
//
// Runs the program at PATH (with ARGV0 as its name) as a child and reports its resource usage and wall time (from
// spawn to reaping, so the trampoline's own start is not counted) on file descriptor 3 as one line,
// "<max RSS KiB> <user µs> <system µs> <wall ns>", then exits as the child did.
//
// With --primed (a command timed as a whole process) it first runs the program once more, unreported, with
// /dev/null for its input and output. The timed run is then measured as hyperfine's back-to-back runs are: right
// after a run of itself, on warm caches and a warm spawn path, not on whatever state the previous command of a
// round left. Measured on a 2-core machine, `true` took 0.59-0.73 ms timed as the first spawn of a fresh
// trampoline, 0.48-0.66 ms as the second, against 0.46-0.68 ms by `hyperfine -N`. (Timing many runs back to back
// in one trampoline measured `true` 17 % and `sleep 0.001` 5 % below hyperfine, whose own runs carry more of its
// spawning: one run per trampoline agrees better.)
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
// that left the group for one of its own, or the session with setsid, included), is adopted by this program and
// killed before it exits, so that an experiment never outlives its measurement. SIGTERM asks it to stop: it kills
// the child, then all the child left, and exits as the killed child did. evident sends it at a time-out or the
// output cap, instead of killing the process group, which would take this program down before it could end what
// left the group.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "csystem.h"

extern char **environ;

// The child being run, for the SIGTERM handler: 0 before it is spawned and once it has exited (its pid is still
// taken then, until it is reaped, so the handler never signals a stranger).
static volatile sig_atomic_t running_child;
// Whether SIGTERM asked this program to stop; a stop asked before the spawn kills the child right after it.
static volatile sig_atomic_t stop_asked;

static void stop(int signal) {
    (void)signal;
    stop_asked = 1;
    if (running_child > 0) kill(running_child, SIGKILL);
}

// Runs the program (argv[0] its path, argv + 1 its arguments) once, waits for it and ends whatever it left
// running: with /dev/null for its input and output when `quiet`, else with this process's. Returns 0 with its
// status, usage and wall time, or the posix_spawn error.
static int run_once(char **argv, int quiet, int *status, struct rusage *usage, long long *wall) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    for (int fd = 0; quiet && fd < 3; fd++) {
        posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd ? O_WRONLY : O_RDONLY, 0);
    }
    posix_spawn_file_actions_addclose(&actions, 3);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t child;
    int failure = posix_spawn(&child, argv[0], &actions, NULL, argv + 1, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failure != 0) return failure;
    running_child = child;
    if (stop_asked) kill(child, SIGKILL);
    // Waits for the exit without reaping (WNOWAIT), so that the pid stays the child's until the handler has
    // forgotten it; wait4 then reaps it and takes its usage. The wall time ends at the reaping, as hyperfine's.
    siginfo_t exited;
    while (waitid(P_PID, (id_t)child, &exited, WEXITED | WNOWAIT) < 0) {
        if (errno != EINTR) return errno;
    }
    running_child = 0;
    while (wait4(child, status, 0, usage) < 0) {
        if (errno != EINTR) return errno;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    *wall = (long long)(end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
    evident_end_orphans(0);
    return 0;
}

int main(int argc, char **argv) {
    int primed = argc > 1 && strcmp(argv[1], "--primed") == 0;
    argc -= primed;
    argv += primed;
    if (argc < 3) {
        fprintf(stderr, "usage: evident-spawn [--primed] PATH ARGV0 [ARGUMENT...]\n");
        return 127;
    }
    if (evident_become_child_subreaper() != 0) {
        fprintf(stderr, "evident-spawn: cannot adopt the orphans of %s: %s\n", argv[1], strerror(errno));
        return 127;
    }
    struct sigaction action = {.sa_handler = stop};
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL);
    int status = 0;
    struct rusage usage;
    long long wall = 0;
    if (primed) run_once(argv + 1, 1, &status, &usage, &wall);
    // A stop during the unrecorded run skips the timed one: its status (killed) is reported.
    int failure = stop_asked ? 0 : run_once(argv + 1, 0, &status, &usage, &wall);
    if (failure != 0) {
        fprintf(stderr, "evident-spawn: cannot run %s: %s\n", argv[1], strerror(failure));
        return 127;
    }
    dprintf(3, "%ld %ld %ld %lld\n", usage.ru_maxrss, (long)usage.ru_utime.tv_sec * 1000000L + usage.ru_utime.tv_usec,
            (long)usage.ru_stime.tv_sec * 1000000L + usage.ru_stime.tv_usec, wall);
    close(3);
    if (WIFSIGNALED(status)) {
        signal(WTERMSIG(status), SIG_DFL);
        kill(getpid(), WTERMSIG(status));
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 127;
}
