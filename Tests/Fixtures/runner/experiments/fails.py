# An experiment that explains itself on stderr and fails.
import sys

print("setting up", file=sys.stderr)
print("cannot reach the database", file=sys.stderr)
sys.exit(1)
