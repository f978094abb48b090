"""Field specs: the one place that reads the content models' fields.

`fields_of(model)` walks a pydantic model once and describes each field as a
frozen `FieldSpec`: its Swedish label and hint, example, whether it is
required (one rule), list or single, nested model, vocabulary, reference,
choices, limits and pattern with the Swedish message for a value that does not
match it. Validation, references, the graph, contacts, open data, the field
reference, the CMS, the JSON Schema, the scaffold and the messages ask it;
none of them reads `model_fields` or `json_schema_extra` themselves.

`checked_vocabularies` runs at import of content_types.py: it derives the
taxonomy's vocabularies from the content models and refuses a field name the
build reserves and a vocabulary the taxonomy does not know, naming the model
and the field, before any content is read.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from annotated_types import Ge, MaxLen, MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from .fields import EMAIL_PATTERN, URL_PATTERN, Item, Model, url_problem

# Names no content type's own field may have (a sub-model's may: Link.url is fine), and why:
# - `type`, `slug`, `url`: open data writes them beside the fields of every item (opendata.py,
#   ITEM_KEYS); such a field passed `arena check` and then stopped the build.
# - `body`: the CMS adds the Markdown body to every collection as a field named `body` (cms.py).
# - any attribute of the model class (`violations`, which the check calls for rules across fields,
#   pydantic's `copy`, `json` …): pydantic only warns when a field shadows one.
# Templates get the fields as `data.<name>` beside the record as `item`, so no name clashes there.
RESERVED_NAMES: dict[str, str] = {
    "type": "open data writes the content type under that key",
    "slug": "open data writes the file name under that key",
    "url": "open data writes the page address under that key",
    "body": "the CMS edits the Markdown body as a field of that name",
}


class FieldSpecError(TypeError):
    """A model declares a field the arena cannot build: raised at import."""


@dataclass(frozen=True)
class FieldSpec:
    """One field of a model, as every consumer sees it."""

    name: str
    title: str                      # Swedish label ("" when the field has none)
    description: str                # Swedish hint ("" when none)
    example: Any                    # for the scaffold and messages; None when none
    required: bool                  # the key must be written: it has no default
    optional: bool                  # `X | None`
    many: bool                      # a list of `item`
    item: Any                       # the annotation of one value (the list's element, None removed)
    nested: type[BaseModel] | None  # the sub-model of `item` (Range, Link, ProgrammeItem …)
    vocabulary: str | None          # a list in taxonomy.yml
    ref: str | None                 # a content type's name, or 'person'
    reverse: str | None             # how the target lists what points at it ("Kontaktperson för")
    names_allowed: bool             # free-text names besides ids (not slug-shaped: not a reference)
    choices: tuple[str, ...]        # the values of a Literal (also of a list's element)
    pattern: str | None
    format: str | None              # 'url' for web addresses
    search_filter: str | None       # the site search's filter offering this vocabulary field's labels
    min_length: int | None
    max_length: int | None
    ge: int | None
    default: Any                    # the default value; None also when there is none or a factory
    default_factory: Callable[[], Any] | None

    def default_value(self) -> Any:
        """What pydantic fills in when the key is left out (a new list for a factory)."""
        return self.default_factory() if self.default_factory is not None else self.default

    def bare_item(self) -> FieldSpec:
        """One value of a list, without the list's own label, limits, vocabulary or reference."""
        return replace(self, title="", description="", example=None, required=True, optional=False, many=False,
                       vocabulary=None, search_filter=None, ref=None, reverse=None, names_allowed=False, pattern=None, format=None,
                       min_length=None, max_length=None, ge=None, default=None, default_factory=None)

    def pattern_problem(self, value: str) -> tuple[str, str]:
        """The Swedish reason and hint for a value that does not match `pattern`."""
        if self.pattern == URL_PATTERN:
            return url_problem(value) or ("är ingen giltig webbadress", "")
        if self.pattern == EMAIL_PATTERN:
            return "är ingen giltig e-postadress", "skriv t.ex. namn@kommun.se"
        return "är ingen giltig webbadress", "börja adressen med https://"


def field_names(model: type[BaseModel]) -> list[str]:
    """A model's fields in editing order: its own first, the shared Item fields last."""
    return [spec.name for spec in fields_of(model)]


