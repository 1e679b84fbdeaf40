#ifndef C_TERMINAL_SAFETY_H
#define C_TERMINAL_SAFETY_H

#include <stdbool.h>

/// Installs the handlers that keep the terminal usable while curses owns it:
/// SIGINT, SIGTERM and SIGHUP only set a flag (without SA_RESTART, so a blocking read returns
/// and the app loop can quit cleanly); every other catchable signal that would end the process
/// (SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGPIPE, SIGIO, SIGPWR, SIGSTKFLT, real-time
/// signals; not those the parent set to be ignored) sets the same flag and is remembered for
/// podmem_terminal_raise_fatal_signal; SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT,
/// SIGSYS, SIGXCPU and SIGXFSZ call endwin() and then let the previous handler (the default, or
/// Swift's backtracer) run.
/// Install before newterm so ncurses leaves SIGINT/SIGTERM to us. Calling it twice is harmless.
void podmem_terminal_safety_install(void);

/// True once a stop or fatal signal arrived since the install.
bool podmem_terminal_stop_requested(void);

/// Restores the handlers that were in place before the install.
void podmem_terminal_safety_uninstall(void);

/// After the uninstall (terminal restored): raises the first fatal signal received, if any, under
/// its previous disposition, so the process ends by it as it would have without podmem's handler.
void podmem_terminal_raise_fatal_signal(void);

#endif
