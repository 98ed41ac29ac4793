#include "allocator.h"

#include <mimalloc.h>

void evident_allocator_configure(void) {
#if MI_MALLOC_VERSION >= 210
    mi_option_set(mi_option_purge_delay, 0);
#else
    mi_option_set(mi_option_decommit_delay, 0);
#endif
}
