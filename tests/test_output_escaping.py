"""Hostile editor text reaches every data output as plain text (issue 12, items 1-3).

One small arena (tests/fixtures/hostile over minimal + types) whose titles, summaries,
people and vocabulary labels try to be HTML, a spreadsheet formula, a Jinja template,
a CDATA end or a calendar line. Each output is read back the way its consumers read it
(json, csv, feedparser and lxml, icalendar, yaml.safe_load, an HTML parser) and the
exact strings are asserted.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from icalendar import Calendar
from lxml import etree

from conftest import MINIMAL, TODAY
from kunskapsarena import CONTENT_TYPES, load_arena
from kunskapsarena.generate.data.feeds import feed_files
from kunskapsarena.generate.data.ics import calendar_files
from kunskapsarena.generate.data.opendata import api_name, defuse_cell, open_data_files
from kunskapsarena.generate.editors.cms import cms_files
from kunskapsarena.generate.pages.redirects import redirect_pages
from kunskapsarena.generate.site_info import SiteInfo
from test_opendata import decode_row, undefuse

FIXTURES = MINIMAL.parent
SITE = SiteInfo(url="https://arena.example/", today=dt.date(2026, 10, 1))

# The values as the fixture's YAML spells them (double-quoted, so \r\n is CR LF).
POST_TITLE = 'Qzx"><img src=x onerror=alert(1)> & ]]> {{ 7*7 }}'
POST_SUMMARY = "<script>alert(1)</script> \"citat\" & 'apostrof' ]]> =1+1"
# Category ids are plain words (a formula or markup there is refused by check: tests/test_names.py).
CATEGORY = "Lärdomar 2.0"
METHOD_TITLE = '=HYPERLINK("http://x.example/?"&A1;"klicka")'
METHOD_SUMMARY = "-2+3; a, b {{ 7*7 }}"
MATERIALS = ["@SUM(1+1)", "-", "| pipe", "+46 70", "%procent", "vanlig"]
CASE_TITLE = '+Påminnelser, "om" bygglov; {{ 7*7 }}'
CASE_SUMMARY = "Luleå <kommun> kartlade & införde ]]> påminnelser."
CASE_UNIT = "- enhet | avdelning"
EVENT_TITLE = 'Möte; del 1, "A" <b>B</b>\r\nEND:VEVENT'
EVENT_SUMMARY = "Rad ett,\r\nrad två; \\ bakstreck {{ 7*7 }}"
EVENT_LOCATION = 'Sal 3; plan 2, "A"\r\nX-INJECT:1'
PROGRAMME_TITLE = "Paus, fika; {{ 7*7 }} <i>"
PERSON_NAME = '&x *y !z {{ 7*7 }} "Eva" <b>Berg</b>; a: b # c'
PERSON_ROLE = "=Roll\nrad två ]]>"
ORGANISATION = 'Luleå <kommun> & "Co" ]]>'
TAG_LABELS = {"workshop": "- [lista] {a: b}\nny rad", "tjänstedesign": '{{ 7*7 }} & <i>x</i>: "y" # z ]]>'}
FORMAT_LABEL = 'På plats & "digitalt" <b>'


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "arena"
    for layer in ("minimal", "types", "hostile"):
        shutil.copytree(FIXTURES / layer, root, dirs_exist_ok=True)
    arena = load_arena(root, today=TODAY)
    assert arena.ok, "\n".join(map(str, arena.problems))
    return arena


def record(arena, slug):
    return next(r for r in arena.all_records() if r.slug == slug)


def test_the_fixture_reads_as_written(hostile):
    """The payloads reach the model unchanged, so every assertion below is about the output."""
    assert record(hostile, "forsta-inlagget").data.title == POST_TITLE
    assert record(hostile, "forsta-inlagget").data.summary == POST_SUMMARY
    assert record(hostile, "formel").data.materials == MATERIALS
    assert record(hostile, "innovationsdagen").data.title == EVENT_TITLE
    assert record(hostile, "innovationsdagen").data.location == EVENT_LOCATION
    person = hostile.taxonomy.people["eva-berg"]
    assert (person.name, person.role) == (PERSON_NAME, PERSON_ROLE)
    assert hostile.taxonomy.ids("tags") == TAG_LABELS
    assert hostile.taxonomy.organisation_name("lulea-kommun") == ORGANISATION


# --- JSON: exact, nothing defused ---------------------------------------------------------


def test_json_carries_every_value_exactly(hostile):
    files = open_data_files(hostile, SITE)
    posts = json.loads(files["api/posts.json"])["items"]
    assert (posts[0]["title"], posts[0]["summary"], posts[0]["categories"]) == (POST_TITLE, POST_SUMMARY, [CATEGORY])
    [method] = [m for m in json.loads(files["api/methods.json"])["items"] if m["slug"] == "formel"]
    assert (method["title"], method["summary"], method["materials"]) == (METHOD_TITLE, METHOD_SUMMARY, MATERIALS)
    [event] = [e for e in json.loads(files["api/events.json"])["items"] if e["slug"] == "innovationsdagen"]
    assert (event["title"], event["summary"], event["location"]) == (EVENT_TITLE, EVENT_SUMMARY, EVENT_LOCATION)
    # In the file, the line break is JSON's \r\n escape, never a raw CR or LF inside a string.
    assert '"title":"Möte; del 1, \\"A\\" <b>B</b>\\r\\nEND:VEVENT"' in files["api/events.json"]
    for ctype in CONTENT_TYPES:
        document = json.loads(files[f"api/{api_name(ctype)}.json"])
        for item in document["items"]:
            fields = {k: v for k, v in item.items() if k not in ("type", "slug", "url")}
            assert ctype.model.model_validate(fields) == record(hostile, item["slug"]).data


# --- CSV: formula injection defused, reversibly ---------------------------------------------


def csv_rows(files, name, variant):
    raw = files[f"api/{name}{'-excel' if variant == 'excel' else ''}.csv"]
    text, delimiter = (raw.decode("utf-8-sig"), ";") if variant == "excel" else (raw.decode("utf-8"), ",")
    return raw.decode("utf-8-sig"), list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


@pytest.mark.parametrize("variant", ["plain", "excel"])
def test_csv_cells_that_start_a_formula_get_an_apostrophe(hostile, variant):
    files = open_data_files(hostile, SITE)
    text, methods = csv_rows(files, "methods", variant)
    [formel] = [row for row in methods if row["slug"] == "formel"]
    assert formel["title"] == "'" + METHOD_TITLE
    assert formel["summary"] == "'-2+3; a, b {{ 7*7 }}"
    # The joined list starts with @: the whole cell is defused and its pipes become \|.
    assert formel["materials"] == "'@SUM(1+1) \\| - \\| \\| pipe \\| +46 70 \\| %procent \\| vanlig"
    assert formel["tags"] == "workshop | tjänstedesign", "a list that starts with text keeps its separator"
    assert '"\'=HYPERLINK(""http://x.example/?""&A1;""klicka"")"' in text, "RFC 4180 quoting on top"

    _, [case] = csv_rows(files, "cases", variant)
    assert case["title"] == "'" + CASE_TITLE
    assert case["unit"] == "'- enhet \\| avdelning", "a '-' that starts text is defused"
    assert case["outcomes"] == "-12", "a negative number stays a number"
    assert case["summary"] == CASE_SUMMARY, "text that starts with a letter is untouched"

    _, [post] = csv_rows(files, "posts", variant)
    assert post["categories"] == CATEGORY
    assert (post["title"], post["summary"]) == (POST_TITLE, POST_SUMMARY), "HTML is not a spreadsheet's business"

    _, events = csv_rows(files, "events", variant)
    [event] = [row for row in events if row["slug"] == "innovationsdagen"]
    assert (event["title"], event["location"]) == (EVENT_TITLE, EVENT_LOCATION), "line breaks kept inside quotes"


@pytest.mark.parametrize("variant", ["plain", "excel"])
def test_no_csv_cell_starts_a_formula_and_every_row_reads_back(hostile, variant):
    files = open_data_files(hostile, SITE)
    for ctype in CONTENT_TYPES:
        _, rows = csv_rows(files, api_name(ctype), variant)
        for row in rows:
            for column, cell in row.items():
                assert cell[:1] not in ("=", "+", "-", "@", "|", "%", "\t", "\r") or cell.lstrip("-").replace(
                    ",", "").replace(".", "").isdigit(), f"{ctype.name} {row['slug']} {column}: {cell!r}"
            # The reading rule documented on the Öppna data page gives back the exact records.
            assert ctype.model.model_validate(decode_row(ctype.model, row)) == record(hostile, row["slug"]).data


def test_tab_and_carriage_return_are_defused_too():
    """OWASP's list has them; defusedcsv 3.0.0 does not, so opendata adds them the same way."""
    assert defuse_cell("\t=1+1 | x") == "'\t=1+1 \\| x"
    assert defuse_cell("\r=1+1") == "'\r=1+1"
    assert defuse_cell("Vanlig | text") == "Vanlig | text"
    assert undefuse("'\t=1+1 \\| x") == "\t=1+1 | x" and undefuse("'\r=1+1") == "\r=1+1"


