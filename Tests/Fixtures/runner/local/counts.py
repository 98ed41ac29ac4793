# An experiment whose variants report numbers derived from their parameters, and its environment.
import os

import evident_bench

evident_bench.main({
    "double": lambda params: 2 * int(params["n"]),
    "environment": lambda params: len(os.environ.get("PYTHONPATH", "")),
    "cwd": lambda params: len(os.listdir(".")),
})
