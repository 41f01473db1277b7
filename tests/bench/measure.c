/* measure.c — runs a command and prints "USER_SECONDS SYSTEM_SECONDS PEAK_KIB STATUS" for it.
 *
 * The benchmark cannot ask Linux for a child's peak memory from Python: a child's peak
 * (ru_maxrss) includes the memory image it was forked from, so every command run from
 * Python would weigh at least as much as Python itself (about 14 MB). Forked from this
 * small program instead, a command's peak is its own. The command's standard output goes
 * to /dev/null (what it writes is not what is measured). Built by `make bench`. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: measure COMMAND [ARGUMENT...]\n");
        return 2;
    }
    pid_t child = fork();
    if (child < 0) {
        perror("measure: fork");
        return 2;
    }
    if (child == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null < 0 || dup2(null, STDOUT_FILENO) < 0) {
            perror("measure: /dev/null");
            _exit(127);
        }
        execvp(argv[1], argv + 1);
        perror("measure: exec");
        _exit(127);
    }
    int status;
    struct rusage usage;
    if (wait4(child, &status, 0, &usage) < 0) {
        perror("measure: wait4");
        return 2;
    }
    printf("%.6f %.6f %ld %d\n", usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6,
           usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6, usage.ru_maxrss,
           WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    return 0;
}
