#ifndef EVIDENT_ALLOCATOR_H
#define EVIDENT_ALLOCATOR_H

/// Configures mimalloc, which evident links in place of the C library's malloc: freed memory goes back to the
/// system at once rather than after a delay, so that a build's peak memory is that of its live data.
void evident_allocator_configure(void);

#endif
