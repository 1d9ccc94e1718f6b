"""A synthetic site of N Swedish pages and their translations, for `make bench`.

Why synthetic: our real site has nine pages per edition, too few to show how build time
grows. The pages are made of real sentences from our own pages in each edition (so the
readability and terminology gates do their normal work, glossary terms included), with
one worked example per ten pages, and every translation records its Swedish version.

    python bench/corpus.py N DEST     # writes DEST/mkdocs.yml, DEST/docs/<edition>/…
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

from klarinfo.base import project
from klarinfo.editions import translation_status as ts

ROOT = Path(__file__).resolve().parent.parent
_SKIP = re.compile(r"^(#|\||```|<|\{\{|---|\s*$)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def sentences(edition: str) -> list[str]:
    """Plain prose lines of an edition's real pages (no headings, lists of links, code)."""
    out = []
    for page in sorted((ROOT / "docs" / edition).glob("*.md")):
        body = ts.split(page.read_text(encoding="utf-8"))[1]
        in_code = False
        for raw in body.splitlines():
            if raw.startswith("```"):
                in_code = not in_code
                continue
            line = raw.removeprefix("- ").strip()
            if in_code or _SKIP.match(line) or "{{" in line or "](" in line or len(line) < 20 \
                    or _DATE.search(line):  # source lines, not prose
                continue
            out.append(line)
    return out


def page(edition: str, index: int, bank: list[str], rng: random.Random,
         source_hash: str | None) -> str:
    heading = bank[rng.randrange(len(bank))].rstrip(".?!:")[:60]
    title = heading.replace("\\", "").replace('"', "'")
    plain = [line for line in bank if len(line) <= 155 and not any(c.isdigit() for c in line)]
    summary = plain[rng.randrange(len(plain))].replace("\\", "").replace('"', "'")
    meta = [f'title: "{title}"', f'description: "{summary}"', "reviewed: 2026-11-23"]
    if source_hash:
        meta += [f"translation_of: sida-{index:04d}.md", f"source_hash: {source_hash}",
                 "translation_status: draft"]
    parts = ["---", *meta, "---", "", f"# {heading}", ""]
    for section in range(4):
        parts += [f"## {bank[rng.randrange(len(bank))].rstrip('.?!:')[:50]}", ""]
        for _ in range(3):
            parts += [bank[rng.randrange(len(bank))] for _ in range(3)] + [""]
        if section == 1 and index % 10 == 0:
            parts += ["```life-income", "preset: both-employed", "```", ""]
    sources = {"sv": "Källor", "sv-latt": "Källor", "en": "Sources", "ar": "المصادر",
               "so": "Ilaha"}[edition]
    parts += [f"## {sources}", "", "- Försäkringskassan. 2026-11-23.", ""]
    return "\n".join(parts)


def write(n: int, dest: Path, seed: int = 1) -> Path:
    """The corpus project; returns its mkdocs.yml."""
    if dest.exists():
        shutil.rmtree(dest)
    proj = project.load(ROOT / "mkdocs.yml")
    default = proj.default_edition()
    for name in ("locales", "glossary", "data"):
        shutil.copytree(ROOT / name, dest / name)
    for edition in proj.editions():
        folder = dest / "docs" / edition
        folder.mkdir(parents=True)
        bank = sentences(edition)
        rng = random.Random(f"{seed}-{edition}")
        for index in range(n):
            source = None
            if edition != default:
                sv_text = (dest / "docs" / default / f"sida-{index:04d}.md").read_text(
                    encoding="utf-8")
                source = ts.source_hash(sv_text)
            (folder / f"sida-{index:04d}.md").write_text(
                page(edition, index, bank, rng, source), encoding="utf-8")
        shutil.copy(ROOT / "docs" / edition / "index.md", folder / "index.md")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest / "mkdocs.yml"


if __name__ == "__main__":
    print(write(int(sys.argv[1]), Path(sys.argv[2])))
