# Touches 50 MiB of memory, so that the peak resident set size is at least that.
block = b"x" * (50 << 20)
print(len(block))
