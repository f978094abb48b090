"""Safe YAML parsing that remembers the line of every value.

Editors get `path:line` in every message, so the loader records where each
key and list item stands. It also makes YAML friendlier to non-programmers:
only `true`/`false` are booleans (not `no`, `on`, `ja`), `10:30` stays a time
string instead of the YAML 1.1 base-60 number 630, an impossible date such as
2026-02-30 stays a string (so validation can name it) and a key written twice
is reported instead of silently dropping the first value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.resolver import Resolver

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

_INT = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$")
_FLOAT = re.compile(r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class _FriendlyResolver(Resolver):
    """YAML 1.1 resolution without base-60 numbers and yes/no/on/off booleans."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers
                if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool")]
        for first, resolvers in Resolver.yaml_implicit_resolvers.items()
    }


_FriendlyResolver.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
_FriendlyResolver.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
_FriendlyResolver.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+0123456789."))


class DuplicateKey(Exception):
    pass


class _LineConstructor(yaml.constructor.SafeConstructor):
    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, dict[Any, int]] = {}
        self.duplicates: list[tuple[str, int]] = []

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        key_lines: dict[Any, int] = {}
        for key_node, _value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, (str, int, float, bool)) and key in key_lines:
                self.duplicates.append((str(key), key_node.start_mark.line))
            if isinstance(key, (str, int, float, bool)):
                key_lines[key] = key_node.start_mark.line
        self.lines[id(mapping)] = key_lines
        return mapping

    def construct_sequence(self, node, deep=False):
        sequence = super().construct_sequence(node, deep=deep)
        self.lines[id(sequence)] = {i: child.start_mark.line for i, child in enumerate(node.value)}
        return sequence

    # SafeConstructor builds containers in two steps (yield, then fill), so
    # the line table must move to the object that the caller finally gets.
    def construct_yaml_map(self, node):
        data: dict = {}
        yield data
        value = self.construct_mapping(node)
        data.update(value)
        self.lines[id(data)] = self.lines.pop(id(value))

    def construct_yaml_seq(self, node):
        data: list = []
        yield data
        value = self.construct_sequence(node)
        data.extend(value)
        self.lines[id(data)] = self.lines.pop(id(value))

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:  # e.g. 2026-02-30: let validation explain it
            return self.construct_scalar(node)


_LineConstructor.add_constructor("tag:yaml.org,2002:timestamp", _LineConstructor.construct_yaml_timestamp)
_LineConstructor.add_constructor("tag:yaml.org,2002:map", _LineConstructor.construct_yaml_map)
_LineConstructor.add_constructor("tag:yaml.org,2002:seq", _LineConstructor.construct_yaml_seq)


class _Loader(_Parser, _LineConstructor, _FriendlyResolver):
    def __init__(self, stream):
        _Parser.__init__(self, stream)
        _LineConstructor.__init__(self)
        _FriendlyResolver.__init__(self)


@dataclass
class YamlDocument:
    """Parsed YAML plus the 1-based line of every value, keyed by location."""

    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    first_line: int = 1

    def line_of(self, location: Location) -> int:
        """Line of the closest known location, falling back to its parents."""
        loc = tuple(location)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.first_line


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse_yaml(text: str, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document safely; `line_offset` shifts lines to file lines.

    Raises YamlSyntaxError with a file line and a plain-language message.
    Duplicate keys are reported through `YamlDocument` as a syntax error too,
    because the value that would be used is ambiguous to the editor.
    """
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else line_offset + 1
        raise YamlSyntaxError(line, _explain(exc, text, mark)) from None
    except (ConstructorError, yaml.YAMLError) as exc:  # pragma: no cover - defensive
        raise YamlSyntaxError(line_offset + 1, str(exc)) from None
    finally:
        loader.dispose()
    if loader.duplicates:
        key, line = loader.duplicates[0]
        raise YamlSyntaxError(line + 1 + line_offset,
                              f"fältet '{key}' står två gånger; ta bort det ena")
    document = YamlDocument(data=data, first_line=line_offset + 1)
    _collect_lines(data, (), loader.lines, document.lines, line_offset)
    return document


def _collect_lines(value, location: Location, raw: dict[int, dict[Any, int]],
                   out: dict[Location, int], offset: int) -> None:
    children = raw.get(id(value))
    if children is None:
        return
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in items:
        child_location = location + (key,)
        if key in children:
            out[child_location] = children[key] + 1 + offset
        _collect_lines(child, child_location, raw, out, offset)


def _explain(exc: yaml.MarkedYAMLError, text: str, mark) -> str:
    problem = (exc.problem or "").strip()
    lines = text.splitlines()
    bad_line = lines[mark.line] if mark and mark.line < len(lines) else ""
    if "could not determine a constructor" in problem:
        return "YAML-taggar (!!…) är inte tillåtna i innehållsfiler; ta bort taggen"
    if "\t" in bad_line:
        return "tabbtecken går inte i YAML; använd mellanslag för indrag"
    if "mapping values are not allowed" in problem:
        return ("ogiltig YAML: ett kolon (:) mitt i ett värde; sätt värdet inom citattecken, "
                "t.ex. title: \"Metod: så gör du\"")
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "ogiltig YAML: kontrollera indraget och att listor och citattecken är stängda"
    return f"ogiltig YAML: {problem or exc}"
