"""iCalendar output, parsed back with the icalendar package: times, time zones, RFC 5545 form."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from conftest import TODAY, ArenaDir
from kunskapsarena import load_arena
from kunskapsarena.generate.data.ics import calendar_files
from kunskapsarena.generate.site_info import SiteInfo

SITE = SiteInfo(url="https://arena.example/", today=dt.date(2026, 10, 23))


def files(typed: ArenaDir, site: SiteInfo = SITE) -> dict[str, bytes]:
    return calendar_files(load_arena(typed.root, today=TODAY), site)


def test_event_spanning_the_end_of_summer_time(typed: ArenaDir):
    vevent = Calendar.from_ical(files(typed)["evenemang/ics/tva-dagar.ics"]).walk("VEVENT")[0]
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert (start.isoformat(), end.isoformat()) == ("2026-10-24T13:00:00+02:00", "2026-10-25T12:00:00+01:00")
    # 23 hours on the wall clock, but 24 real hours: the clocks go back an hour on 25 October.
    assert end.astimezone(dt.UTC) - start.astimezone(dt.UTC) == dt.timedelta(hours=24)
    assert str(start.tzinfo) == "Europe/Stockholm"


def test_vtimezone_describes_both_offsets(typed: ArenaDir):
    calendar = Calendar.from_ical(files(typed)["evenemang/ics/tva-dagar.ics"])
    [timezone] = calendar.walk("VTIMEZONE")
    assert timezone["TZID"] == "Europe/Stockholm"
    offsets = {(c.name, c.decoded("TZOFFSETTO")) for c in timezone.subcomponents}
    assert ("DAYLIGHT", dt.timedelta(hours=2)) in offsets and ("STANDARD", dt.timedelta(hours=1)) in offsets


def test_rfc5545_form(typed: ArenaDir):
    raw = files(typed)["evenemang/ics/innovationsdagen.ics"]
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b""), "lines end in CRLF only"
    assert max(len(line) for line in lines) <= 75, "long lines are folded at 75 octets"
    vevent = Calendar.from_ical(raw).walk("VEVENT")[0]
    for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
        assert required in vevent
    assert str(vevent["UID"]) == "innovationsdagen@arena.example"
    assert str(vevent["ORGANIZER"]) == "mailto:eva.berg@lulea.example"
    assert "10.00–11.00 Panelsamtal" in str(vevent["DESCRIPTION"])


def test_feed_has_only_events_not_yet_over(typed: ArenaDir):
    feed = Calendar.from_ical(files(typed, SiteInfo(url="", today=dt.date(2026, 10, 23)))["evenemang/kalender.ics"])
    assert [str(e["UID"]) for e in feed.walk("VEVENT")] == ["tva-dagar@kunskapsarena"]
    later = Calendar.from_ical(files(typed, SiteInfo(url="", today=dt.date(2026, 10, 26)))["evenemang/kalender.ics"])
    assert later.walk("VEVENT") == [] and later.walk("VTIMEZONE") == []


def test_same_content_and_date_give_the_same_bytes(typed: ArenaDir):
    first, second = files(typed), files(typed)
    assert first == second
    stamp = Calendar.from_ical(first["evenemang/ics/tva-dagar.ics"]).walk("VEVENT")[0].decoded("DTSTAMP")
    assert stamp == dt.datetime(2026, 10, 23, tzinfo=dt.UTC)
