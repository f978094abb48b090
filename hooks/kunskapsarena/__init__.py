"""Kunskapsarena core: load, validate, index and render an arena.

Plain Python over plain files: nothing here imports MkDocs, so the CLI's
`check` stays fast and the core would survive a change of site engine.
"""

from .check.validate import load_arena
from .index.arena import Arena, Record
from .model.content_types import (
    CASE,
    CONTENT_TYPES,
    EVENT,
    IDEA,
    METHOD,
    POST,
    PROJECT,
    TRAINING,
    ContentType,
    content_type,
)
from .model.problems import Problem, Severity

__all__ = [
    "Arena", "CASE", "CONTENT_TYPES", "ContentType", "EVENT", "IDEA", "METHOD", "POST", "PROJECT", "Problem",
    "Record", "Severity", "TRAINING", "content_type", "load_arena",
]
