"""Field declarations shared by every content type.

Metadata on a field drives everything built from the model: `vocabulary`
names a list in data/taxonomy.yml, `ref` names the content type (or
`person`) a value points at, `example` fills the scaffold. field_specs.py
reads it; the checks, the JSON Schema, the CMS and the field reference ask there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from .notation import WholeNumber, local_date_time

EARLIEST_YEAR = 1990


@dataclass(frozen=True)
class Violation:
    """A rule across fields, broken at `loc` (a path into the front matter)."""

    loc: tuple[str | int, ...]
    message: str
    hint: str = ""
    at: tuple[str | int, ...] | None = None   # where to point when `loc` itself is missing from the file

    @property
    def line_loc(self) -> tuple[str | int, ...]:
        return self.loc if self.at is None else self.at


class Model(BaseModel):
    """Front matter: unknown keys are errors (typos must not vanish silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    def violations(self, today: dt.date) -> Iterator[Violation]:
        """Rules across fields, checked once the fields themselves are valid.

        Unlike a pydantic model validator, each violation names the exact
        field (so the editor gets its line) and all of them are reported.
        """
        return iter(())


class Item(Model):
    """Fields every content type has; each type's model subclasses this."""

    aliases: list[str] = Field(
        default_factory=list, title="Tidigare adresser",
        description="Filnamn (utan .md) som sidan hade förut; de gamla adresserna leder hit.",
        json_schema_extra={"x-example": ["gammalt-namn"]})


def text(title: str, description: str = "", *, example: Any = None, **kwargs: Any) -> Any:
    return Field(title=title, description=description, json_schema_extra=_extra(example=example), **kwargs)


def vocabulary(name: str, title: str, description: str = "", *, example: Any = None, search_filter: str | None = None,
               **kwargs: Any) -> Any:
    """A value (or list of values) that must be a key of taxonomy.yml's `name`.

    `search_filter` names the site search's filter that offers the values' labels (one name
    for every type that fills it, e.g. "Organisation" for a case's organisation and an event's organiser).
    """
    return Field(title=title, description=description,
                 json_schema_extra=_extra(vocabulary=name, example=example, filter=search_filter), **kwargs)


def ref(target: str, title: str, description: str = "", *, example: Any = None, reverse: str | None = None,
        names_allowed: bool = False, **kwargs: Any) -> Any:
    """A slug (or list of slugs) of another item, or a person id when target is 'person'.

    `reverse` is how the target lists what points at it ("Kontaktperson för").
    With `names_allowed`, a value that is not slug-shaped ("Petra Liuski") is
    free text, not a reference; slug-shaped values must still exist.
    """
    return Field(title=title, description=description,
                 json_schema_extra=_extra(ref=target, example=example, reverse=reverse,
                                          **{"names-allowed": names_allowed or None}), **kwargs)


def _extra(**values: Any) -> dict[str, Any]:
    return {f"x-{key}": value for key, value in values.items() if value is not None}


class Range(Model):
    """An inclusive range such as 30–90 minutes or 4–12 persons."""

    min: WholeNumber = Field(ge=1, title="Minst")
    max: WholeNumber = Field(ge=1, title="Mest")

    @model_validator(mode="after")
    def _min_not_above_max(self) -> Range:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) är större än max ({self.max})")
        return self


# A web address editors may write: http(s), a host, and no character that could
# end an attribute or a Markdown link (whitespace, quotes, angle brackets,
# backslash, braces, pipe, caret, backtick); parentheses only in balanced pairs,
# as in Wikipedia addresses. A regular expression, so the JSON Schema and the
# CMS enforce the same rule; `url_problem` says in Swedish what is wrong.
# Written without identity escapes (no \" or \'): JSON Schema tools compile it as a Unicode regex.
_URL_CHAR = "[^\\s\"'<>\\\\`{}|^()]"
URL_PATTERN = ("^https?://[^\\s/?#:\"'<>\\\\`{}|^()\\[\\]@]+(?::[0-9]{1,5})?"
               f"(?:[/?#](?:{_URL_CHAR}|\\({_URL_CHAR}*\\))*)?$")
_URL = re.compile(URL_PATTERN)
_URL_FORBIDDEN = {" ": "ett mellanslag", "\t": "en tabb", "\n": "en radbrytning", '"': "citattecken (\")",
                  "'": "apostrof (')", "<": "tecknet <", ">": "tecknet >", "\\": "ett bakstreck (\\)",
                  "`": "tecknet `", "{": "tecknet {", "}": "tecknet }", "|": "tecknet |", "^": "tecknet ^"}
_EMAIL_CHAR = "[^@\\s\"'<>()\\[\\]\\\\,;:]"
EMAIL_PATTERN = f"^{_EMAIL_CHAR}+@{_EMAIL_CHAR}+\\.{_EMAIL_CHAR}+$"


