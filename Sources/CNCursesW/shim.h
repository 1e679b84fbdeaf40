// SwiftPM drops pkg-config's -D flags, so wide-character support is switched on here.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <stdbool.h>
#include <stdio.h>
#include <ncursesw/curses.h>

// Swift 6 rejects C's mutable globals (stdscr, stdout, stdin) and cannot expand
// function-like macros (getmaxyx, A_BOLD), so these wrappers expose them as functions.

/// newterm on the process's own stdout/stdin; NULL (instead of exiting, as initscr would) when TERM is unusable.
static inline SCREEN *podmem_newterm(const char *type) { return newterm(type, stdout, stdin); }

/// The standard screen of the current SCREEN.
static inline WINDOW *podmem_stdscr(void) { return stdscr; }

static inline int podmem_getmaxy(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)x; return y; }
static inline int podmem_getmaxx(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)y; return x; }

/// The video attributes of a style (its color pair is passed separately to wattr_set).
static inline attr_t podmem_attributes(bool bold, bool dim, bool reverse, bool underline) {
    return (bold ? A_BOLD : 0) | (dim ? A_DIM : 0) | (reverse ? A_REVERSE : 0) | (underline ? A_UNDERLINE : 0);
}
