"""Links and images in bodies: source paths work on the built site, and check catches what points nowhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_EPOCH, ArenaDir, copy_small_project

# A 1×1 PNG.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
CASE = "cases/sms-paminnelser.md"


def _with_links(arena: ArenaDir) -> None:
    arena.write("cases/bilder/karta.png", PNG)
    arena.write("cases/bilder/skiss.png", PNG)
    arena.replace(CASE, "published: 2026-03-01\n",
                  "published: 2026-03-01\nimage:\n  src: bilder/karta.png\n  alt: Karta över resan\n")
    arena.replace(CASE, "Många ansökningar kom in ofullständiga.",
                  "Många ansökningar kom in ofullständiga.\n\n"
                  "![Skiss av påminnelsen](bilder/skiss.png)\n\n"
                  "Vi följde [kundresan](../methods/kundresa.md) och dess "
                  "[syfte](../methods/kundresa.md#syfte), se även [personas](../../metoder/personas/).\n\n"
                  "![Foto](bilder/foto.png)")
    arena.write("content/exempel/bilder/foto.png", PNG)   # where images worked before: still fine
    arena.write("blog/posts/bilder/bild.png", PNG)
    arena.replace("blog/posts/forsta-inlagget.md", "Inledning.", "Inledning om [personas](../../methods/personas.md).")
    arena.replace("blog/posts/forsta-inlagget.md", "Resten av texten.",
                  "Resten av texten om [kundresan](../../methods/kundresa.md#sa-gor-du).\n\n"
                  "![Bild från verkstaden](bilder/bild.png)")
    # An item in a subfolder: its page is exempel/<slug>/ all the same, its images still beside it.
    arena.write("cases/2025/bilder/plan.png", PNG)
    arena.write("cases/2025/plan.md", arena.read(CASE).replace(
        "image:\n  src: bilder/karta.png\n  alt: Karta över resan", "image:\n  src: bilder/plan.png\n  alt: Planen")
        .replace("](../", "](../../").replace("![Foto](bilder/foto.png)", "").replace("(bilder/skiss.png)",
                                                                                  "(../bilder/skiss.png)"))
    arena.write("content/om.md", "---\ntitle: Om\n---\n\nSe [personas](../methods/personas.md).\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = copy_small_project(tmp_path_factory.mktemp("links") / "arena")
    _with_links(ArenaDir(root))
    site_dir = root.parent / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    result = subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(root), "build",
                             "--site-dir", str(site_dir)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def _resolved(site: Path, page: str, address: str) -> Path:
    return (site / page / address.split("#")[0]).resolve()


def test_images_beside_a_case_show_on_its_page(site: Path):
    page = "exempel/sms-paminnelser"
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    sources = {img["alt"]: img["src"] for img in soup.select("article img")}
    assert set(sources) >= {"Karta över resan", "Skiss av påminnelsen", "Foto"}
    for src in (sources["Karta över resan"], sources["Skiss av påminnelsen"], sources["Foto"]):
        assert _resolved(site, page, src).read_bytes() == PNG


def test_source_path_anchor_and_site_path_links_reach_the_item_pages(site: Path):
    page = "exempel/sms-paminnelser"
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(): a["href"] for a in soup.select("article a[href]")}
    assert _resolved(site, page, links["kundresan"]) == (site / "metoder" / "kundresa").resolve()
    assert links["syfte"].endswith("#syfte")
    assert _resolved(site, page, links["syfte"]) == (site / "metoder" / "kundresa").resolve()
    method = BeautifulSoup((site / "metoder/kundresa/index.html").read_text(encoding="utf-8"), "html.parser")
    assert method.find(id="syfte") is not None
    assert _resolved(site, page, links["personas"]) == (site / "metoder" / "personas").resolve()


def test_an_item_in_a_subfolder_shows_its_images_and_links(site: Path):
    page = "exempel/plan"
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    sources = {img["alt"]: img["src"] for img in soup.select("article img")}
    assert _resolved(site, page, sources["Planen"]).read_bytes() == PNG
    assert _resolved(site, page, sources["Skiss av påminnelsen"]).read_bytes() == PNG
    link = soup.select_one("article a[href*='kundresa']")["href"]
    assert _resolved(site, page, link) == (site / "metoder/kundresa").resolve()


def test_posts_and_content_pages_link_by_source_path_too(site: Path):
    post = "blog/forsta-inlagget"
    soup = BeautifulSoup((site / post / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one("article a[href*='kundresa']")["href"]
    assert link.endswith("#sa-gor-du") and _resolved(site, post, link) == (site / "metoder/kundresa").resolve()
    image = soup.select_one("article img[alt='Bild från verkstaden']")["src"]
    assert _resolved(site, post, image).read_bytes() == PNG
    excerpt = BeautifulSoup((site / "blog/index.html").read_text(encoding="utf-8"), "html.parser")
    link = excerpt.select_one("article a[href*='personas']")["href"]
    assert _resolved(site, "blog", link) == (site / "metoder/personas").resolve()
    about = BeautifulSoup((site / "om/index.html").read_text(encoding="utf-8"), "html.parser")
    link = about.select_one("article a[href*='personas']")["href"]
    assert _resolved(site, "om", link) == (site / "metoder/personas").resolve()


def test_check_accepts_what_builds(arena: ArenaDir):
    _with_links(arena)
    assert arena.problems() == []


def test_check_names_an_unknown_item_a_missing_image_and_an_unknown_anchor(arena: ArenaDir):
    arena.replace(CASE, "Många ansökningar kom in ofullständiga.",
                  "Många ansökningar kom in ofullständiga.\n\n"
                  "Se [kundresan](../methods/kundresan.md).\n\n"
                  "![Skiss](bilder/skiss.png)\n\n"
                  "Läs [så gör du](../methods/kundresa.md#sa-gor).\n\n"
                  "Och [personas](../../metoder/persona/).\n\n"
                  "[Rapporten](bilagor/rapport.pdf) och [data](../api/exempel.json).")
    assert arena.problems() == [
        f"{CASE}:19: body: länken '../methods/kundresan.md' går till metod 'kundresan' som inte finns "
        "(menade du '../methods/kundresa.md'?)",
        f"{CASE}:21: body: filen 'bilder/skiss.png' finns inte (lägg filen i mappen cases/bilder/ eller rätta "
        "sökvägen; den skrivs från den här filen, t.ex. bilder/foto.jpg för en bild i undermappen bilder/)",
        f"{CASE}:23: body: avsnittet '#sa-gor' i länken '../methods/kundresa.md#sa-gor' finns inte i "
        "methods/kundresa.md (menade du 'sa-gor-du'?)",
        f"{CASE}:25: body: länken '../../metoder/persona/' går till metod 'persona' som inte finns "
        "(menade du '../methods/personas.md'?)",
        f"{CASE}:27: body: filen 'bilagor/rapport.pdf' finns inte (lägg filen i mappen cases/bilagor/ eller "
        "rätta sökvägen; den skrivs från den här filen, t.ex. bilder/foto.jpg för en bild i undermappen bilder/)",
    ]


def test_check_names_a_missing_case_image(arena: ArenaDir):
    arena.replace(CASE, "published: 2026-03-01\n",
                  "published: 2026-03-01\nimage:\n  src: bilder/karta.png\n  alt: Karta\n")
    assert arena.problems() == [
        f"{CASE}:14: image.src: bildfilen 'bilder/karta.png' finns inte "
        "(lägg bilden i cases/bilder/ eller rätta sökvägen (den skrivs från innehållsfilen))"]


def test_check_names_a_file_published_twice(arena: ArenaDir):
    arena.write("cases/bilder/karta.png", PNG)
    arena.write("content/exempel/bilder/karta.png", PNG)
    assert arena.problems() == [
        "cases/bilder/karta.png:1: fil: publiceras som exempel/bilder/karta.png, där "
        "content/exempel/bilder/karta.png redan ligger (ta bort den ena filen eller byt namn på den)"]


def test_check_suggests_the_near_file_and_heading(arena: ArenaDir):
    arena.write("cases/bilder/skiss.png", PNG)
    arena.replace(CASE, "Många ansökningar kom in ofullständiga.",
                  "Många ansökningar kom in ofullständiga.\n\n![Skiss](bilder/skis.png) [Upp](#bakgrnd)\n\n"
                  "`[i kod](finns-inte.md)` och [nätet](https://exempel.se/finns-inte.md).")
    assert arena.problems() == [
        f"{CASE}:19: body: filen 'bilder/skis.png' finns inte (menade du 'bilder/skiss.png'?)",
        f"{CASE}:19: body: avsnittet '#bakgrnd' i länken '#bakgrnd' finns inte på sidan (menade du 'bakgrund'?)",
    ]