def test_open_data_page_explains_the_apostrophe(hostile):
    page = open_data_files(hostile, SITE)["oppna-data.md"]
    assert "**Skydd mot formler i CSV.**" in page
    assert "får en sådan cell en apostrof (`'`) först i båda CSV-filerna" in page
    assert "börjar cellen med `'` följt av något av tecknen ovan, ta bort apostrofen och ersätt `\\|` med `|`" in page
    assert "Vanliga tal som `-12` eller `-1,5` ändras inte." in page


# --- Feeds: text stays text -------------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"


def test_rss_title_is_text_and_description_is_escaped_html(hostile):
    raw = feed_files(hostile, SITE)["blog-rss.xml"]
    # The RSS Best Practices Profile's encoding: & < > as hexadecimal character references.
    assert b'<title>Qzx"&#x3E;&#x3C;img src=x onerror=alert(1)&#x3E; &#x26; ]]&#x3E; {{ 7*7 }}</title>' in raw
    assert (b"<description>&#x26;lt;script&#x26;gt;alert(1)&#x26;lt;/script&#x26;gt; &#x26;quot;citat&#x26;quot; "
            b"&#x26;amp; &#x26;#x27;apostrof&#x26;#x27; ]]&#x26;gt; =1+1</description>") in raw
    assert b"<img" not in raw and b"<script" not in raw and b"CDATA" not in raw
    item = etree.fromstring(raw).find("channel/item")
    assert item.findtext("title") == POST_TITLE
    assert item.findtext("description") == html.escape(POST_SUMMARY), "rendered as HTML, it shows the text"
    assert [c.text for c in item.findall("category")] == [CATEGORY, TAG_LABELS["tjänstedesign"]]


