"""Counts the processes each experiment started, so tests can prove what a build ran."""
import os


def count(name):
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), f"runs-{name}.log"), "a") as log:
        log.write("run\n")
