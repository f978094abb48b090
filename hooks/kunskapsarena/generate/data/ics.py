"""iCalendar (RFC 5545) files: one per event and a feed of every upcoming event.

Times carry TZID=Europe/Stockholm with a VTIMEZONE, so calendars show the
right clock time on both sides of a daylight-saving change. UIDs come from
the slug and DTSTAMP from the build date: the same content gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from icalendar import Calendar, Event, vCalAddress, vText

from kunskapsarena.generate.pages.event_pages import FEED_URI, ics_uri, programme_days, upcoming_events
from kunskapsarena.generate.swedish import clock
from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.content_types import EVENT

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo

PRODID = "-//Kunskapsarenan//Evenemang//SV"


def calendar_files(arena: Arena, site: SiteInfo) -> dict[str, bytes]:
    files = {ics_uri(event): _calendar(arena, [event], site, event.title) for event in arena.of_type(EVENT)}
    files[FEED_URI] = _calendar(arena, upcoming_events(arena, site.today), site, "Kunskapsarenan – evenemang")
    return files


def _calendar(arena: Arena, events: list[Record], site: SiteInfo, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # icalendar does not know X- properties and would write the name unescaped (and refuse a
    # title with a line break); as TEXT its commas, semicolons and line breaks are escaped.
    calendar.add("x-wr-calname", vText(name))
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    for event in events:
        calendar.add_component(_vevent(arena, event, site))
    if events:
        first = min(e.data.start for e in events).year - 1
        last = max(e.data.end for e in events).year + 2
        calendar.add_missing_timezones(first_date=dt.date(first, 1, 1), last_date=dt.date(last, 1, 1))
    return calendar.to_ical()


def _vevent(arena: Arena, event: Record, site: SiteInfo) -> Event:
    data = event.data
    vevent = Event()
    vevent.add("uid", f"{event.slug}@{urlsplit(site.url).hostname or 'kunskapsarena'}")
    vevent.add("dtstamp", dt.datetime.combine(site.today, dt.time(0), tzinfo=dt.UTC))
    vevent.add("dtstart", data.start)
    vevent.add("dtend", data.end)
    vevent.add("summary", data.title)
    vevent.add("description", _description(arena, event, site))
    vevent.add("location", data.location or arena.taxonomy.label("event_formats", data.format))
    vevent.add("url", site.absolute(event.url))
    contact = arena.taxonomy.people.get(data.contacts[0])
    if contact is not None:
        # A URI, which icalendar writes as it is: the address is percent-encoded so that
        # nothing in people.yml (quotes, <, >, ;) can reach the calendar client raw.
        organizer = vCalAddress("mailto:" + quote(contact.email, safe="@+"))
        organizer.params["cn"] = vText(contact.name)
        vevent.add("organizer", organizer)
    return vevent


def _description(arena: Arena, event: Record, site: SiteInfo) -> str:
    lines = [event.data.summary, ""]
    for day, items in programme_days(event):
        if event.data.start.date() != event.data.end.date():
            lines.append(day.isoformat())
        for item in items:
            span = clock(item["start"]) + (f"–{clock(item['end'])}" if item["end"] else "")
            lines.append(f"{span} {item['title']}")
    if event.data.registration:
        lines += ["", f"Anmälan: {event.data.registration}"]
    lines += ["", f"Mer information: {site.absolute(event.url)}"]
    return "\n".join(lines).strip()
