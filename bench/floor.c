/*
 * The floor for podmem's poll: the least work any reader of the same files must do.
 * Reads a list of paths (one per line), then opens, reads until EOF into one reused buffer and closes
 * each file, pass after pass; no parsing. Prints one number, its CPU time (user + system, from getrusage)
 * in microseconds, and nothing else, so the caller can compare.
 *
 * usage: floor LIST-FILE ITERATIONS
 *            ITERATIONS passes back to back; prints CPU time per pass.
 *        floor LIST-FILE --interval SECONDS --seconds DURATION
 *            one pass at the start of every interval for DURATION seconds, sleeping in between, as a live
 *            podmem polls; prints the CPU time of the whole DURATION.
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

static int read_all(char **paths, size_t count) {
    for (size_t i = 0; i < count; i++) {
        int fd = open(paths[i], O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            fprintf(stderr, "floor: %s: %s\n", paths[i], strerror(errno));
            return -1;
        }
        for (;;) {
            ssize_t got = read(fd, buffer, sizeof buffer);
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

static const char usage[] = "usage: floor LIST-FILE ITERATIONS\n"
                            "       floor LIST-FILE --interval SECONDS --seconds DURATION\n";

int main(int argc, char **argv) {
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
