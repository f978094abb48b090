"""What training pages need beyond their spec: the next dates."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from kunskapsarena.index.arena import Arena, Record
from kunskapsarena.model.content_types import TRAINING
from kunskapsarena.model.page_specs import by_title

if TYPE_CHECKING:
    from kunskapsarena.generate.site_info import SiteInfo
    from kunskapsarena.model.models import TrainingDate


def next_dates(training: Record, today: dt.date) -> list[TrainingDate]:
    """Dates not yet over, soonest first (past dates simply drop off the site)."""
    return sorted((d for d in training.data.dates if (d.end or d.start) >= today), key=lambda d: d.start)


def item_context(arena: Arena, training: Record, site: SiteInfo) -> dict:
    return {"upcoming": next_dates(training, site.today)}


def index_context(arena: Arena, site: SiteInfo) -> dict:
    trainings = sorted(arena.of_type(TRAINING), key=by_title)
    return {"trainings": [(t, next_dates(t, site.today)) for t in trainings]}
