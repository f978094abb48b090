"""Blog and case feeds, parsed with a real feed parser (feedparser)."""

from __future__ import annotations

import datetime as dt
import time

import feedparser
import pytest

from kunskapsarena import CASE, POST, load_arena
from kunskapsarena.generate.data.feeds import feed_files
from kunskapsarena.generate.site_info import SiteInfo

SITE = SiteInfo(url="https://arena.example/", today=dt.date(2026, 11, 23))
FEEDS = {"blog": (POST, lambda r: r.data.date), "cases": (CASE, lambda r: r.data.published)}


@pytest.fixture(scope="module")
def files(demo):
    return feed_files(demo, SITE)


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("name", list(FEEDS))
def test_feed_is_valid_newest_first_with_absolute_links(demo, files, name, kind):
    ctype, date_of = FEEDS[name]
    parsed = feedparser.parse(files[f"{name}-{kind}.xml"])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if kind == "rss" else "atom10")
    assert parsed.feed.link == f"https://arena.example/{ctype.section}/"
    assert parsed.feed.language == "sv"
    records = [r for r in demo.of_type(ctype) if not getattr(r.data, "draft", False)]
    expected = sorted(records, key=lambda r: (date_of(r), r.slug), reverse=True)
    assert [e.link for e in parsed.entries] == [f"https://arena.example/{r.url}" for r in expected]
    assert [e.title for e in parsed.entries] == [r.title for r in expected]
    published = [time.strftime("%Y-%m-%d", e.published_parsed) for e in parsed.entries]
    # Midnight in Stockholm is the evening before in UTC: compare with that in mind.
    for day, record in zip(published, expected, strict=True):
        assert dt.date.fromisoformat(day) in (date_of(record), date_of(record) - dt.timedelta(days=1))
    assert published == sorted(published, reverse=True)
    assert all(e.summary for e in parsed.entries)


def test_feeds_are_reproducible_and_ignore_the_wall_clock(demo, files):
    later = feed_files(demo, SiteInfo(url=SITE.url, today=dt.date(2027, 3, 1)))
    assert later == files, "feeds depend only on content"


def test_drafts_stay_out_of_the_blog_feed(arena):
    arena.replace("blog/posts/forsta-inlagget.md", "\ntitle:", "\ndraft: true\ntitle:")
    fixture = load_arena(arena.root, today=dt.date(2026, 11, 23))
    assert fixture.ok
    parsed = feedparser.parse(feed_files(fixture, SITE)["blog-rss.xml"])
    assert not parsed.bozo and parsed.entries == []
