// The release binary runs on glibc 2.34 (RHEL 9, Amazon Linux 2023). glibc 2.35 gave hypotf a new symbol version
// (hypotf@GLIBC_2.35, the same function without the old SVID error wrapper), and the Swift runtime's reference
// binds to the newest version of the build machine. This definition takes that reference and forwards it to the
// version every glibc exports since the architecture's first (2.2.5 on x86_64, 2.17 on aarch64); results are
// equal, only errno on overflow follows the old convention.
#include "CGlibcFloor.h"

#if defined(__linux__)
#include <features.h>
#endif

#if defined(__GLIBC__) && (defined(__x86_64__) || defined(__aarch64__))
#if defined(__x86_64__)
__asm__(".symver podmem_hypotf_first_version, hypotf@GLIBC_2.2.5");
#else
__asm__(".symver podmem_hypotf_first_version, hypotf@GLIBC_2.17");
#endif
float podmem_hypotf_first_version(float x, float y);

float hypotf(float x, float y) {
    return podmem_hypotf_first_version(x, y);
}
#endif
