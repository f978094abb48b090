"""Methods often used together: derived from the cases that used both."""

from __future__ import annotations

from collections import Counter

from kunskapsarena.model.content_types import CASE, METHOD

from .arena import Arena, Record


def used_together(arena: Arena, method: Record) -> list[tuple[Record, int]]:
    """Other methods named by the same items as `method`, most shared first.

    Declared `related` methods are left out: the page lists them already.
    Only cases count: they report what was actually done together (the page
    says "i N exempel"), while projects and ideas name methods they plan to use.
    """
    counts: Counter[str] = Counter()
    for source in arena.graph.referrers(METHOD.name, method.slug):
        if source.type is not CASE:
            continue
        others = {edge.target for edge in arena.graph.outgoing(source) if edge.target_kind == METHOD.name}
        counts.update(others - {method.slug} - set(method.data.related))
    found = [(arena.get(METHOD, slug), n) for slug, n in counts.items() if arena.get(METHOD, slug)]
    return sorted(found, key=lambda item: (-item[1], item[0].title.casefold()))
