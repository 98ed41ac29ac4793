// Ending the descendants an experiment leaves behind. A child subreaper adopts its orphaned descendants, so once
// an experiment has exited, whatever it left running (even a process that left its group with setsid) is a child
// of the subreaper, listed in /proc/self/task/<tid>/children. Only open, read, getdents64, getsid, kill and
// waitpid are used: the functions are async-signal-safe, so a signal handler may call them.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "csystem.h"

/// An entry as getdents64 returns it.
struct task_entry {
    unsigned long long inode;
    long long offset;
    unsigned short length;
    unsigned char type;
    char name[];
};

int evident_become_child_subreaper(void) {
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
}

/// Kills and reaps one child; skips it (0) when `own_session` is not 0 and the child is in that session.
static int end_child(pid_t child, pid_t own_session) {
    if (own_session != 0 && getsid(child) == own_session) return 0;
    kill(child, SIGKILL);
    while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {}
    return 1;
}

/// Ends the children the thread `tid` (a name in /proc/self/task) lists; how many, or -1.
static int end_children_of_task(const char *tid, pid_t own_session) {
    char path[64] = "/proc/self/task/";
    size_t length = 16;
    for (const char *c = tid; *c && length < sizeof path - 10; c++) path[length++] = *c;
    const char *tail = "/children";
    for (const char *c = tail; *c; c++) path[length++] = *c;
    path[length] = 0;
    int file = open(path, O_RDONLY | O_CLOEXEC);
    if (file < 0) return -1;
    char text[4096];
    ssize_t count;
    while ((count = read(file, text, sizeof text - 1)) < 0 && errno == EINTR) {}
    close(file);
    if (count < 0) return -1;
    // A full buffer may end inside a pid: that one waits for the next pass.
    if (count == (ssize_t)sizeof text - 1) while (count > 0 && text[count - 1] != ' ') count--;
    int ended = 0;
    pid_t pid = 0;
    for (ssize_t i = 0; i < count; i++) {
        if (text[i] >= '0' && text[i] <= '9') {
            pid = pid * 10 + (text[i] - '0');
        } else if (pid > 0) {
            ended += end_child(pid, own_session);
            pid = 0;
        }
    }
    if (pid > 0) ended += end_child(pid, own_session);
    return ended;
}

/// One pass over every thread's children; how many were ended, or -1.
static int end_children_once(pid_t own_session) {
    int tasks = open("/proc/self/task", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (tasks < 0) return -1;
    char buffer[4096] __attribute__((aligned(8)));
    int ended = 0;
    long count;
    while ((count = syscall(SYS_getdents64, tasks, buffer, sizeof buffer)) > 0) {
        for (long offset = 0; offset < count;) {
            struct task_entry *entry = (struct task_entry *)(buffer + offset);
            offset += entry->length;
            if (entry->name[0] < '0' || entry->name[0] > '9') continue;
            int result = end_children_of_task(entry->name, own_session);
            if (result > 0) ended += result;
        }
    }
    close(tasks);
    return count < 0 ? -1 : ended;
}

int evident_end_orphans(int other_sessions_only) {
    pid_t own_session = other_sessions_only ? getsid(0) : 0;
    int ended = 0;
    for (int pass = 0; pass < 1000; pass++) {
        int result = end_children_once(own_session);
        if (result < 0) return -1;
        if (result == 0) break;
        ended += result;
    }
    return ended;
}

void evident_reap_group(pid_t group) {
    while (waitpid(-group, NULL, 0) > 0 || errno == EINTR) {}
}
