#ifndef C_GLIBC_FLOOR_H
#define C_GLIBC_FLOOR_H

#include <stdint.h>

// Definitions that keep the release binary's glibc floor at 2.34 (see hypotf.c and arc4random.c). Nothing calls
// them by name: the link binds the Swift runtime's and libstdc++'s references to them instead of newer libc versions.
// Hidden, so they never enter the dynamic symbol table: an exported hypotf would also satisfy the versioned
// hypotf@GLIBC_2.2.5 import it forwards to, and call itself forever.
__attribute__((visibility("hidden"))) float hypotf(float x, float y);
__attribute__((visibility("hidden"))) uint32_t arc4random(void);

#endif