def test_atom_text_constructs_say_type_text(hostile):
    for name, title, summary in (("blog", POST_TITLE, POST_SUMMARY), ("cases", CASE_TITLE, CASE_SUMMARY)):
        root = etree.fromstring(feed_files(hostile, SITE)[f"{name}-atom.xml"])
        assert root.find(f"{ATOM}title").get("type") == "text"
        assert root.find(f"{ATOM}subtitle").get("type") == "text"
        entry = root.find(f"{ATOM}entry")
        assert (entry.find(f"{ATOM}title").get("type"), entry.findtext(f"{ATOM}title")) == ("text", title)
        assert (entry.find(f"{ATOM}summary").get("type"), entry.findtext(f"{ATOM}summary")) == ("text", summary)
    blog = etree.fromstring(feed_files(hostile, SITE)["blog-atom.xml"]).find(f"{ATOM}entry")
    assert blog.findtext(f"{ATOM}author/{ATOM}name") == PERSON_NAME
    assert [c.get("term") for c in blog.findall(f"{ATOM}category")] == [CATEGORY, TAG_LABELS["tjänstedesign"]]
    cases = etree.fromstring(feed_files(hostile, SITE)["cases-atom.xml"]).find(f"{ATOM}entry")
    assert cases.findtext(f"{ATOM}author/{ATOM}name") == ORGANISATION


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_feed_reader_shows_the_literal_text(hostile, kind):
    """feedparser, which sanitises what it takes for HTML, still hands back the exact text."""
    files = feed_files(hostile, SITE)
    blog = feedparser.parse(files[f"blog-{kind}.xml"])
    assert not blog.bozo, blog.get("bozo_exception")
    [entry] = blog.entries
    assert (entry.title, entry.title_detail.type) == (POST_TITLE, "text/plain")
    if kind == "atom":
        assert (entry.summary, entry.summary_detail.type) == (POST_SUMMARY, "text/plain")
        assert entry.author == PERSON_NAME
    else:   # HTML whose only content is the escaped text: no element survives to be rendered
        assert (entry.summary, entry.summary_detail.type) == (html.escape(POST_SUMMARY), "text/html")
        assert html.unescape(entry.summary) == POST_SUMMARY
    assert [tag.term for tag in entry.tags] == [CATEGORY, TAG_LABELS["tjänstedesign"]]
    [case] = feedparser.parse(files[f"cases-{kind}.xml"]).entries
    assert case.title == CASE_TITLE


