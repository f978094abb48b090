"""'Menade du …?' in long lists (20 000 people) without comparing with every entry.

difflib compares a misspelt value with every choice: fine for a vocabulary of
twenty, but with 20 000 people each unknown reference took most of a second, and
a check reporting hundreds of them took minutes. A long list gets an index of
three-letter pieces once; a value is compared only with the few entries that
share its rarer pieces.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Collection

LONG_LIST = 1000      # shorter lists are compared entry by entry, as before
_CANDIDATES = 30
_indexes: dict[int, tuple[Collection[str], int, _Index]] = {}


class _Index:
    def __init__(self, choices: Collection[str]) -> None:
        self.lowered = {choice.lower(): choice for choice in choices}
        self.pieces: dict[str, list[str]] = defaultdict(list)
        for low in self.lowered:
            for piece in _pieces(low):
                self.pieces[piece].append(low)
        # A piece in more than one entry in a hundred ('per' in every 'person-…') tells nothing.
        self.too_common = len(self.lowered) // 100 + 1

    def closest(self, value: str) -> str | None:
        low = value.lower()
        if low in self.lowered:
            return self.lowered[low]
        shared: Counter[str] = Counter()
        for piece in _pieces(low):
            entries = self.pieces.get(piece)
            if entries and len(entries) <= self.too_common:
                shared.update(entries)
        candidates = [entry for entry, _ in shared.most_common(_CANDIDATES)]
        close = difflib.get_close_matches(low, candidates, n=1, cutoff=0.5)
        return self.lowered[close[0]] if close else None


def _pieces(text: str) -> set[str]:
    return {text[start:start + 3] for start in range(max(len(text) - 2, 1))}


def closest_in_long_list(value: str, choices: Collection[str]) -> str | None:
    """The choice closest to `value` (ignoring case), or None; the index is made once per list."""
    cached = _indexes.get(id(choices))
    if cached is None or cached[0] is not choices or cached[1] != len(choices):
        if len(_indexes) > 8:
            _indexes.clear()
        cached = _indexes[id(choices)] = (choices, len(choices), _Index(choices))
    return cached[2].closest(value)
