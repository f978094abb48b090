"""Dates and times the way Swedish readers write them: 5 oktober 2026 kl. 09.00."""

from __future__ import annotations

import datetime as dt

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def long_date(value: dt.date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def weekday_date(value: dt.date) -> str:
    """'Måndag 5 oktober', a heading for one day of a programme."""
    return f"{WEEKDAYS[value.weekday()].capitalize()} {value.day} {MONTHS[value.month - 1]}"


def clock(value: dt.time | dt.datetime) -> str:
    return f"{value.hour:02d}.{value.minute:02d}"


def time_span(start: dt.datetime, end: dt.datetime) -> str:
    """'5 oktober 2026 kl. 09.00–16.00', or both ends in full when it spans days."""
    if start.date() == end.date():
        return f"{long_date(start)} kl. {clock(start)}–{clock(end)}"
    return f"{long_date(start)} kl. {clock(start)} – {long_date(end)} kl. {clock(end)}"


def date_span(start: dt.date, end: dt.date | None) -> str:
    if end is None or end == start:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{long_date(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} – {long_date(end)}"
    return f"{long_date(start)} – {long_date(end)}"


def listing(parts: list[str]) -> str:
    """'a, b och c': a list as a Swedish sentence writes it."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]
