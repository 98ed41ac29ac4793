#!/usr/bin/env python3
"""Which folders of a Swift module use each other's types, and the cycles among them.

usage: scripts/folder-cycles.py Sources/EvidentEvidence [--quiet]

A folder *uses* another when one of its files names a type (struct, enum, class, protocol, typealias or actor)
declared at the top level of a file in the other folder. Files directly in the module's folder are its
entry points, free to use every folder, and are left out. Prints each edge with the names that make it and exits 1
when two folders reach each other (a cycle), so that `make lint` keeps the module's folders in layers."""
import re
import sys
from pathlib import Path

DECLARATION = re.compile(r"^(?:package |public |internal |fileprivate |private |final |indirect )*"
                         r"(?:struct|enum|class|protocol|typealias|actor)\s+(\w+)", re.M)
WORD = re.compile(r"\b[A-Z]\w*\b")
COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
STRING = re.compile(r'"(?:\\.|[^"\\])*"')


def folders(module: Path) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for file in sorted(module.rglob("*.swift")):
        relative = file.relative_to(module)
        if len(relative.parts) > 1:
            found.setdefault(relative.parts[0], []).append(file)
    return found


def main() -> int:
    module = Path(sys.argv[1])
    quiet = "--quiet" in sys.argv
    files = folders(module)
    owner: dict[str, str] = {}
    texts: dict[str, str] = {}
    for folder, paths in files.items():
        text = "\n".join(STRING.sub('""', COMMENT.sub("", p.read_text())) for p in paths)
        texts[folder] = text
        for name in DECLARATION.findall(text):
            owner.setdefault(name, folder)
    uses: dict[str, dict[str, set[str]]] = {f: {} for f in files}
    for folder, text in texts.items():
        for word in set(WORD.findall(text)):
            other = owner.get(word)
            if other and other != folder:
                uses[folder].setdefault(other, set()).add(word)
    if not quiet:
        for folder in sorted(uses):
            for other in sorted(uses[folder]):
                print(f"{folder} -> {other}: {', '.join(sorted(uses[folder][other]))}")
    reach = {f: set(uses[f]) for f in uses}
    changed = True
    while changed:
        changed = False
        for f in reach:
            more = set().union(*(reach[o] for o in reach[f])) - reach[f] if reach[f] else set()
            if more:
                reach[f] |= more
                changed = True
    cycles = sorted({tuple(sorted((a, b))) for a in reach for b in reach[a] if a != b and a in reach[b]})
    for a, b in cycles:
        print(f"cycle: {a} and {b} reach each other ({module})", file=sys.stderr)
    return 1 if cycles else 0


if __name__ == "__main__":
    sys.exit(main())
