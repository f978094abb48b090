"""YAML that would crash or swamp the loader is refused before it is built.

Two things in untrusted YAML are dangerous, and editors never need either:
- deep nesting: libyaml's composer recurses in C, and `[[[[…` 30 000 levels
  deep overflows the stack and kills the process (no exception to catch);
- anchors and aliases (`&a` / `*a`): nine lines of aliases repeating each
  other expand to a billion values ("billion laughs") and gigabytes.

Both checks start with a cheap scan of the text that proves nearly every file
harmless; only a file the scan cannot clear is walked event by event with
libyaml's parser (iterative, no recursion), stopping at the first offence.
"""

from __future__ import annotations

import re

import yaml

from kunskapsarena.model.problems import Problem

try:
    from yaml.cyaml import CParser as _EventParser
except ImportError:  # pragma: no cover - libyaml is in the PyYAML wheels we pin
    from yaml.loader import BaseLoader as _EventParser

MAX_DEPTH = 50   # levels of lists and groups; real front matter uses three or four

# A block collection's children start further right than it (or, for `- ` and
# `? ` and `: `, further along the same line), so the leading spaces and indicators of a
# line bound the depth of block nesting there.
def _long_prefix(width: int) -> re.Pattern:
    return re.compile(rf"^[ ?:-]{{{max(width, 0)}}}", re.MULTILINE)


_BRACKET = re.compile(r"[\[\]{}]")
# An alias can only stand where a value starts: at the start of a line or after
# `:`, `-`, `?`, `,`, `[` or `{` (and spaces). Loose on purpose: `Obs: *viktigt*`
# matches too, and the event walk clears it; `ett *viktigt* steg` does not match.
_MAYBE_ANCHOR = re.compile(r"(?:^|[:?,\[{-])[ \t]*[&*][^\s\[\]{},]", re.MULTILINE)

_COLLECTION_START = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_COLLECTION_END = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


class YamlLimitError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line       # 1-based line in the text
        self.message = message


def limit_problem(text: str) -> None:
    """Raise YamlLimitError for nesting deeper than MAX_DEPTH or for an anchor or alias."""
    maybe_anchor = ("&" in text or "*" in text) and _MAYBE_ANCHOR.search(text) is not None
    if maybe_anchor or _maybe_too_deep(text):
        _walk_events(text)


def _maybe_too_deep(text: str) -> bool:
    """False when the text cannot nest deeper than MAX_DEPTH, in C-speed string work
    for ordinary files; True means only that the events must be counted."""
    flow = _flow_depth_bound(text)
    if flow > MAX_DEPTH - 2:
        return True
    # Block depth ≤ the width of a line's leading spaces and `- `/`? ` indicators, plus two.
    return _long_prefix(MAX_DEPTH - 2 - flow).search(text) is not None


def _flow_depth_bound(text: str) -> int:
    if text.count("[") + text.count("{") <= MAX_DEPTH // 2:
        return text.count("[") + text.count("{")
    depth = deepest = 0
    for char in _BRACKET.findall(text):   # brackets in quoted text only make the bound looser
        depth = depth + 1 if char in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


def _walk_events(text: str) -> None:
    parser = _EventParser(text)
    depth = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                kind = "ankare (&)" if not isinstance(event, yaml.AliasEvent) else "alias (*)"
                raise YamlLimitError(event.start_mark.line + 1,
                    f"YAML-{kind} är inte tillåtna; skriv ut värdet på varje ställe där det behövs")
            if isinstance(event, _COLLECTION_START):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlLimitError(event.start_mark.line + 1,
                        f"värdet är nästlat i mer än {MAX_DEPTH} nivåer; "
                        "kontrollera hakparenteser [ ] och klamrar { } och indraget")
            elif isinstance(event, _COLLECTION_END):
                depth -= 1
    except yaml.YAMLError:
        return   # a syntax error: the real parse reports it with its own message
    finally:
        parser.dispose()


def front_matter_limit_problems(path: str, front: str) -> list[Problem]:
    """The limits as a problem for front matter that another YAML reader parses (MkDocs
    reads the site's own pages in content/); lines are file lines, as in load.py."""
    try:
        limit_problem(front)
    except YamlLimitError as exc:
        return [Problem(path, exc.line, "front matter", exc.message)]
    return []
