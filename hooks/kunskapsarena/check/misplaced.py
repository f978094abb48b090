"""A file saved in the wrong folder: its keys fit another content type.

A case saved in methods/ used to give an unknown-field error for every case
field, with did-you-means that led further astray (`organisation →
considerations`). When the keys an editor wrote fit another type clearly better
than the folder's own, that is one message saying which type and which folder.
"""

from __future__ import annotations

from pathlib import Path

from kunskapsarena.model.content_types import CONTENT_TYPES, ContentType
from kunskapsarena.model.field_specs import fields_of
from kunskapsarena.model.problems import Problem
from kunskapsarena.source.load import SourceFile

_MOVE = "flytta filen till "   # the hint; references_waiting reads the target back from it

# "en metod", "ett gott exempel": the type's label with its article, for the message.
_ARTICLES = {"method": "en", "case": "ett", "post": "ett", "event": "ett", "project": "ett", "idea": "en",
             "training": "en"}


def misplaced_problem(ctype: ContentType, source: SourceFile) -> Problem | None:
    """One problem when the front matter fits another type's fields clearly better; else None."""
    keys = [key for key in source.data if isinstance(key, str)]
    unknown = _unknown(ctype, keys)
    if len(unknown) < 2:   # one stray key is a typo, reported with its did-you-mean
        return None
    fits = sorted((len(_unknown(other, keys)), -_required_written(other, keys), other.name, other)
                   for other in CONTENT_TYPES if other is not ctype)
    misses, _, _, best = fits[0]
    if misses > max(1, len(keys) // 10) or len(unknown) < misses + 2:
        return None
    target = f"{best.folder}/{source.abs_path.name}"
    return Problem(source.path, 1, "fil",
                   f"fälten passar {_with_article(best)}, inte {_with_article(ctype)}: filen ligger i fel mapp "
                   f"({len(unknown)} av {len(keys)} fält finns inte för {ctype.label.lower()})",
                   f"{_MOVE}{target}")


def references_waiting(problems: list[Problem]) -> list[Problem]:
    """Without "'bygglov' finns inte i cases/" for a case that sits in methods/: moving it fixes both."""
    moved = {Path(problem.hint[len(_MOVE):]) for problem in problems
             if problem.field == "fil" and problem.hint.startswith(_MOVE)}
    if not moved:
        return problems
    unknown = {f"'{target.stem}' finns inte i {target.parent.as_posix()}/" for target in moved}
    return [problem for problem in problems if problem.message not in unknown]


def _unknown(ctype: ContentType, keys: list[str]) -> list[str]:
    names = {spec.name for spec in fields_of(ctype.model)}
    return [key for key in keys if key not in names]


def _required_written(ctype: ContentType, keys: list[str]) -> int:
    return sum(1 for spec in fields_of(ctype.model) if spec.required and spec.name in keys)


def _with_article(ctype: ContentType) -> str:
    article = _ARTICLES.get(ctype.name)
    return f"{article} {ctype.label.lower()}" if article else ctype.label.lower()
