// arc4random arrived in glibc 2.36. The static libstdc++ brings std::random_device's code, which calls it, so the
// release binary would need glibc 2.36; this definition takes that reference and reads the kernel's random pool
// with getrandom(2) (glibc 2.25), as glibc's own arc4random does, so the binary still starts on glibc 2.34.
#include "CGlibcFloor.h"

#if defined(__linux__)
#include <features.h>
#endif

#if defined(__GLIBC__)
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/random.h>

uint32_t arc4random(void) {
    uint32_t value;
    size_t filled = 0;
    while (filled < sizeof value) {
        ssize_t got = getrandom((char *)&value + filled, sizeof value - filled, 0);
        if (got > 0) {
            filled += (size_t)got;
        } else if (got < 0 && errno != EINTR) {
            // glibc's arc4random aborts too when the kernel cannot supply randomness.
            abort();
        }
    }
    return value;
}
#endif
