"""Generate a synthetic arena of N items for benchmarks (deterministic per seed).

Usage: python scripts/generate_arena.py TARGET_DIR N [--seed 1] [--people P]

TARGET_DIR gets a full project: the repository's mkdocs.yml, hooks, content,
overrides and data, plus N generated methods, cases and posts (60/30/10), and
with --people P generated people in data/people.yml whom the items name.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "hooks", "content", "overrides", "data")
WORDS = ("arbetssätt behov invånare verksamhet samverkan idé prototyp test lärande kommun region "
         "tjänst utveckling medarbetare workshop dialog resultat förändring digitalisering kvalitet "
         "trygghet omsorg skola service uppföljning ledning kultur mod tillit data").split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(sentence(rng, rng.randint(6, 14)) for _ in range(sentences))


def front(data: dict) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n\n"


def generate_people(target: Path, count: int, organisations: list[str], rng: random.Random) -> list[str]:
    """`count` people appended to data/people.yml; their ids."""
    ids, lines = [], []
    for i in range(count):
        pid = f"person-{i:05d}"
        ids.append(pid)
        lines.append(f"\n{pid}:\n  name: {rng.choice(WORDS).capitalize()} Efternamn{i}\n"
                     f"  role: {rng.choice(WORDS).capitalize()}\n  organisation: {rng.choice(organisations)}\n"
                     f"  email: {pid}@kommun.example\n")
    with (target / "data/people.yml").open("a", encoding="utf-8") as handle:
        handle.write("".join(lines))
    return ids


def generate(target: Path, count: int, seed: int = 1, people_count: int = 0) -> dict[str, int]:
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    taxonomy = yaml.safe_load((REPO / "data/taxonomy.yml").read_text(encoding="utf-8"))
    people = list(yaml.safe_load((REPO / "data/people.yml").read_text(encoding="utf-8")))
    if people_count:
        people = generate_people(target, people_count, list(taxonomy["organisations"]), rng)
    n_methods, n_cases = int(count * 0.6), int(count * 0.3)
    n_posts = count - n_methods - n_cases
    method_slugs = [f"metod-{i:05d}" for i in range(n_methods)]
    today = dt.date(2026, 11, 1)

    for folder in ("methods", "cases", "blog/posts"):
        (target / folder).mkdir(parents=True, exist_ok=True)
    for slug in method_slugs:
        low = rng.choice((15, 30, 45, 60, 90, 120))
        people_low = rng.randint(1, 8)
        data = {
            "title": f"Metod {slug[-5:]} {rng.choice(WORDS)}",
            "summary": sentence(rng, 18)[:290],
            "phases": rng.sample(list(taxonomy["phases"]), rng.randint(1, 2)),
            "duration": {"min": low, "max": low * rng.randint(1, 4)},
            "group_size": {"min": people_low, "max": people_low + rng.randint(0, 20)},
            "difficulty": rng.choice(list(taxonomy["difficulties"])),
            "materials": [rng.choice(WORDS).capitalize() for _ in range(rng.randint(0, 4))],
            "tags": rng.sample(list(taxonomy["tags"]), rng.randint(0, 3)),
            "related": [s for s in rng.sample(method_slugs, 3) if s != slug][:2],
            "license": "CC-BY-4.0",
            "contacts": [rng.choice(people)],
            "considerations": [{"topic": rng.choice(list(taxonomy["consideration_topics"])),
                                "note": sentence(rng, 12)}],
            "updated": today - dt.timedelta(days=rng.randint(0, 900)),
        }
        body = (f"## Syfte\n\n{paragraph(rng)}\n\n## Så gör du\n\n"
                + "\n".join(f"{i}. {sentence(rng, 10)}" for i in range(1, 6))
                + f"\n\n## Tips\n\n- {sentence(rng, 9)}\n- {sentence(rng, 9)}\n")
        (target / "methods" / f"{slug}.md").write_text(front(data) + body, encoding="utf-8")
    for i in range(n_cases):
        data = {
            "title": f"Exempel {i:05d} om {rng.choice(WORDS)}",
            "summary": sentence(rng, 20)[:290],
            "organisation": rng.choice(list(taxonomy["organisations"])),
            "unit": rng.choice(("Socialförvaltningen", "Stadsbyggnad", "Utbildning", "Kommunstyrelsen")),
            "year": rng.randint(2012, 2026),
            "status": rng.choice(list(taxonomy["case_statuses"])),
            "methods": rng.sample(method_slugs, min(len(method_slugs), rng.randint(1, 3))),
            "outcomes": [sentence(rng, 8) for _ in range(rng.randint(1, 3))],
            "contacts": [rng.choice(people)],
            "tags": rng.sample(list(taxonomy["tags"]), rng.randint(0, 3)),
            "published": today - dt.timedelta(days=rng.randint(0, 900)),
        }
        body = "\n\n".join(f"## {h}\n\n{paragraph(rng)}" for h in ("Bakgrund", "Så gjorde vi", "Resultat")) + "\n"
        (target / "cases" / f"exempel-{i:05d}.md").write_text(front(data) + body, encoding="utf-8")
    for i in range(n_posts):
        data = {
            "title": f"Inlägg {i:05d} om {rng.choice(WORDS)}",
            "date": today - dt.timedelta(days=rng.randint(0, 1500)),
            "authors": [rng.choice(people)],
            "categories": [rng.choice(taxonomy["blog_categories"])],
            "organisation": rng.choice(list(taxonomy["organisations"])),
            "tags": rng.sample(list(taxonomy["tags"]), rng.randint(0, 2)),
            "summary": sentence(rng, 16)[:290],
        }
        body = f"{paragraph(rng, 2)}\n\n<!-- more -->\n\n## Mer\n\n{paragraph(rng)}\n"
        (target / "blog/posts" / f"inlagg-{i:05d}.md").write_text(front(data) + body, encoding="utf-8")
    return {"methods": n_methods, "cases": n_cases, "posts": n_posts, "people": len(people)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--people", type=int, default=0, help="generated people in data/people.yml")
    args = parser.parse_args()
    print(generate(args.target, args.count, args.seed, args.people))


if __name__ == "__main__":
    main()
