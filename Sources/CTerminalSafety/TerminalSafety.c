// Signal handlers must be async-signal-safe, which Swift code cannot promise: they live here.
#include "CTerminalSafety.h"

#include <signal.h>
#include <stddef.h>
#include <ncursesw/curses.h>

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};

static struct sigaction previous_stop[COUNT(stop_signals)];
static struct sigaction previous_crash[COUNT(crash_signals)];
static volatile sig_atomic_t stop_requested = 0;
static bool installed = false;

static void on_stop(int signal_number) {
    (void)signal_number;
    stop_requested = 1;
}

static void on_crash(int signal_number) {
    // endwin() is not async-signal-safe, but the process is dying anyway: best effort, as htop does,
    // so a crash does not leave the shell in raw mode on the alternate screen.
    endwin();
    for (size_t i = 0; i < COUNT(crash_signals); i++) {
        if (crash_signals[i] == signal_number) sigaction(signal_number, &previous_crash[i], NULL);
    }
    // Pending until this handler returns; then the previous handler (or the default action) takes over.
    raise(signal_number);
}

void podmem_terminal_safety_install(void) {
    if (installed) return;
    stop_requested = 0;

    struct sigaction action = {0};
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_stop;
    for (size_t i = 0; i < COUNT(stop_signals); i++) sigaction(stop_signals[i], &action, &previous_stop[i]);

    action.sa_handler = on_crash;
    action.sa_flags = SA_ONSTACK; // runs on the alternate stack if one exists (stack overflow)
    for (size_t i = 0; i < COUNT(crash_signals); i++) sigaction(crash_signals[i], &action, &previous_crash[i]);

    installed = true;
}

bool podmem_terminal_stop_requested(void) {
    return stop_requested != 0;
}

void podmem_terminal_safety_uninstall(void) {
    if (!installed) return;
    for (size_t i = 0; i < COUNT(stop_signals); i++) sigaction(stop_signals[i], &previous_stop[i], NULL);
    for (size_t i = 0; i < COUNT(crash_signals); i++) sigaction(crash_signals[i], &previous_crash[i], NULL);
    installed = false;
}
