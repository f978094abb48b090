"""Turn pydantic's validation errors into plain Swedish problems."""

from __future__ import annotations

import difflib
import json
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from kunskapsarena.model.field_specs import field_at, field_names, holder_at
from kunskapsarena.model.problems import Problem, did_you_mean
from kunskapsarena.source.yamlsource import YamlDocument


def schema_problems(exc: ValidationError, model: type[BaseModel], path: str,
                    document: YamlDocument, base: tuple = ()) -> list[Problem]:
    problems = []
    errors = exc.errors(include_url=False)
    renamed = _misspelt_keys(errors, model)
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and loc in renamed.values():
            continue   # `titel:` for `title:` is one mistake: reported at the misspelt key
        field_name = dotted(base + loc)
        line = document.line_of(base + loc)
        message, hint = _describe(error, model, loc)
        if loc in renamed:
            hint = f"menade du '{renamed[loc][-1]}'? det fältet saknas"
        problems.append(Problem(path, line, field_name, message, hint))
    return problems


def _misspelt_keys(errors: list[dict], model: type[BaseModel]) -> dict[tuple, tuple]:
    """Unknown key → the missing required field it is closest to (`titel` → `title`)."""
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    if not missing:
        return {}
    found: dict[tuple, tuple] = {}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] != "extra_forbidden":
            continue
        candidates = [m[-1] for m in missing if m[:-1] == loc[:-1] and m not in found.values()]
        close = difflib.get_close_matches(str(loc[-1]).lower(), candidates, n=1, cutoff=0.6)
        if close:
            found[loc] = loc[:-1] + (close[0],)
    return found


def dotted(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "front matter"


def _describe(error: dict[str, Any], model: type[BaseModel], loc: tuple) -> tuple[str, str]:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        example = _example(model, loc)
        return "saknas men måste finnas", f"lägg till raden {loc[-1]}: {example}" if example else ""
    if kind == "extra_forbidden":
        allowed = _field_names(model, loc[:-1])
        hint = did_you_mean(str(loc[-1]), allowed) or f"tillåtna fält: {', '.join(allowed)}"
        return "okänt fält", hint
    if kind == "string_type":
        return f"ska vara text, inte {_shown(value)}", "sätt texten inom citattecken"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"ska vara ett heltal, inte {_shown(value)}", "skriv bara siffror, t.ex. 30"
    if kind in ("bool_type", "bool_parsing"):
        return f"ska vara true eller false, inte {_shown(value)}", ""
    if kind in ("list_type", "tuple_type"):
        return "ska vara en lista", "skriv t.ex. [a, b] eller ett värde per rad som börjar med '- '"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        example = _example(model, loc)
        return "ska vara en grupp av fält", f"skriv t.ex. {loc[-1]}: {example}" if example else ""
    if kind.startswith("datetime"):
        return (f"{_shown(value)} är ingen giltig tidpunkt",
                "skriv ÅÅÅÅ-MM-DD TT:MM, t.ex. 2026-10-05 09:30 (svensk tid)")
    if kind in ("time_parsing", "time_type"):
        return f"{_shown(value)} är ingen giltig tid", "skriv TT:MM, t.ex. 09:30"
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"{_shown(value)} finns inte bland {', '.join(choices)}", did_you_mean(value, choices)
    if kind.startswith("date"):
        return f"{_shown(value)} är inget giltigt datum", "skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-01"
    if kind == "too_short":
        if isinstance(value, str):
            return "får inte vara tomt", ""
        return f"behöver minst {ctx.get('min_length', 1)} värde", ""
    if kind == "too_long" or kind == "string_too_long":
        limit = ctx.get("max_length")
        if isinstance(value, str):
            return f"är {len(value)} tecken långt, högst {limit} är tillåtet", "korta texten"
        return f"har för många värden, högst {limit} är tillåtet", ""
    if kind == "string_too_short":
        return "får inte vara tomt", ""
    if kind == "greater_than_equal":
        return f"ska vara minst {ctx.get('ge')}, inte {_shown(value)}", ""
    if kind == "less_than_equal":
        return f"får vara högst {ctx.get('le')}, inte {_shown(value)}", ""
    if kind == "string_pattern_mismatch" and (spec := field_at(model, loc)) is not None:
        reason, hint = spec.pattern_problem(str(value))
        return f"{_shown(value)} {reason}", hint
    if "hint" in ctx:   # our own checks (PydanticCustomError) carry their hint
        return error["msg"], str(ctx["hint"])
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), ""
    return error["msg"], ""


def _shown(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "en lista" if isinstance(value, list) else "en grupp av fält"
    return repr(value) if isinstance(value, str) else str(value)


def _field_names(model: type[BaseModel], loc: tuple) -> list[str]:
    holder = holder_at(model, loc)
    return field_names(holder) if holder else []


def _example(model: type[BaseModel], loc: tuple) -> str:
    if not loc:   # the whole entry is wrong (e.g. text instead of fields): no one field to show
        return ""
    holder = holder_at(model, loc[:-1])
    spec = field_at(holder, loc[-1:]) if holder is not None else None
    example = spec.example if spec is not None else None
    if example is None:
        return ""
    return json.dumps(example, ensure_ascii=False).replace('"', "") if not isinstance(example, str) else example
