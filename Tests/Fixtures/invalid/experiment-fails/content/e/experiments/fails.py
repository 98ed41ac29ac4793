import sys

print("setting up", file=sys.stderr)
print("cannot reach the database", file=sys.stderr)
sys.exit(3)
