#!/usr/bin/env python3
"""End-to-end test of "Run it again": the commands a built site prints, run as a reader would.

For each PAGE (a source page under PUBLIC_DIR, such as `async-thoughts/experiments/await_loop.py.html`), takes
every "one cell by hand" command the page shows, exactly as printed, and runs it with bash from the root of a fresh
copy of the repository (its tracked files only, as a clone has them: no venv, no cache, no built site), with this
Python's folder first on the PATH, as the site's requirements installed would be. Each command must exit 0 and
print the runner protocol's JSON lines. The page must also show `git clone` of the repository that
content/site.yml names (when it names one; else say that the commands run from a clone of the site's repository),
and publish the helper it links to beside the source.

usage: scripts/rerun_test.py PUBLIC_DIR PAGE [PAGE]...
Exits 1 on a failed assertion.
"""
import html
import json
import os
import re
import subprocess
import sys
import tempfile

COMMAND = re.compile(r'<code class="rerun-cell"[^>]*>(.*?)</code>', re.S)
HELPER = re.compile(r'<a href="([^"]+)" download><code>')
TIMEOUT_S = 300


def fail(message):
    print(f"rerun: FAIL {message}", file=sys.stderr)
    sys.exit(1)


def fresh_copy(destination):
    """The repository's tracked files, as they are in the working tree, copied into `destination`."""
    files = subprocess.run(["git", "ls-files", "-z"], check=True, capture_output=True).stdout.split(b"\0")
    archive = subprocess.run(
        ["tar", "-cf", "-", "--null", "-T", "-"], input=b"\0".join(f for f in files if f and os.path.exists(f)),
        check=True, capture_output=True).stdout
    subprocess.run(["tar", "-xf", "-", "-C", destination], input=archive, check=True)


def repository():
    """The repository content/site.yml names, or None."""
    for line in open("content/site.yml"):
        if line.startswith("repository:"):
            return line.split(":", 1)[1].strip()
    return None


def run(command, clone):
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    env.pop("PYTHONPATH", None)
    env.pop("NODE_PATH", None)
    try:
        done = subprocess.run(["bash", "-c", command], cwd=clone, env=env, capture_output=True, text=True,
                              timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        fail(f"timed out after {TIMEOUT_S} s: {command}")
    if done.returncode != 0:
        fail(f"exit status {done.returncode}: {command}\n{done.stderr[-2000:]}")
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines or not all("metric" in line and "value" in line for line in lines):
        fail(f"no runner protocol lines from: {command}\n{done.stdout[-2000:]}")
    return len(lines)


def main(public, pages):
    named = repository()
    clone_line = f"git clone {named} " if named else "From a clone of the site's repository"
    with tempfile.TemporaryDirectory(prefix="evident-rerun-") as clone:
        fresh_copy(clone)
        for page in pages:
            text = open(os.path.join(public, page)).read()
            if clone_line not in html.unescape(text):
                fail(f"{page} does not show `{clone_line}...`")
            helper = HELPER.search(text)
            if not helper or not os.path.isfile(os.path.join(public, os.path.dirname(page), helper.group(1))):
                fail(f"{page} does not publish the helper it links to beside the source")
            commands = [html.unescape(c) for c in COMMAND.findall(text)]
            if not commands:
                fail(f"{page} shows no command to run a cell by hand")
            for command in commands:
                count = run(command, clone)
                print(f"rerun: ok {page}: {count} lines from `{command[:90]}...`")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