def url_problem(value: str) -> tuple[str, str] | None:
    """What is wrong with a web address, and how to fix it; None when it is fine."""
    if _URL.match(value):
        return None
    if not re.match(r"^https?://", value):
        scheme = value.split(":", 1)[0].lower() if ":" in value else ""
        if scheme in ("http", "https"):
            return "ska börja med https:// eller http:// (små bokstäver, två snedstreck)", "t.ex. https://www.kommun.se"
        return "är ingen webbadress", "skriv hela adressen, med https:// först"
    forbidden = next((char for char in value if char in _URL_FORBIDDEN), None)
    if forbidden is not None:
        return (f"innehåller {_URL_FORBIDDEN[forbidden]}",
                "kopiera adressen från webbläsarens adressfält; mellanslag skrivs %20")
    if "(" in value or ")" in value:
        return "har en parentes som inte stängs", "kontrollera att adressen är hel"
    return "har inget giltigt värdnamn", "t.ex. https://www.kommun.se/sida"


def web_url(title: str, description: str = "", **kwargs: Any) -> Any:
    """An absolute http(s) address (typed: URL_PATTERN); emitted percent-encoded (escape.url)."""
    return Field(title=title, description=description, pattern=URL_PATTERN,
                 json_schema_extra=_extra(example=kwargs.pop("example", "https://"), format="url"), **kwargs)


def relative_file(value: str) -> str:
    """A file beside the item: a relative path with no way out of the item's folder."""
    problem = _relative_file_problem(value)
    if problem:
        raise PydanticCustomError("relative_file", problem[0], {"hint": problem[1]})
    return value


def _relative_file_problem(value: str) -> tuple[str, str] | None:
    hint = "skriv sökvägen från innehållsfilen, t.ex. bilder/min-bild.jpg"
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value):
        return f"'{value}' är en adress, inte en fil i arenan", hint
    if value.startswith(("/", "\\")):
        return f"'{value}' börjar med ett snedstreck", hint
    if "\\" in value:
        return f"'{value}' innehåller bakstreck (\\)", "använd vanliga snedstreck /"
    if ".." in value.split("/"):
        return f"'{value}' pekar utanför innehållets mapp (..)", hint
    bad = re.search(r"[^\w./-]", value)
    if bad:
        shown = "ett mellanslag" if bad[0].isspace() else f"tecknet {bad[0]}"
        return f"'{value}' innehåller {shown}", "döp om filen till bokstäver, siffror och bindestreck"
    return None


RelativeFile = Annotated[str, AfterValidator(relative_file)]


class Link(Model):
    title: str = Field(min_length=1, title="Länktext")
    url: str = web_url("Adress")


class Source(Model):
    name: str = Field(min_length=1, title="Källa")
    url: str | None = web_url("Adress", default=None)


class Image(Model):
    src: RelativeFile = Field(min_length=1, title="Bildfil",
                              description="Sökväg från innehållsfilen till bilden, t.ex. bilder/min-bild.jpg.")
    alt: str = Field(min_length=1, title="Alternativtext",
                     description="Beskriv vad bilden visar för den som inte ser den.")


STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _in_stockholm(value: dt.datetime) -> dt.datetime:
    """A time without zone is Swedish local time; one with a zone is shown in Swedish time."""
    return value.replace(tzinfo=STOCKHOLM) if value.tzinfo is None else value.astimezone(STOCKHOLM)


# Date and time of day; `2026-10-05 09:00` (or `9.00`) means 09:00 in Sweden (summer or winter time).
LocalDateTime = Annotated[dt.datetime, BeforeValidator(local_date_time), AfterValidator(_in_stockholm)]


def plausible_year(value: int, info: ValidationInfo) -> int:
    today = _today(info)
    if not EARLIEST_YEAR <= value <= today.year + 1:
        raise ValueError(f"årtalet {value} är inte rimligt (ska vara {EARLIEST_YEAR}–{today.year + 1})")
    return value


def not_in_future(value: dt.date | None, info: ValidationInfo) -> dt.date | None:
    today = _today(info)
    if value is not None and value > today:
        raise ValueError(f"datumet {value.isoformat()} ligger i framtiden (i dag är {today.isoformat()})")
    return value


def _today(info: ValidationInfo) -> dt.date:
    context = info.context or {}
    return context.get("today") or dt.date.today()


__all__ = [
    "EMAIL_PATTERN", "STOCKHOLM", "URL_PATTERN", "Image", "Item", "Link", "RelativeFile", "url_problem", "web_url", "LocalDateTime", "Model", "Range", "Source", "Violation",
    "not_in_future", "plausible_year", "ref", "text", "vocabulary",
]


def end_not_before_start(model: Any) -> Any:
    """For date ranges (`start`, optional `end`): an end before the start is a typo."""
    if model.end is not None and model.end < model.start:
        raise ValueError(f"slutet {model.end} ligger före starten {model.start}")
    return model
