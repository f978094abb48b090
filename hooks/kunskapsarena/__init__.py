"""Kunskapsarena core: load, validate, index and render an arena.

Plain Python over plain files: nothing here imports MkDocs, so the CLI's
`check` stays fast and the core would survive a change of site engine.
"""

from .arena import Arena, Record
from .content_types import (
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
from .problems import Problem, Severity
from .validate import load_arena

__all__ = [
    "Arena", "CASE", "CONTENT_TYPES", "ContentType", "EVENT", "IDEA", "METHOD", "POST", "PROJECT", "Problem",
    "Record", "Severity", "TRAINING", "content_type", "load_arena",
]
