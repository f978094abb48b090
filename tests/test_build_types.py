"""The real demo build: event, project, idea, training, contact and start pages, and the calendar files."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from conftest import BUILD_EPOCH, TODAY, copy_project
from kunskapsarena import CASE, EVENT, IDEA, METHOD, POST, PROJECT, TRAINING
from kunskapsarena.generate.data.ics import calendar_files
from kunskapsarena.generate.pages.contacts import person_roles
from kunskapsarena.generate.pages.event_pages import past_events, upcoming_events
from kunskapsarena.generate.pages.idea_pages import pipeline_counts
from kunskapsarena.generate.pages.training_pages import next_dates
from kunskapsarena.generate.site_info import SiteInfo

pytestmark = pytest.mark.build


def test_demo_has_no_warnings(demo):
    assert demo.problems == [], "the demo must not warn (e.g. about unreferenced people)"


def article(site: Path, url: str):
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("article.md-content__inner")


def heading_text(tag) -> str:
    return tag.get_text(strip=True).rstrip("¶")


def list_after(body, heading: str, level: str = "h2") -> list[str]:
    h = next(h for h in body.find_all(level) if heading_text(h) == heading)
    return [a["href"] for a in h.find_next_sibling(["ul", "div"]).find_all("a")]


def test_demo_has_the_promised_content(demo):
    assert len(demo.of_type(EVENT)) >= 3
    assert len(demo.of_type(PROJECT)) >= 4
    assert len(demo.of_type(TRAINING)) >= 2
    ideas = demo.of_type(IDEA)
    assert len(ideas) >= 6
    assert len({i.data.status for i in ideas}) >= 5, "ideas should stand at different stages"
    assert any(len(e.data.programme) >= 5 for e in demo.of_type(EVENT))


def test_events_overview_splits_upcoming_and_past_at_the_build_date(demo_site: Path, demo):
    body = article(demo_site, "evenemang")
    upcoming, past = upcoming_events(demo, TODAY), past_events(demo, TODAY)
    assert upcoming and past, "the demo should have both upcoming and past events on the test date"
    assert all(e.data.end.date() >= TODAY for e in upcoming) and all(e.data.end.date() < TODAY for e in past)
    assert list_after(body, "Kommande evenemang") == [f"{e.slug}/" for e in upcoming]
    assert list_after(body, "Tidigare evenemang") == [f"{e.slug}/" for e in past]
    starts = [e.data.start for e in upcoming]
    assert starts == sorted(starts)


def test_event_page_shows_the_programme_with_linked_speakers(demo_site: Path, demo):
    for event in demo.of_type(EVENT):
        body = article(demo_site, event.url)
        rows = body.select("table tbody tr")
        assert len(rows) == len(event.data.programme)
        # The title first; links to the item's material (test_material.py) follow it.
        titles = {next(row.find_all("td")[1].stripped_strings) for row in rows}
        assert titles == {item.title for item in event.data.programme}
        for item in event.data.programme:
            for speaker in item.speakers:
                if speaker in demo.taxonomy.people:
                    assert body.select_one(f'a[href="../../kontakter/#{speaker}"]') is not None
                else:
                    assert speaker in body.get_text()
        calendar_link = body.find("a", string="Lägg till i din kalender")
        assert calendar_link["href"] == f"../ics/{event.slug}.ics"
        assert (demo_site / "evenemang" / "ics" / f"{event.slug}.ics").is_file()


def test_past_event_says_so_and_hides_registration(demo_site: Path, demo):
    event = past_events(demo, TODAY)[0]
    body = article(demo_site, event.url)
    assert "Evenemanget har redan ägt rum" in body.get_text()
    assert body.find("a", string="Anmäl dig") is None
    upcoming = next(e for e in upcoming_events(demo, TODAY) if e.data.registration)
    assert article(demo_site, upcoming.url).find("a", string="Anmäl dig")["href"] == upcoming.data.registration


def _calendar(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_event_calendar_files_parse_and_keep_swedish_time_across_dst(demo_site: Path, demo):
    october = _calendar(demo_site / "evenemang/ics/motesplats-digitalisering-och-innovation-2026.ics")
    november = _calendar(demo_site / "evenemang/ics/idefika-turne-jamtland-harjedalen.ics")
    for calendar in (october, november):
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    oct_start = october.walk("VEVENT")[0].decoded("DTSTART")
    nov_start = november.walk("VEVENT")[0].decoded("DTSTART")
    # 09:00 on the wall clock both times: summer time in October, winter time after 25 October.
    assert (oct_start.hour, oct_start.utcoffset()) == (9, dt.timedelta(hours=2))
    assert (nov_start.hour, nov_start.utcoffset()) == (9, dt.timedelta(hours=1))
    assert oct_start.astimezone(dt.UTC).hour == 7 and nov_start.astimezone(dt.UTC).hour == 8
    assert "DTSTART;TZID=Europe/Stockholm:20261020T090000" in (
        demo_site / "evenemang/ics/motesplats-digitalisering-och-innovation-2026.ics").read_text()


def test_calendar_feed_holds_exactly_the_upcoming_events(demo_site: Path, demo):
    feed = _calendar(demo_site / "evenemang/kalender.ics")
    uids = [str(e["UID"]) for e in feed.walk("VEVENT")]
    assert uids == [f"{e.slug}@kunskapsarena.example" for e in upcoming_events(demo, TODAY)]
    for vevent in feed.walk("VEVENT"):
        assert vevent.decoded("DTSTAMP") == dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
        assert str(vevent["URL"]).startswith("https://kunskapsarena.example/evenemang/")


def test_built_calendars_are_reproducible(demo_site: Path, demo):
    again = calendar_files(demo, SiteInfo(url="https://kunskapsarena.example/", today=TODAY))
    for uri, content in again.items():
        assert (demo_site / uri).read_bytes() == content, uri


def test_projects_overview_groups_by_status(demo_site: Path, demo):
    body = article(demo_site, "projekt")
    labels = demo.taxonomy.ids("project_statuses")
    headings = [heading_text(h) for h in body.find_all("h2")]
    expected = []
    for status, label in labels.items():
        members = [p for p in demo.of_type(PROJECT) if p.data.status == status]
        if members:
            expected.append(f"{label} ({len(members)})")
            listed = set(list_after(body, f"{label} ({len(members)})"))
            assert listed == {f"{p.slug}/" for p in members}
    assert headings == expected
    assert len(headings) == 4, "the demo shows every project status"


def test_project_page_links_methods_ideas_and_cases(demo_site: Path, demo):
    for project in demo.of_type(PROJECT):
        body = article(demo_site, project.url)
        if project.data.ideas:
            assert list_after(body, "Idéer som ingår") == [f"../../ideer/{s}/" for s in project.data.ideas]
        if project.data.methods:
            assert list_after(body, "Metoder i projektet") == [f"../../metoder/{s}/" for s in project.data.methods]


def test_idea_pipeline_counts_every_stage(demo_site: Path, demo):
    body = article(demo_site, "ideer")
    rows = [(row.th.get_text(strip=True), int(row.td.get_text())) for row in body.select("table.ka-pipeline tbody tr")]
    counts = pipeline_counts(demo)
    assert rows == [(label, count) for _, label, count in counts]
    assert [label for label, _ in rows] == ["Inkommen", "Bedöms", "Utvecklas", "Testas", "Införd", "Avslutad"]
    assert sum(count for _, count in rows) == len(demo.of_type(IDEA))
    assert all(count >= 1 for _, count in rows), "the demo has an idea at every stage"


def test_idea_page_shows_history_reason_and_project(demo_site: Path, demo):
    closed = next(i for i in demo.of_type(IDEA) if i.data.status == "avslutad")
    text = article(demo_site, closed.url).get_text()
    assert "Skäl: " + closed.data.history[-1].reason in text
    in_project = next(i for i in demo.of_type(IDEA) if demo.graph.referrers("idea", i.slug, source_type="project"))
    body = article(demo_site, in_project.url)
    projects = demo.graph.referrers("idea", in_project.slug, source_type="project")
    assert list_after(body, "Ingår i förändringsprojekt") == [f"../../projekt/{p.slug}/" for p in projects]
    steps = [li.get_text(" ", strip=True) for li in
             next(h for h in body.find_all("h2") if heading_text(h) == "Idéns väg genom idéslussen")
             .find_next_sibling("ol").find_all("li", recursive=False)]
    assert len(steps) == len(in_project.data.history)


def test_suggest_an_idea_opens_a_prefilled_file_and_offers_email(demo_site: Path):
    body = article(demo_site, "ideer/foresla")
    button = body.find("a", string="Föreslå idén som ett ärende")
    url = urlsplit(button["href"])
    assert (url.netloc, url.path) == ("git.kunskapsarena.example", "/redaktionen/kunskapsarena/-/issues/new")
    query = parse_qs(url.query)
    assert query["issue[title]"] == ["Ny idé: Min idé"]
    prefilled = query["issue[description]"][0]
    assert prefilled.startswith("---\n# Titel") and "\nstatus: inkommen\n" in prefilled
    assert "## Idén" in prefilled
    mail = body.find("a", href=lambda h: h and h.startswith("mailto:idesluss@kunskapsarena.example?"))
    assert "history:" in unquote(mail["href"])
    assert "Utan konto i versionshanteringen" in body.get_text()


def test_trainings_are_reachable_from_the_start_page(demo_site: Path, demo):
    start = article(demo_site, "")
    assert start.find("a", href="utbildningar/") is not None
    body = article(demo_site, "utbildningar")
    linked = [a["href"] for h in body.find_all("h2") for a in h.find_all("a", href=True) if not a["href"].startswith("#")]
    assert sorted(linked) == sorted(f"{t.slug}/" for t in demo.of_type(TRAINING))
    for training in demo.of_type(TRAINING):
        text = article(demo_site, training.url).get_text()
        upcoming = next_dates(training, TODAY)
        assert ("Inga tillfällen är inplanerade just nu" in text) == (not upcoming)
        assert training.data.signup in text


def test_contacts_page_lists_everyone_with_their_roles(demo_site: Path, demo):
    body = article(demo_site, "kontakter")
    for pid, person in demo.taxonomy.people.items():
        heading = body.find("h3", id=pid)
        assert heading is not None and heading_text(heading) == person.name
        section = []
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h2", "h3"):
                break
            section.append(sibling)
        hrefs = {a["href"] for tag in section for a in tag.find_all("a") if not a["href"].startswith(("mailto:", "tel:"))}
        expected = {f"../{r.url}" for _, records in person_roles(demo, pid) for r in records}
        assert hrefs == expected and expected, pid


def test_speaker_role_appears_on_the_contacts_page(demo_site: Path, demo):
    roles = dict(person_roles(demo, "oskar-nilsson"))
    assert sorted(r.slug for r in roles["Medverkar i"]) == ["motesplats-digitalisering-och-innovation-2020",
                                                            "motesplats-digitalisering-och-innovation-2026"]
    assert [r.slug for r in roles["Har presenterat"]] == ["helsingborg-innovation-bildspel"]


def test_every_person_link_lands_on_an_anchor(demo_site: Path, demo):
    anchors = {h["id"] for h in article(demo_site, "kontakter").find_all("h3")}
    for record in demo.all_records():
        if record.type.name == "post":
            continue
        for a in article(demo_site, record.url).select('a[href*="kontakter/#"]'):
            assert a["href"].split("#")[1] in anchors


def test_start_page_shows_next_events_newest_items_and_pipeline_counts(demo_site: Path, demo):
    body = article(demo_site, "")
    assert list_after(body, "Kommande evenemang") == [e.url for e in upcoming_events(demo, TODAY)[:3]]
    assert body.find("a", string="Alla evenemang")["href"] == "evenemang/"
    newest_cases = sorted(demo.of_type(CASE), key=lambda c: c.data.published, reverse=True)[:3]
    assert list_after(body, "Senaste goda exempel") == [c.url for c in newest_cases]
    posts = sorted((p for p in demo.of_type(POST) if not p.data.draft), key=lambda p: p.data.date, reverse=True)[:3]
    assert list_after(body, "Senaste från bloggen") == [p.url for p in posts]
    counts = [(li.select_one(".ka-count").get_text(), li.get_text(" ", strip=True))
              for li in body.select("ul.ka-pipeline-counts li")]
    assert counts == [(str(count), f"{count} {label}") for _, label, count in pipeline_counts(demo)]
    assert "<!-- arena:" not in (demo_site / "index.html").read_text(encoding="utf-8")


def test_method_page_lists_projects_ideas_and_trainings_that_use_it(demo_site: Path, demo):
    checked = 0
    for method in demo.of_type(METHOD):
        others = [r for r in demo.graph.referrers("method", method.slug) if r.type.name not in ("case", "method")]
        body = article(demo_site, method.url)
        headings = [heading_text(h) for h in body.find_all("h2")]
        if others:
            assert list_after(body, "Används också i") == [f"../../{r.url}" for r in others]
            checked += 1
        else:
            assert "Används också i" not in headings
    assert checked >= 5


@pytest.fixture(scope="module")
def bare_project(tmp_path_factory) -> Path:
    """The project without events/, projects/, ideas/, trainings/ and material/, as a city starting out has it."""
    root = copy_project(tmp_path_factory.mktemp("bare") / "arena")
    for folder in ("events", "projects", "ideas", "trainings", "material"):
        shutil.rmtree(root / folder)
    return root


def build(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    return subprocess.run([sys.executable, "-m", "kunskapsarena_mkdocs.cli", "--root", str(root), "build"],
                          capture_output=True, text=True, env=env)


def test_arena_without_the_newer_folders_still_builds(bare_project: Path):
    result = build(bare_project)
    assert result.returncode == 0, result.stdout + result.stderr
    text = article(bare_project / "site", "evenemang").get_text()
    assert "Inga kommande evenemang är inlagda just nu." in text
    assert (bare_project / "site" / "evenemang" / "kalender.ics").is_file()


def test_unknown_block_marker_stops_the_build(bare_project: Path):
    index = bare_project / "content" / "index.md"
    original = index.read_text(encoding="utf-8")
    index.write_text(original.replace("<!-- arena:idesluss -->", "<!-- arena:idesluse -->"), encoding="utf-8")
    try:
        result = build(bare_project)
    finally:
        index.write_text(original, encoding="utf-8")
    line = original[:original.index("<!-- arena:idesluss -->")].count("\n") + 1
    assert result.returncode == 1
    assert f"content/index.md:{line}: arena:idesluse: okänt block (menade du 'idesluss'?)" in result.stderr


def test_bad_idea_submission_setting_stops_the_build(bare_project: Path):
    config = bare_project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    config.write_text(original.replace("issue[description]={content}", "issue[description]={innehåll}"),
                      encoding="utf-8")
    try:
        result = build(bare_project)
    finally:
        config.write_text(original, encoding="utf-8")
    line = original[:original.index("    url: ")].count("\n") + 1
    assert result.returncode == 1
    # `arena build` checks first: the settings problem is reported like a content problem, on stdout.
    assert (f"mkdocs.yml:{line}: extra.idea_submission.url: okänd platshållare {{innehåll}} "
            "(använd {content} för den ifyllda filen och {title} för en rubrik)") in result.stdout
