#ifndef C_TERMINAL_SAFETY_H
#define C_TERMINAL_SAFETY_H

#include <stdbool.h>

/// Installs the handlers that keep the terminal usable while curses owns it:
/// SIGINT, SIGTERM and SIGHUP only set a flag (without SA_RESTART, so a blocking read returns
/// and the app loop can quit cleanly); SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT and SIGFPE
/// call endwin() and then let the previous handler (the default, or Swift's backtracer) run.
/// Install before newterm so ncurses leaves SIGINT/SIGTERM to us. Calling it twice is harmless.
void podmem_terminal_safety_install(void);

/// True once SIGINT, SIGTERM or SIGHUP arrived since the install.
bool podmem_terminal_stop_requested(void);

/// Restores the handlers that were in place before the install.
void podmem_terminal_safety_uninstall(void);

#endif
