/*
 * The floor for podmem's poll: the least work any reader of the same files must do.
 * Reads a list of paths (one per line), then opens, reads to the end into one reused buffer and closes
 * each file, pass after pass; no parsing (a short read is the end, as for podmem: see read_all). Prints one
 * number, its CPU time (user + system, from getrusage)
 * in microseconds, and nothing else, so the caller can compare.
 *
 * usage: floor [--at] LIST-FILE ITERATIONS
 *            ITERATIONS passes back to back; prints CPU time per pass.
 *        floor [--at] LIST-FILE --interval SECONDS --seconds DURATION
 *            one pass at the start of every interval for DURATION seconds, sleeping in between, as a live
 *            podmem polls; prints the CPU time of the whole DURATION.
 * --at: each file's directory is opened once (O_PATH, untimed, as podmem holds its cgroups' directories) and
 * files are opened with openat relative to it: the floor for a reader that skips the path walk, as podmem does.
 * One untimed pass comes first (the same warm-up the Swift side gets); any unreadable file is an
 * error, so a wrong list cannot make the floor look cheap.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static char buffer[64 * 1024];
/* With --at: per file, its directory's descriptor and its name within it; otherwise NULL. */
static int *directories;
static const char **names;

static int read_all(char **paths, size_t count) {
    for (size_t i = 0; i < count; i++) {
        int fd = directories ? openat(directories[i], names[i], O_RDONLY | O_CLOEXEC) : open(paths[i], O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            fprintf(stderr, "floor: %s: %s\n", paths[i], strerror(errno));
            return -1;
        }
        for (;;) {
            ssize_t got = read(fd, buffer, sizeof buffer);
            /* A cgroup file is one seq_file record, returned whole to one large read: a short read is its end. */
            if (got > 0 && (size_t)got < sizeof buffer) break;
            if (got > 0) continue;
            if (got < 0 && errno == EINTR) continue;
            if (got < 0) {
                fprintf(stderr, "floor: %s: %s\n", paths[i], strerror(errno));
                close(fd);
                return -1;
            }
            break;
        }
        close(fd);
    }
    return 0;
}

static double cpu_microseconds(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e6 + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

/* Sleeps until `start` plus `seconds` on the monotonic clock: deadlines, so passes do not drift. */
static void sleep_until(struct timespec start, double seconds) {
    double whole = (double)(long)seconds;
    struct timespec deadline = {start.tv_sec + (time_t)whole, start.tv_nsec + (long)((seconds - whole) * 1e9)};
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec += 1;
        deadline.tv_nsec -= 1000000000L;
    }
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL) == EINTR) {}
}

/* One pass per interval for `duration` seconds; the CPU time of the whole duration, idle time included. */
static int paced(char **paths, size_t count, double interval, double duration) {
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    double cpu = cpu_microseconds();
    for (long pass = 0; pass * interval < duration - 1e-9; pass++) {
        sleep_until(start, pass * interval);
        if (read_all(paths, count) != 0) return 1;
    }
    sleep_until(start, duration);
    printf("%.3f\n", cpu_microseconds() - cpu);
    return 0;
}

static const char usage[] = "usage: floor [--at] LIST-FILE ITERATIONS\n"
                            "       floor [--at] LIST-FILE --interval SECONDS --seconds DURATION\n";

/* Opens each listed file's directory once (consecutive files of one cgroup share it); 0 or -1 on failure. */
static int open_directories(char **paths, size_t count) {
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    directories = malloc(count * sizeof *directories);
    names = malloc(count * sizeof *names);
    if (!directories || !names) return -1;
    for (size_t i = 0; i < count; i++) {
        char *slash = strrchr(paths[i], '/');
        if (!slash) return -1;
        names[i] = slash + 1;
        size_t length = (size_t)(slash - paths[i]);
        if (i > 0 && strncmp(paths[i], paths[i - 1], length) == 0 && names[i - 1] == paths[i - 1] + length + 1) {
            directories[i] = directories[i - 1];
            continue;
        }
        char *directory = strndup(paths[i], length);
        directories[i] = open(directory, O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (directories[i] < 0) {
            fprintf(stderr, "floor: %s: %s\n", directory, strerror(errno));
            return -1;
        }
        free(directory);
    }
    return 0;
}

int main(int argc, char **argv) {
    int at = argc > 1 && strcmp(argv[1], "--at") == 0;
    if (at) {
        argv++;
        argc--;
    }
    int is_paced = argc == 6 && strcmp(argv[2], "--interval") == 0 && strcmp(argv[4], "--seconds") == 0;
    double interval = is_paced ? atof(argv[3]) : 0, duration = is_paced ? atof(argv[5]) : 0;
    if (is_paced ? interval <= 0 || duration <= 0 : argc != 3 || atoi(argv[2]) < 1) {
        fputs(usage, stderr);
        return 2;
    }
    FILE *list = fopen(argv[1], "r");
    if (!list) {
        fprintf(stderr, "floor: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    char **paths = NULL;
    size_t count = 0, capacity = 0;
    char *line = NULL;
    size_t line_capacity = 0;
    ssize_t length;
    while ((length = getline(&line, &line_capacity, list)) > 0) {
        if (line[length - 1] == '\n') line[--length] = '\0';
        if (length == 0) continue;
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 1024;
            paths = realloc(paths, capacity * sizeof *paths);
            if (!paths) return 1;
        }
        paths[count++] = strdup(line);
    }
    fclose(list);
    if (count == 0) {
        fprintf(stderr, "floor: %s lists no files\n", argv[1]);
        return 1;
    }

    if (at && open_directories(paths, count) != 0) return 1;
    if (read_all(paths, count) != 0) return 1;
    if (is_paced) return paced(paths, count, interval, duration);
    int iterations = atoi(argv[2]);
    double start = cpu_microseconds();
    for (int i = 0; i < iterations; i++) {
        if (read_all(paths, count) != 0) return 1;
    }
    printf("%.3f\n", (cpu_microseconds() - start) / iterations);
    return 0;
}
