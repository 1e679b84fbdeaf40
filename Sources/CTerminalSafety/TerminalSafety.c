// Signal handlers must be async-signal-safe, which Swift code cannot promise: they live here.
#include "CTerminalSafety.h"

#include <signal.h>
#include <stddef.h>
#include <ncursesw/curses.h>

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

// Requests to quit: the loop ends cleanly and podmem exits 0.
static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
// Every other signal whose default action ends the process without a core dump. The loop ends cleanly, the
// terminal is restored, then the signal is raised again with its previous disposition, so whoever sent it sees
// the process end by it. SIGWINCH, SIGCHLD, SIGURG and SIGCONT are ignored by default; SIGTSTP, SIGTTIN and SIGTTOU
// stop it (ncurses handles SIGTSTP). Real-time signals are added at install (SIGRTMIN is a glibc call).
static const int fatal_signals[] = {SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGPIPE, SIGIO, SIGPWR, SIGSTKFLT};
// Signals that dump core by default: endwin() right in the handler, then the previous handler or the default action.
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT, SIGSYS, SIGXCPU, SIGXFSZ};

#define SIGNAL_LIMIT 65 // signal numbers are 1...64 on Linux

static struct sigaction previous_stop[COUNT(stop_signals)];
static struct sigaction previous_crash[COUNT(crash_signals)];
static struct sigaction previous_fatal[SIGNAL_LIMIT];
static bool fatal_installed[SIGNAL_LIMIT];
static volatile sig_atomic_t stop_requested = 0;
static volatile sig_atomic_t fatal_signal = 0;
static bool installed = false;

static void on_stop(int signal_number) {
    (void)signal_number;
    stop_requested = 1;
}

static void on_fatal(int signal_number) {
    if (fatal_signal == 0) fatal_signal = signal_number;
    stop_requested = 1;
}

static void install_fatal(int signal_number, const struct sigaction *action) {
    if (signal_number <= 0 || signal_number >= SIGNAL_LIMIT) return;
    struct sigaction current;
    // A signal the parent set to be ignored (nohup, a supervisor) would not end the process: leave it ignored.
    if (sigaction(signal_number, NULL, &current) != 0 || current.sa_handler == SIG_IGN) return;
    if (sigaction(signal_number, action, &previous_fatal[signal_number]) == 0) fatal_installed[signal_number] = true;
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
    fatal_signal = 0;

    struct sigaction action = {0};
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_stop;
    for (size_t i = 0; i < COUNT(stop_signals); i++) sigaction(stop_signals[i], &action, &previous_stop[i]);

    action.sa_handler = on_fatal;
    for (size_t i = 0; i < COUNT(fatal_signals); i++) install_fatal(fatal_signals[i], &action);
    for (int signal_number = SIGRTMIN; signal_number <= SIGRTMAX; signal_number++) install_fatal(signal_number, &action);

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
    for (int signal_number = 1; signal_number < SIGNAL_LIMIT; signal_number++) {
        if (fatal_installed[signal_number]) sigaction(signal_number, &previous_fatal[signal_number], NULL);
        fatal_installed[signal_number] = false;
    }
    installed = false;
}

void podmem_terminal_raise_fatal_signal(void) {
    int signal_number = fatal_signal;
    if (signal_number == 0 || installed) return;
    fatal_signal = 0;
    // The previous disposition is back (the default: the process ends by this signal, as its sender expects).
    raise(signal_number);
}