@cache
def fields_of(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """The model's fields in editing order: its own first, the shared Item fields last."""
    declared = declared_fields(model)
    own = tuple(spec for spec in declared if spec.name not in Item.model_fields)
    return own + tuple(spec for spec in declared if spec.name in Item.model_fields)


@cache
def declared_fields(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """The model's fields in declaration order (inherited first): the order pydantic dumps them in."""
    return tuple(_spec(name, info) for name, info in model.model_fields.items())


def field_of(model: type[BaseModel], name: str) -> FieldSpec | None:
    return _by_name(model).get(name)


@cache
def _by_name(model: type[BaseModel]) -> dict[str, FieldSpec]:
    return {spec.name: spec for spec in declared_fields(model)}


def field_at(model: type[BaseModel], loc: Iterable[str | int]) -> FieldSpec | None:
    """The field at a location in the front matter (('programme', 0, 'speakers')); list indexes are skipped."""
    spec = None
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int):
            continue
        spec = field_of(current, part) if current is not None else None
        if spec is None:
            return None
        current = spec.nested
    return spec


def holder_at(model: type[BaseModel], loc: Iterable[str | int]) -> type[BaseModel] | None:
    """The model that holds the field at `loc`: the last sub-model on the way (a plain field keeps its holder)."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        spec = field_of(current, part)
        if spec is None:
            return None
        if spec.nested is None:
            return current
        current = spec.nested
    return current


def nested_models(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """The model and every sub-model it holds, each once, depth first."""
    seen: set[type[BaseModel]] = set()

    def visit(current: type[BaseModel]) -> Iterator[type[BaseModel]]:
        if current in seen:
            return
        seen.add(current)
        yield current
        for spec in declared_fields(current):
            if spec.nested is not None:
                yield from visit(spec.nested)

    return visit(model)


def _vocabularies_of(models: Iterable[type[BaseModel]]) -> tuple[str, ...]:
    """Every vocabulary the models (and their sub-models) name, in order of first use."""
    names = (spec.vocabulary for model in models for holder in nested_models(model)
             for spec in declared_fields(holder) if spec.vocabulary)
    return tuple(dict.fromkeys(names))


def checked_vocabularies(content_models: Iterable[type[Model]], data_models: Iterable[type[Model]]) -> tuple[str, ...]:
    """The taxonomy's vocabularies, derived from the content models, after refusing what cannot build.

    The data files' models (people, organisations) may only name vocabularies some content model fills.
    """
    content_models = tuple(content_models)
    for model in content_models:
        refuse_unbuildable_fields(model)
    vocabularies = _vocabularies_of(content_models)
    _refuse_unknown_vocabularies(data_models, vocabularies)
    return vocabularies


def refuse_unbuildable_fields(model: type[Model]) -> None:
    """A content model's own field may not have a reserved name; an optional field needs a default
    (else "required" would mean two things: the key must be written, yet its value may be empty)."""
    for spec in declared_fields(model):
        reason = RESERVED_NAMES.get(spec.name) or (
            f"it is an attribute of {Model.__name__}" if hasattr(Model, spec.name) else None)
        if reason:
            raise FieldSpecError(f"{model.__name__}.{spec.name}: the field name '{spec.name}' is reserved "
                                 f"({reason}); rename the field")
    for holder in nested_models(model):
        for spec in declared_fields(holder):
            if spec.optional and spec.required:
                raise FieldSpecError(f"{holder.__name__}.{spec.name}: an optional field (`| None`) needs a "
                                     "default, e.g. default=None")


def _refuse_unknown_vocabularies(models: Iterable[type[BaseModel]], vocabularies: Iterable[str]) -> None:
    """A field that names a vocabulary outside `vocabularies` would accept any value: refuse it."""
    known = tuple(vocabularies)
    for model in models:
        for holder in nested_models(model):
            for spec in declared_fields(holder):
                if spec.vocabulary and spec.vocabulary not in known:
                    raise FieldSpecError(f"{holder.__name__}.{spec.name}: unknown vocabulary "
                                         f"'{spec.vocabulary}' (the taxonomy knows {', '.join(known)})")


# --- reading one pydantic field -------------------------------------------------

def _spec(name: str, info: FieldInfo) -> FieldSpec:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    annotation, optional = _unwrap_optional(info.annotation)
    many = get_origin(annotation) is list
    item = _bare(get_args(annotation)[0] if many else annotation)
    return FieldSpec(
        name=name, title=info.title or "", description=info.description or "",
        example=extra.get("x-example"), required=info.is_required(), optional=optional, many=many, item=item,
        nested=_nested_model(info.annotation), vocabulary=extra.get("x-vocabulary"), ref=extra.get("x-ref"),
        reverse=extra.get("x-reverse"), names_allowed=bool(extra.get("x-names-allowed")),
        choices=get_args(item) if get_origin(item) is Literal else (),
        pattern=next((m.pattern for m in info.metadata if getattr(m, "pattern", None)), None),
        format=extra.get("x-format"), search_filter=extra.get("x-filter"),
        min_length=next((m.min_length for m in info.metadata if isinstance(m, MinLen)), None),
        max_length=next((m.max_length for m in info.metadata if isinstance(m, MaxLen)), None),
        ge=next((m.ge for m in info.metadata if isinstance(m, Ge)), None),
        default=None if info.default is PydanticUndefined else info.default,
        default_factory=info.default_factory)


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    """`X | None` → (X, True); anything else → (annotation, False)."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _bare(args[0]), True
    return annotation, False


def _bare(annotation: Any) -> Any:
    """`Annotated[dt.date, …]` (a notation such as notation.Date) → dt.date."""
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _nested_model(arg)
        if found is not None:
            return found
    return None
