import subprocess
import sys

# A worker that would outlive this process, holding its stdout open.
subprocess.Popen(["sleep", "600"])
print("the worker is still running", file=sys.stderr)
sys.exit(2)
