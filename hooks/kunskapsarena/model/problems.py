"""Problems found in content: what an editor reads and fixes."""

from __future__ import annotations

import difflib
import hashlib
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from .suggest import LONG_LIST, closest_in_long_list


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, pointing at the line to fix."""

    path: str
    line: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.field}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        if self.severity is Severity.WARNING:
            text += " [varning]"
        return text

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command."""
        level = "error" if self.severity is Severity.ERROR else "warning"
        text = f"{self.field}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return f"::{level} file={_escape_property(self.path)},line={self.line}::{_escape_data(text)}"

    def code_quality_issue(self) -> dict:
        """The same problem as a GitLab Code Quality (Code Climate) issue."""
        return {
            "description": f"{self.field}: {self.message}" + (f" ({self.hint})" if self.hint else ""),
            "check_name": "arena-check",
            "fingerprint": hashlib.sha1(str(self).encode("utf-8")).hexdigest(),
            "severity": "major" if self.severity is Severity.ERROR else "minor",
            "location": {"path": self.path, "lines": {"begin": self.line}},
        }


def _escape_data(text: str) -> str:
    """GitHub workflow command escaping for the message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Property values (file=...) must also escape the separators ':' and ','."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def did_you_mean(value: object, choices: Iterable[str]) -> str:
    """A 'menade du ...?' hint for a misspelt value, or '' when nothing is close."""
    if not isinstance(value, str):
        return ""
    if isinstance(choices, Collection) and len(choices) >= LONG_LIST:
        found = closest_in_long_list(value, choices)
        return _suggest(value, found) if found else ""
    lowered = {choice.lower(): choice for choice in choices}
    exact_case = lowered.get(value.lower())
    if exact_case is not None:
        return _suggest(value, exact_case)
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.5)
    return _suggest(value, lowered[close[0]]) if close else ""


def _suggest(value: str, found: str) -> str:
    """'menade du …?', unless the two look the same: then name the characters that differ."""
    if _looks_like(value) != _looks_like(found):
        return f"menade du '{found}'?"
    odd = [char for char in value if char not in found] or [char for char in found if char not in value]
    shown = ", ".join(dict.fromkeys(f"U+{ord(char):04X} {unicodedata.name(char, '')}".strip() for char in odd))
    return (f"värdet ser ut som '{found}' men innehåller {'tecknet' if len(odd) == 1 else 'tecknen'} {shown}; "
            f"skriv om det för hand")


def _looks_like(text: str) -> str:
    """Text as a reader sees it: canonical form, without invisible characters, odd spaces as spaces."""
    shown = unicodedata.normalize("NFKC", text)
    return "".join(char for char in shown if unicodedata.category(char) not in ("Cf", "Cc"))


def quote_list(values: Iterable[str], limit: int = 12) -> str:
    items = list(values)
    shown = ", ".join(items[:limit])
    return shown + (f" … ({len(items)} totalt)" if len(items) > limit else "")
