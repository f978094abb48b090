"""Trainings and coaching: one page each and an overview with the next dates."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from kunskapsarena.generate.render import environment
from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.content_types import METHOD, TRAINING

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo
    from kunskapsarena.model.models import TrainingDate

INDEX_URI = f"{TRAINING.section}/index.md"


def next_dates(training: Record, today: dt.date) -> list[TrainingDate]:
    """Dates not yet over, soonest first (past dates simply drop off the site)."""
    return sorted((d for d in training.data.dates if (d.end or d.start) >= today), key=lambda d: d.start)


def training_pages(arena: Arena, site: SiteInfo) -> dict[str, str]:
    env = environment(arena)
    pages = {}
    trainings = sorted(arena.of_type(TRAINING), key=lambda t: t.title.casefold())
    for training in trainings:
        pages[training.page_uri] = env.get_template("training.md.j2").render(
            page_uri=training.page_uri, item=training, data=training.data,
            upcoming=next_dates(training, site.today),
            methods=[arena.get(METHOD, slug) for slug in training.data.methods])
    pages[INDEX_URI] = env.get_template("trainings_index.md.j2").render(
        page_uri=INDEX_URI, trainings=[(t, next_dates(t, site.today)) for t in trainings])
    return pages
