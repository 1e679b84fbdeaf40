// Header-only: this target exists to bring <malloc.h> into Swift.
#include "CMallocTuning.h"
