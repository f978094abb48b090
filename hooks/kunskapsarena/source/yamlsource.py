"""Safe YAML parsing that remembers the line of every value.

Editors get `path:line` in every message, so the loader records where each
key and list item stands. It also makes YAML friendlier to non-programmers:
only `true`/`false` are booleans (not `no`, `on`, `ja`), `10:30` stays a time
string instead of the YAML 1.1 base-60 number 630, `0701740605` stays a phone
number instead of an octal one, a number with a decimal point
stays the text written (`13.00` is a time in Swedish, not the float 13.0; the
field's type in model/notation.py reads it), an impossible date such as
2026-02-30 stays a string (so validation can name it) and a key written twice
is reported instead of silently dropping the first value.

Content is untrusted, so two YAML features are refused before the document
is built (yamllimits.py): nesting deeper than MAX_DEPTH (libyaml's composer
recurses in C and crashes the process at ~30 000 levels) and anchors/aliases
(`&a` / `*a`: a few lines of aliases expand to gigabytes; editors never need them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.resolver import Resolver

from .yamllimits import YamlLimitError, limit_problem

try:  # libyaml's parser is ~5x faster; the constructor stays in Python either way.
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - libyaml is in the PyYAML wheels we pin
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


Location = tuple[str | int, ...]
# Quotes a word processor or phone types instead of YAML's straight " and '.
TYPOGRAPHIC_QUOTES = "”“„«»‘’‚"

# Decimal integers only: YAML 1.1 reads a leading 0 as octal (phone: 0701740605 became 117948805),
# and 0x…/0b… are no notation editors use; such values stay the text written.
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


_REPLACED_OR_DROPPED = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
                        "tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")


class _FriendlyResolver(Resolver):
    """YAML 1.1 resolution without base-60 numbers, yes/no/on/off booleans and floats
    (no field holds a fraction; `13.00` and `1.000` mean a time and a thousand to Swedes);
    `<<` (merge) and `=` (value) are plain text too."""

    yaml_implicit_resolvers = {
        first: kept for first, kept in (
            (first, [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED_OR_DROPPED])
            for first, resolvers in Resolver.yaml_implicit_resolvers.items())
        if kept
    }


_FriendlyResolver.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
_FriendlyResolver.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVED_BY_FIRST_CHAR = {first: resolvers for first, resolvers in _FriendlyResolver.yaml_implicit_resolvers.items()}
_SCALAR, _SEQUENCE, _MAPPING = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode


class _FastResolver(_FriendlyResolver):
    """The same resolution, with a shortcut for the common case: a quoted value or
    one whose first character starts no implicit type is text (a 20 000-person
    people.yml has a quarter of a million of them)."""

    def resolve(self, kind, value, implicit):
        if kind is _SCALAR:
            if not implicit[0]:
                return _STR_TAG
            resolvers = _RESOLVED_BY_FIRST_CHAR.get(value[0] if value else "")
            if resolvers is None:
                return _STR_TAG
        return super().resolve(kind, value, implicit)


class _FriendlyConstructor(yaml.constructor.SafeConstructor):
    def __init__(self) -> None:
        super().__init__()
        self.duplicates: list[tuple[str, int, tuple[str, int] | None]] = []

    def construct_mapping(self, node, deep=False):
        keys = [key_node.value for key_node, _ in node.value]
        if len(set(keys)) != len(keys):   # cheap test first: duplicates are rare
            seen: set[str] = set()
            for key_node, _ in node.value:
                if key_node.value in seen:
                    self.duplicates.append((str(key_node.value), key_node.start_mark.line, None))
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:  # e.g. 2026-02-30: let validation explain it
            return self.construct_scalar(node)


_FriendlyConstructor.add_constructor("tag:yaml.org,2002:timestamp", _FriendlyConstructor.construct_yaml_timestamp)


class _Loader(_Parser, _FriendlyConstructor, _FastResolver):
    def __init__(self, stream):
        _Parser.__init__(self, stream)
        _FriendlyConstructor.__init__(self)
        _FastResolver.__init__(self)

    def build(self, node):
        """Python values of a node tree, like construct_document but a few times faster.

        The tree is a tree: anchors and aliases were refused before (yamllimits),
        so no node is shared and nothing needs remembering; depth is bounded too.
        Text, lists and plain mappings are built here, other scalars (numbers,
        dates, booleans) and tagged nodes by the constructor as before.
        """
        if node.tag == _STR_TAG and node.__class__ is _SCALAR:
            return node.value
        if node.__class__ is _SEQUENCE and node.tag == self.DEFAULT_SEQUENCE_TAG:
            return [self.build(child) for child in node.value]
        if node.__class__ is _MAPPING and node.tag == self.DEFAULT_MAPPING_TAG:
            mapping = {}
            for index, (key_node, value_node) in enumerate(node.value):
                key = self.build(key_node)
                try:
                    if key in mapping:
                        self.duplicates.append((str(key), key_node.start_mark.line, _empty_key_before(node, index)))
                        continue   # the first value is kept; the duplicate is reported
                    mapping[key] = self.build(value_node)
                except TypeError:   # a list or group as a key
                    raise yaml.constructor.ConstructorError(
                        None, None, "found unhashable key", key_node.start_mark) from None
            return mapping
        return self.construct_document(node)


def _empty_key_before(node, index: int) -> tuple[str, int] | None:
    """The nearest earlier key in the mapping with nothing after its colon, (key, line); else None."""
    for key_node, value_node in reversed(node.value[:index]):
        if value_node.__class__ is _SCALAR and value_node.value == "" and not value_node.style:
            return str(key_node.value), key_node.start_mark.line
    return None


_SAFE_RESOLVER = Resolver()


def read_differently(node: yaml.Node) -> tuple[bool, Any]:
    """(True, value) when PyYAML's SafeLoader, which MkDocs and its theme use for the front matter
    of the pages they read themselves, reads this plain scalar as something other than the text
    our loader keeps (`13.00` → 13.0, `yes` → True, `13:00` → 780); else (False, None)."""
    if node.__class__ is not _SCALAR or node.style or node.tag != _STR_TAG:
        return False, None
    theirs = _SAFE_RESOLVER.resolve(_SCALAR, node.value, (True, False))
    if theirs == _STR_TAG:
        return False, None
    try:
        return True, yaml.safe_load(node.value)
    except (yaml.YAMLError, ValueError):   # e.g. 2026-02-30: the engine's own reader fails on it
        return False, None


@dataclass
class YamlDocument:
    """Parsed YAML plus its node tree, which knows the line of every value.

    Lines are looked up only when a problem is reported, so valid files
    (nearly all of them) pay nothing for line tracking.
    """

    data: Any
    root: yaml.Node | None = None
    typographic: bool = False   # the text has a typographic quote somewhere (check/typography.py looks closer)
    # id(mapping node) → {key: (key node, value node)}, made on first lookup in that mapping,
    # so reporting many problems in a big file (20 000 people) stays linear.
    _keys: dict[int, dict[str, tuple]] = field(default_factory=dict, repr=False)

    def line_of(self, location: Location) -> int:
        """1-based file line of the value at `location`, or of its closest parent."""
        node, line = self.root, None
        for part in location:
            node = self._child(node, part)
            if node is None:
                break
            line = node.start_mark.line + 1
        return line if line is not None else 1

    def _child(self, node, part):
        if isinstance(node, _KeyedNode):
            node = node.node
        if isinstance(node, yaml.MappingNode):
            keys = self._keys.get(id(node))
            if keys is None:
                keys = self._keys[id(node)] = {}
                for key_node, value_node in node.value:
                    keys.setdefault(str(key_node.value), (key_node, value_node))
            found = keys.get(str(part))
            # A key's line is where it is written, not where its block value starts.
            return _KeyedNode(found[0].start_mark, found[1]) if found else None
        return _item(node, part)


def _item(node, part):
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return None


@dataclass
class _KeyedNode:
    start_mark: Any
    node: Any


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document safely; lines are 1-based lines of `text`.

    Raises YamlSyntaxError with a file line and a plain-language message,
    also for a key written twice (which value wins would be a guess),
    for nesting deeper than the limit and for anchors and aliases.
    """
    try:
        limit_problem(text)
    except YamlLimitError as exc:
        raise YamlSyntaxError(exc.line, exc.message) from None
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = loader.build(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(line, _explain(exc, text, mark)) from None
    finally:
        loader.dispose()
    if loader.duplicates:
        key, line, empty = loader.duplicates[0]
        if empty is not None:   # `jonas:` indented under the person above: his fields repeat anna's
            raise YamlSyntaxError(empty[1] + 1, f"raden '{empty[0]}:' har fel indrag: den hamnar inuti gruppen "
                                  f"ovanför, så fältet '{key}' på rad {line + 1} står två gånger där; "
                                  f"flytta '{empty[0]}:' till samma indrag som gruppen ovanför")
        raise YamlSyntaxError(line + 1,
                              f"fältet '{key}' står två gånger; ta bort det ena")
    return YamlDocument(data=data, root=root, typographic=any(quote in text for quote in TYPOGRAPHIC_QUOTES))


def _typographic_value(line: str) -> bool:
    """`title: ”Metod: så gör du”` or `- ”…`: the value starts with a typographic quote."""
    value = line.split(":", 1)[1] if re.match(r"^\s*[\w.-]+\s*:", line) else line.lstrip(" -")
    return value.strip()[:1] in TYPOGRAPHIC_QUOTES if value.strip() else False


def _explain(exc: yaml.MarkedYAMLError, text: str, mark) -> str:
    problem = (exc.problem or "").strip()
    lines = text.splitlines()
    bad_line = lines[mark.line] if mark and mark.line < len(lines) else ""
    if "unhashable key" in problem:
        return "ett fältnamn kan inte vara en lista eller en grupp; skriv namnet som text"
    if "could not determine a constructor" in problem:
        return "YAML-taggar (!!…) är inte tillåtna i innehållsfiler; ta bort taggen"
    if "\t" in bad_line:
        return "tabbtecken går inte i YAML; använd mellanslag för indrag"
    if "mapping values are not allowed" in problem and _typographic_value(bad_line):
        return ("ogiltig YAML: ett kolon (:) i ett värde inom typografiska citattecken (” “ « »), som YAML "
                "inte känner igen; byt dem mot raka citattecken, t.ex. title: \"Metod: så gör du\"")
    if "mapping values are not allowed" in problem:
        return ("ogiltig YAML: ett kolon (:) mitt i ett värde; sätt värdet inom citattecken, "
                "t.ex. title: \"Metod: så gör du\"")
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "ogiltig YAML: kontrollera indraget och att listor och citattecken är stängda"
    return f"ogiltig YAML: {problem or exc}"
