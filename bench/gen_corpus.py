#!/usr/bin/env python3
"""Writes a deterministic evident site of N essays (~8 KB each) for build-speed benchmarks.

    python3 bench/gen_corpus.py OUT_DIR [--essays 1000] [--seed 20240601] [--size 8000]

OUT_DIR/content/site.yml and OUT_DIR/content/<slug>/index.md, each essay with front matter, headings, lists,
emphasis, links, inline code and fenced code blocks in python, swift and bash. The same arguments always give
the same bytes (random.Random with a fixed seed, no clock, no environment).
"""

import argparse
import random
from pathlib import Path

WORDS = """
async await loop event task thread process queue latency throughput handler request response server client
socket buffer memory cache page render parse token stream channel future promise callback scheduler worker
pool lock mutex atomic signal timer deadline budget sample median interval ratio claim evidence measure
experiment variant baseline cell metric outlier noise machine core kernel syscall file disk network packet
frame byte string array map set tree graph node edge path cost time space small large fast slow simple honest
careful subtle obvious common rare early late cold warm fresh stale
""".split()

LANGUAGES = ["python", "swift", "bash"]


def sentence(rng, emphasis=True):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    if emphasis:
        roll = rng.random()
        i = rng.randrange(len(words))
        if roll < 0.15:
            words[i] = f"*{words[i]}*"
        elif roll < 0.25:
            words[i] = f"**{words[i]}**"
        elif roll < 0.35:
            words[i] = f"`{words[i]}_{rng.randint(0, 99)}()`"
        elif roll < 0.45:
            words[i] = f"[{words[i]}](https://example.org/{rng.choice(WORDS)}/{rng.randint(1, 999)})"
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def ident(rng):
    return f"{rng.choice(WORDS)}_{rng.choice(WORDS)}"


def code_block(rng, language):
    name = ident(rng)
    lines = []
    if language == "python":
        lines.append(f"import {rng.choice(['asyncio', 'time', 'json', 'os'])}")
        lines.append("")
        lines.append(f"async def {name}(n: int = {rng.randint(1, 1000)}) -> list[float]:")
        lines.append(f'    """{sentence(rng, emphasis=False)}"""')
        lines.append("    results = []")
        for _ in range(rng.randint(3, 7)):
            lines.append(f"    {ident(rng)} = await {ident(rng)}(n * {rng.randint(2, 9)}, timeout={rng.random():.3f})")
        lines.append("    for i in range(n):")
        lines.append(f"        results.append(i / {rng.randint(2, 50)})  # {rng.choice(WORDS)}")
        lines.append("    return results")
    elif language == "swift":
        lines.append("import Foundation")
        lines.append("")
        lines.append(f"func {name.replace('_', '')}(count: Int = {rng.randint(1, 1000)}) async throws -> [Double] {{")
        lines.append(f"    // {sentence(rng, emphasis=False)}")
        lines.append("    var values: [Double] = []")
        for _ in range(rng.randint(3, 7)):
            lines.append(
                f"    let {ident(rng).replace('_', '')} = try await {ident(rng).replace('_', '')}(count * {rng.randint(2, 9)})")
        lines.append("    for index in 0..<count {")
        lines.append(f"        values.append(Double(index) / {rng.randint(2, 50)}.0)")
        lines.append("    }")
        lines.append("    return values")
        lines.append("}")
    else:
        lines.append("#!/usr/bin/env bash")
        lines.append("set -euo pipefail")
        lines.append(f"# {sentence(rng, emphasis=False)}")
        for _ in range(rng.randint(3, 7)):
            lines.append(
                f"{rng.choice(['grep -c', 'wc -l', 'cat', 'ls -la'])} \"${{{ident(rng).upper()}:-/tmp/{rng.choice(WORDS)}}}\" | sort -n | tail -{rng.randint(1, 20)}")
        lines.append(f"for f in /var/log/{rng.choice(WORDS)}*; do echo \"$f\"; done")
    return f"```{language}\n" + "\n".join(lines) + "\n```"


def bullet_list(rng, ordered):
    items = []
    for n in range(1, rng.randint(3, 6) + 1):
        marker = f"{n}." if ordered else "-"
        items.append(f"{marker} {sentence(rng)}")
    return "\n".join(items)


def essay(rng, number, size):
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 6))).capitalize()
    year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
    tags = sorted(set(rng.choice(WORDS) for _ in range(rng.randint(1, 4))))
    front = (
        "---\n"
        f"title: \"{title} {number}\"\n"
        f"date: {year:04d}-{month:02d}-{day:02d}\n"
        f"summary: \"{sentence(rng, emphasis=False)}\"\n"
        f"tags: [{', '.join(tags)}]\n"
        "---\n\n"
    )
    blocks = [paragraph(rng), paragraph(rng)]
    languages = LANGUAGES[:]
    rng.shuffle(languages)
    section = 0
    while len(front) + sum(len(b) + 2 for b in blocks) < size:
        section += 1
        level = "##" if section % 3 else "###"
        blocks.append(f"{level} {sentence(rng, emphasis=False)[:-1]}")
        blocks.append(paragraph(rng))
        roll = rng.random()
        if roll < 0.3:
            blocks.append(bullet_list(rng, ordered=False))
        elif roll < 0.5:
            blocks.append(bullet_list(rng, ordered=True))
        if languages and section % 2 == 1:
            blocks.append(code_block(rng, languages.pop()))
        blocks.append(paragraph(rng))
    return front + "\n\n".join(blocks) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--essays", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--size", type=int, default=8000, help="approximate bytes per essay")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    content = args.out / "content"
    content.mkdir(parents=True, exist_ok=True)
    (content / "site.yml").write_text(
        "title: Benchmark corpus\nbase_url: https://bench.example.org/\nauthor: bench\nlanguage: en\n")
    for number in range(args.essays):
        slug = f"essay-{number:04d}"
        (content / slug).mkdir(exist_ok=True)
        (content / slug / "index.md").write_text(essay(rng, number, args.size))


if __name__ == "__main__":
    main()
