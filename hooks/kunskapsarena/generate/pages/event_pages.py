"""What event pages need beyond their spec: upcoming and past relative to the build date, programme days."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import TYPE_CHECKING

from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.content_types import EVENT, MATERIAL

from .material_pages import archive, material_of_event

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo

INDEX_URI = f"{EVENT.section}/index.md"
FEED_URI = f"{EVENT.section}/kalender.ics"


def ics_uri(event: Record) -> str:
    return f"{EVENT.section}/ics/{event.slug}.ics"


def is_upcoming(event: Record, today: dt.date) -> bool:
    """Upcoming until the day it ends (an event running today is still upcoming)."""
    return event.data.end.date() >= today


def upcoming_events(arena: Arena, today: dt.date) -> list[Record]:
    return sorted((e for e in arena.of_type(EVENT) if is_upcoming(e, today)),
                  key=lambda e: (e.data.start, e.slug))


def past_events(arena: Arena, today: dt.date) -> list[Record]:
    return sorted((e for e in arena.of_type(EVENT) if not is_upcoming(e, today)),
                  key=lambda e: (e.data.start, e.slug), reverse=True)


def programme_days(event: Record) -> list[tuple[dt.date, list[dict]]]:
    """Programme items in time order, grouped by day, with their times resolved."""
    data = event.data
    items = []
    for item in data.programme:
        start, end = data.programme_times(item)
        items.append({"start": start, "end": end, "title": item.title, "speakers": item.speakers})
    items.sort(key=lambda i: i["start"])
    return [(day, list(group)) for day, group in groupby(items, key=lambda i: i["start"].date())]


def item_context(arena: Arena, event: Record, site: SiteInfo) -> dict:
    past = not is_upcoming(event, site.today)
    days = programme_days(event)
    material = material_of_event(arena, event)
    for _day, entries in days:   # each programme item links to its material
        for entry in entries:
            entry["material"] = [m for m in material if m.data.programme_item == entry["title"]]
    return {"days": days, "several_days": event.data.start.date() != event.data.end.date(),
            "past": past, "ics": ics_uri(event), "archive": archive(arena, event) if past else []}


def index_context(arena: Arena, site: SiteInfo) -> dict:
    with_material = {m.data.event for m in arena.of_type(MATERIAL)}
    return {"upcoming": upcoming_events(arena, site.today), "past": past_events(arena, site.today),
            "with_material": with_material,
            "feed": FEED_URI, "today": site.today}