# --- iCalendar: TEXT escaping, no line of the editor's own ----------------------------------


def text_value(escaped: str) -> str:
    """RFC 5545 TEXT (3.3.11): backslash before backslash, ; , or n (a line break)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], escaped)


def test_calendar_text_is_escaped_and_parses_back(hostile):
    files = calendar_files(hostile, SITE)
    raw = files["evenemang/ics/innovationsdagen.ics"]
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")
    lines = unfolded.split("\r\n")
    assert "\r" not in "".join(lines) and "\n" not in "".join(lines), "CRLF only ends lines"
    assert 'SUMMARY:Möte\\; del 1\\, "A" <b>B</b>\\nEND:VEVENT' in lines
    assert 'X-WR-CALNAME:Möte\\; del 1\\, "A" <b>B</b>\\nEND:VEVENT' in lines
    assert 'LOCATION:Sal 3\\; plan 2\\, "A"\\nX-INJECT:1' in lines
    assert 'ORGANIZER;CN="&x *y !z {{ 7*7 }} ^\'Eva^\' <b>Berg</b>; a: b # c":mailto:eva.berg+arena@lulea.example' \
        in lines, "RFC 6868 writes the quotes in a parameter as ^'"
    assert lines.count("END:VEVENT") == 1 and not any(line.startswith("X-INJECT") for line in lines)

    [vevent] = Calendar.from_ical(raw).walk("VEVENT")
    # iCalendar TEXT has one kind of line break (\n): CR LF comes back as LF, nothing else changes.
    assert str(vevent["SUMMARY"]) == EVENT_TITLE.replace("\r\n", "\n")
    assert str(vevent["LOCATION"]) == EVENT_LOCATION.replace("\r\n", "\n")
    assert str(vevent["DESCRIPTION"]).startswith(EVENT_SUMMARY.replace("\r\n", "\n") + "\n\n09.00–09.30 "
                                                 + PROGRAMME_TITLE + "\n")
    assert vevent["ORGANIZER"].params["CN"] == PERSON_NAME
    # icalendar leaves X- properties raw when reading; calendar apps read this one as TEXT.
    assert text_value(str(Calendar.from_ical(raw)["X-WR-CALNAME"])) == EVENT_TITLE.replace("\r\n", "\n")
    feed = Calendar.from_ical(files["evenemang/kalender.ics"])
    assert [str(e["SUMMARY"]) for e in feed.walk("VEVENT")][0] == EVENT_TITLE.replace("\r\n", "\n")


def test_calendar_organizer_address_is_percent_encoded(hostile, tmp_path):
    root = tmp_path / "arena"
    shutil.copytree(Path(hostile.root), root)
    people = root / "data" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace(
        "eva.berg+arena@lulea.example", "eva&x=1?y@lulea.example"), encoding="utf-8")
    arena = load_arena(root, today=TODAY)
    assert arena.ok, arena.problems
    raw = calendar_files(arena, SITE)["evenemang/ics/innovationsdagen.ics"].replace(b"\r\n ", b"")
    assert b":mailto:eva%26x%3D1%3Fy@lulea.example\r\n" in raw


def test_an_email_address_with_quotes_or_angle_brackets_is_refused(hostile, tmp_path):
    root = tmp_path / "arena"
    shutil.copytree(Path(hostile.root), root)
    people = root / "data" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace(
        "eva.berg+arena@lulea.example", '"eva\\"<b>;x@lulea.example"'), encoding="utf-8")
    assert [str(p) for p in load_arena(root, today=TODAY).problems] == [
        "data/people.yml:5: eva-berg.email: 'eva\"<b>;x@lulea.example' är ingen giltig e-postadress "
        "(skriv t.ex. namn@kommun.se)"]


# --- Decap CMS config: labels round-trip as plain strings ------------------------------------


def options(config, collection, field):
    [fields] = [c["fields"] for c in config["collections"] if c["name"] == collection]
    [found] = [f for f in fields if f["name"] == field]
    return found["options"]


def test_cms_config_keeps_labels_as_plain_strings(hostile):
    text = cms_files(hostile, SITE)["admin/config.yml"]
    config = yaml.safe_load(text)
    assert options(config, "method", "tags") == [{"label": label, "value": value}
                                                 for value, label in TAG_LABELS.items()]
    assert options(config, "method", "contacts") == [{"label": f"{PERSON_NAME} ({PERSON_ROLE})", "value": "eva-berg"}]
    assert options(config, "case", "organisation") == [{"label": ORGANISATION, "value": "lulea-kommun"}]
    assert options(config, "post", "categories") == [{"label": CATEGORY, "value": CATEGORY}]
    assert {"label": FORMAT_LABEL, "value": "hybrid"} in options(config, "event", "format")
    # Decap's own templates stay ours: the editor's {{ 7*7 }} is only ever a label, never a template.
    assert [c["summary"] for c in config["collections"]] == ["{{title}}"] * len(CONTENT_TYPES)


# --- Redirect pages of aliases ----------------------------------------------------------------


def test_redirect_page_escapes_the_title_in_text_and_attributes(hostile):
    pages = redirect_pages(hostile, SITE)
    escaped = "Qzx&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; ]]&gt; {{ 7*7 }}"
    assert pages["blog/gammalt-inlagg/index.html"] == (
        "<!doctype html>\n"
        '<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Sidan har flyttat: {escaped}</title>\n"
        '<meta name="robots" content="noindex">\n'
        '<link rel="canonical" href="https://arena.example/blog/forsta-inlagget/">\n'
        '<meta http-equiv="refresh" content="0; url=../forsta-inlagget/">\n'
        "</head>\n<body>\n"
        f'<p>Sidan har flyttat till <a href="../forsta-inlagget/">{escaped}</a>.</p>\n'
        "</body>\n</html>\n"
    )
    for page in pages.values():
        soup = BeautifulSoup(page, "html.parser")
        assert [tag.name for tag in soup.body.find_all(True)] == ["p", "a"], "no element of the editor's"
    soup = BeautifulSoup(pages["metoder/gammal-formel/index.html"], "html.parser")
    assert soup.title.get_text() == f"Sidan har flyttat: {METHOD_TITLE}"
    assert soup.select_one("body a").get_text() == METHOD_TITLE
