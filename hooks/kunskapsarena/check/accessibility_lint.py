"""Accessibility lint for Markdown bodies: what an editor can get wrong before axe-core ever sees it.

Rules and why each is an error or a warning (also in the README):

- image without alt text: error. A missing text alternative always fails WCAG 1.1.1.
  HTML `alt=""` is allowed: it is how a decorative image is marked.
- link without text: error. The link has no accessible name (WCAG 2.4.4, 4.1.2).
- colour set inline (`style="color: …"`, `<font color>`): error. Meaning carried by colour is
  lost to screen readers and to anyone who cannot tell the colours apart (WCAG 1.4.1), and a
  fixed colour cannot follow the theme: it breaks contrast in the dark scheme (WCAG 1.4.3).
- vague link text ("klicka här", "läs mer", …): warning. WCAG 2.4.4 accepts a link whose
  purpose is clear from its sentence, which a pattern cannot judge.
- skipped heading level: warning. Headings must convey the structure (WCAG 1.3.1), but a skip
  is not by itself a failure; it is worth fixing, not worth stopping a publication for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kunskapsarena.model.problems import Problem, Severity

from .body import headings, lines_outside_code

FIELD = "body"
# Vague link texts, compared after lower-casing and dropping punctuation and emphasis.
VAGUE_LINK_TEXTS = frozenset({
    "här", "klicka här", "klicka", "läs mer", "läs mer här", "mer", "mer info", "mer information",
    "länk", "länken", "denna länk", "den här länken", "se här", "läs här", "gå hit", "hit", "detta",
    "här hittar du mer", "klicka här för mer information", "click here", "here", "read more", "link",
})

_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_HTML_COMMENT = re.compile(r"<!--.*?-->")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\s*[(\[]")
_MD_LINK = re.compile(r"(?<![!\]\\])\[((?:[^\[\]]|\[[^\]]*\])*)\]\s*(?:\([^)]*\)|\[[^\]]*\])")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HTML_ALT = re.compile(r"\balt\s*=", re.IGNORECASE)
_HTML_LINK = re.compile(r"<a\b[^>]*\bhref[^>]*>(.*?)</a\s*>", re.IGNORECASE)
_INLINE_COLOUR = re.compile(r"\bstyle\s*=\s*[\"'][^\"']*(?<![-\w])(?:background-)?color\s*:|<font\b[^>]*\bcolor\s*=",
                            re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")
_NOT_WORD = re.compile(r"[^\wåäöé ]+")


def accessibility_problems(path: str, body: str, first_line: int, title_level: int = 1) -> list[Problem]:
    """Problems in one Markdown body whose first line is `first_line` of the file.

    `title_level` is the level of the page's own title (its h1): body
    headings may go one level below it and never skip a level on the way down.
    """
    problems = []
    for line_no, text in _prose_lines(body, first_line):
        # Cheap tests first: most lines have no link, image, HTML or colour at all.
        if "[" in text or "<" in text:
            problems += _image_problems(path, line_no, text)
            problems += _link_problems(path, line_no, text)
        if "olor" in text.lower() and _INLINE_COLOUR.search(text):
            problems.append(Problem(
                path, line_no, FIELD, "färg används för att markera text",
                "färgen når inte skärmläsare och kan ge för låg kontrast i mörkt läge; "
                "använd **fetstil**, en rubrik eller en ruta (!!! note) i stället"))
    previous = title_level
    for heading in headings(body, first_line):
        if heading.level > previous + 1:
            problems.append(Problem(
                path, heading.line, FIELD,
                f"rubriken '{'#' * heading.level} {heading.text}' hoppar över nivå {previous + 1}",
                f"använd {'#' * (previous + 1)} eller lägg till en rubrik på nivå {previous + 1} före",
                Severity.WARNING))
        previous = heading.level
    return problems


def _prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Body lines outside fenced code, with code spans and comments blanked out."""
    for line_number, line in lines_outside_code(body, first_line):
        if "`" in line:
            line = _CODE_SPAN.sub("``", line)
        yield line_number, _HTML_COMMENT.sub("", line) if "<!--" in line else line


def _image_problems(path: str, line: int, text: str) -> list[Problem]:
    problems = []
    for match in _MD_IMAGE.finditer(text):
        if not match.group(1).strip():
            problems.append(Problem(path, line, FIELD, "bilden saknar alternativtext",
                                    "beskriv bilden mellan hakparenteserna: ![Vad bilden visar](bild.png)"))
    for match in _HTML_IMG.finditer(text):
        if not _HTML_ALT.search(match.group(0)):
            problems.append(Problem(path, line, FIELD, "bilden (<img>) saknar alt-attribut",
                                    "lägg till alt=\"vad bilden visar\", eller alt=\"\" om bilden bara är dekoration"))
    return problems


def _link_problems(path: str, line: int, text: str) -> list[Problem]:
    problems = []
    texts = [m.group(1) for m in _MD_LINK.finditer(text)] + [m.group(1) for m in _HTML_LINK.finditer(text)]
    for raw in texts:
        if _MD_IMAGE.search(raw) or _HTML_IMG.search(raw):
            continue   # an image link is named by the image's alt text, checked above
        words = " ".join(_NOT_WORD.sub(" ", _TAGS.sub("", raw).lower()).split())
        if not words:
            problems.append(Problem(path, line, FIELD, "länken saknar text",
                                    "skriv vart länken leder mellan hakparenteserna: [Metodbanken](...)"))
        elif words in VAGUE_LINK_TEXTS:
            problems.append(Problem(
                path, line, FIELD, f"länktexten '{raw.strip()}' säger inte vart länken leder",
                "skriv målet i länktexten, t.ex. [Läs om tjänstedesign](...); skärmläsare listar länkar utan "
                "sammanhang", Severity.WARNING))
    return problems
