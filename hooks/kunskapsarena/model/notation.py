"""How editors may write times, dates, whole numbers and yes/no, read the same way everywhere.

The YAML loader leaves anything with a decimal point or comma as the text the
editor wrote (yamlsource.py), so these types see `13.00`, not the float 13.0
that pydantic would silently turn into 00:00:13. Each type accepts only what
has one reading and refuses the rest with a message that names what was
written and the exact way to write it:

- a time of day: `13:00`, `13.00`, `9.00`, `9:00` (hours 0–23, minutes with two digits);
- a date: `2026-01-05` only (`2026-1-5`, `5/1 2026`, `5 januari 2026` get the ISO form to copy);
- a date and time: a date as above, a space (or `kl.`) and a time as above;
- a whole number: digits, optionally grouped by spaces (`1 000`); `1.000` and `1,5` are refused
  (a thousands separator or a decimal? a count of minutes or kronor has no decimals);
- yes/no: `true`/`false` (and YAML 1.1's `yes`/`no`/`on`/`off`, which the blog theme reads the
  same way); `ja`/`nej` are refused because the theme that builds the blog reads the post's front
  matter itself and would not understand them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

_CLOCK = re.compile(r"^(?:kl\.?\s*)?(\d{1,2})[.:](\d{2})(?::00)?$", re.IGNORECASE)   # 09:00:00 is open data's form
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_TIME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})(?:\s*[Tt]\s*|\s+(?:kl\.?\s*)?)(\S.*)$", re.IGNORECASE)
_OTHER_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})(?:[ /.,-]+(\d{4}))?$")
_SLASHED_ISO = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
           "oktober", "november", "december")
_WORDED_DATE = re.compile(r"^(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})$", re.IGNORECASE)
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+$")
_SEPARATED = re.compile(r"^[+-]?\d{1,3}(?:[.,]\d{3})+$")
_DECIMAL = re.compile(r"^[+-]?\d*[.,]\d+$")
# YAML 1.1's words, as the blog theme's reader (PyYAML's SafeLoader) understands them.
_TRUE = ("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON")
_FALSE = ("false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF")


def _refuse(message: str, hint: str) -> PydanticCustomError:
    # Braces in what the editor wrote must not be read as placeholders.
    return PydanticCustomError("notation", message.replace("{", "{{").replace("}", "}}"), {"hint": hint})


def _shown(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else str(value)


# --- time of day ----------------------------------------------------------------

def clock_time(value: Any) -> dt.time:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str):
        found = _clock(value.strip())
        if isinstance(found, dt.time):
            return found
        raise _refuse(f"'{value}' är ingen giltig tid{found}", _time_hint(value.strip()))
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 23:
        raise _refuse(f"{value} är ingen giltig tid: minuterna saknas", f"skriv {value:02d}:00")
    raise _refuse(f"{_shown(value)} är ingen giltig tid", "skriv TT:MM, t.ex. 13:00 eller 13.00")


def _clock(text: str) -> dt.time | str:
    """The time, or the reason (': …') it is none."""
    match = _CLOCK.match(text)
    if match is None:
        return ""
    hour, minute = int(match[1]), int(match[2])
    if hour > 23:
        return ": timmen ska vara 0–23"
    if minute > 59:
        return ": minuterna ska vara 00–59"
    return dt.time(hour, minute)


_RANGE = re.compile(r"^(.+?)\s*[–—-]\s*(.+)$")


def _time_hint(text: str) -> str:
    span = _RANGE.match(text)
    if span and all(isinstance(_clock(part.strip()), dt.time) for part in span.groups()):
        start, end = (_clock(part.strip()) for part in span.groups())
        return f"skriv starttiden här, {start:%H:%M}, och sluttiden på en egen rad: end: {end:%H:%M}"
    short = re.match(r"^(\d{1,2})[.:](\d)$", text)
    if short:   # 13.3: 13:30 or 13:03?
        return f"minuterna skrivs med två siffror: {int(short[1]):02d}:{short[2]}0 eller {int(short[1]):02d}:0{short[2]}"
    digits = re.match(r"^(\d{1,2})(\d{2})$", text)
    if digits and int(digits[1]) < 24 and int(digits[2]) < 60:
        return f"skriv {int(digits[1]):02d}:{digits[2]}"
    hour = re.match(r"^(?:kl\.?\s*)?(\d{1,2})$", text, re.IGNORECASE)
    if hour and int(hour[1]) < 24:
        return f"skriv {int(hour[1]):02d}:00"
    return "skriv TT:MM, t.ex. 13:00 eller 13.00"


# --- date -----------------------------------------------------------------------

def iso_date(value: Any) -> dt.date | str:
    """A date as YAML read it (`2026-01-05`); text is refused unless pydantic's own ISO reading fits."""
    if isinstance(value, dt.datetime):
        raise _refuse(f"'{value:%Y-%m-%d %H:%M:%S}' är en tidpunkt, här ska det bara stå ett datum",
                      f"skriv {value:%Y-%m-%d}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        suggestion = _date_suggestion(text)
        if suggestion is None:
            return text   # ISO form: pydantic reads it, or names an impossible date like 2026-02-30
        raise _refuse(*suggestion)
    raise _refuse(f"{_shown(value)} är inget giltigt datum", "skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-01")


def _date_suggestion(text: str) -> tuple[str, str] | None:
    """None for `ÅÅÅÅ-MM-DD`; else the message and the exact form to write."""
    iso = _DATE.match(text)
    if iso and len(iso[2]) == 2 and len(iso[3]) == 2:
        return None
    if iso:
        return (f"'{text}': månad och dag skrivs med två siffror",
                f"skriv {iso[1]}-{int(iso[2]):02d}-{int(iso[3]):02d}")
    slashed = _SLASHED_ISO.match(text)
    if slashed:
        return (f"'{text}' är inget datum i formen ÅÅÅÅ-MM-DD",
                f"skriv {slashed[1]}-{int(slashed[2]):02d}-{int(slashed[3]):02d}")
    worded = _WORDED_DATE.match(text)
    if worded:
        month = _MONTHS.index(worded[2].lower()) + 1
        return (f"'{text}' är inget datum i formen ÅÅÅÅ-MM-DD",
                f"skriv {worded[3]}-{month:02d}-{int(worded[1]):02d}")
    other = _OTHER_DATE.match(text)
    if other:
        day, month = int(other[1]), int(other[2])
        year = other[3] or "ÅÅÅÅ"
        swedish = (f"{year}-{month:02d}-{day:02d} om du menar {day} {_MONTHS[month - 1]}"
                   if 1 <= month <= 12 else "ÅÅÅÅ-MM-DD")
        return (f"'{text}' kan läsas på flera sätt (dag/månad eller månad/dag)", f"skriv {swedish}")
    return f"'{text}' är inget giltigt datum", "skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-01"


# --- date and time ----------------------------------------------------------------

def local_date_time(value: Any) -> dt.datetime | str:
    """`2026-11-30 9.00`, `2026-11-30 09:00` or `2026-11-30 kl. 9.00`; a YAML timestamp as it is.

    A bare date is refused (it would silently mean midnight), as are numbers
    (pydantic would read them as seconds since 1970)."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        raise _refuse(f"'{value}' saknar klockslag", f"skriv t.ex. {value} 09:00")
    if not isinstance(value, str):
        raise _refuse(f"{_shown(value)} är ingen giltig tidpunkt", "skriv ÅÅÅÅ-MM-DD TT:MM, t.ex. 2026-10-05 09:30")
    text = value.strip()
    if _DATE.match(text):
        suggestion = _date_suggestion(text)
        date_text = suggestion[1].removeprefix("skriv ") if suggestion else text
        raise _refuse(f"'{text}' saknar klockslag", f"skriv t.ex. {date_text} 09:00")
    match = _DATE_TIME.match(text)
    if match is None:
        return text   # another ISO 8601 form (with seconds or a zone): pydantic reads it or says why not
    date_part, time_part = match[1], match[2].strip()
    span = _RANGE.match(time_part)
    if span and all(isinstance(_clock(part.strip()), dt.time) for part in span.groups()):
        start, end = (_clock(part.strip()) for part in span.groups())
        raise _refuse(f"'{text}' är två tider", f"skriv {date_part} {start:%H:%M} här och "
                      f"{date_part} {end:%H:%M} under end")
    suggestion = _date_suggestion(date_part)
    clock = _clock(time_part)
    if suggestion is None and isinstance(clock, dt.time):
        day = dt.date.fromisoformat(date_part) if _valid_date(date_part) else None
        if day is None:
            raise _refuse(f"'{text}': datumet {date_part} finns inte", "kontrollera månad och dag")
        return dt.datetime.combine(day, clock)
    if _CLOCK.match(time_part) is None and re.search(r"[+-]\d{2}:?\d{2}$|Z$|:\d{2}:\d{2}", time_part):
        return text   # seconds or a time zone: ISO 8601, pydantic reads it
    fixed_date = suggestion[1].removeprefix("skriv ") if suggestion else date_part
    fixed_time = f"{clock:%H:%M}" if isinstance(clock, dt.time) else _fixed_time(time_part)
    reason = clock if isinstance(clock, str) else ""
    raise _refuse(f"'{text}' är ingen giltig tidpunkt{reason}", f"skriv {fixed_date} {fixed_time}")


def _fixed_time(text: str) -> str:
    hint = _time_hint(text)
    return hint.removeprefix("skriv ") if re.match(r"^skriv \d\d:\d\d$", hint) else "TT:MM"


def _valid_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


# --- whole numbers and yes/no -----------------------------------------------------

def whole_number(value: Any) -> int:
    if isinstance(value, bool):
        raise _refuse(f"{str(value).lower()} är inget tal", "skriv ett heltal, t.ex. 30")
    if isinstance(value, int):
        return value
    text = value.strip() if isinstance(value, str) else str(value)
    if re.match(r"^[+-]?\d+$", text):
        return int(text)
    if _GROUPED.match(text):   # 1 000: spaces between thousands have one reading
        return int(re.sub(r"\s", "", text))
    if _SEPARATED.match(text):
        plain = re.sub(r"[.,]", "", text)
        return_hint = f"skriv {plain}; tusental kan skiljas med mellanslag: {_grouped(int(plain))}"
        raise _refuse(f"'{text}' kan läsas både som ett decimaltal och som {plain}", return_hint)
    if _DECIMAL.match(text):
        raise _refuse(f"'{text}' är inget heltal", "här behövs ett heltal utan decimaler, t.ex. 30")
    raise _refuse(f"ska vara ett heltal, inte {_shown(value)}", "skriv bara siffror, t.ex. 30")


def _grouped(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip() in _TRUE + _FALSE:
        return value.strip() in _TRUE
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and text.lower() in ("ja", "nej"):
        answer = "true" if text.lower() == "ja" else "false"
        raise _refuse(f"'{text}' förstås inte här",
                      f"skriv {answer}; temat som bygger bloggen läser fältet själv och förstår bara true och false")
    raise _refuse(f"ska vara true eller false, inte {_shown(value)}", "skriv true (ja) eller false (nej)")


Date = Annotated[dt.date, BeforeValidator(iso_date)]
# For the editors' JSON Schema (VS Code): YAML 1.2 reads an unquoted 13.00 as a number, which check accepts too.
CLOCK_PATTERN = "^(?:[kK][lL]\\.?\\s*)?(?:[01]?[0-9]|2[0-3])[.:][0-5][0-9](?::00)?$"
ClockTime = Annotated[dt.time, BeforeValidator(clock_time), WithJsonSchema(
    {"anyOf": [{"type": "string", "pattern": CLOCK_PATTERN}, {"type": "number", "minimum": 0, "maximum": 23.59}]})]
WholeNumber = Annotated[int, BeforeValidator(whole_number)]
YesNo = Annotated[bool, BeforeValidator(yes_no)]
