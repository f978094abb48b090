"""How many processes the build may use: every core, or KUNSKAPSARENA_WORKERS."""

from __future__ import annotations

import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor

WORKERS_VARIABLE = "KUNSKAPSARENA_WORKERS"
# Below this many content files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 400


def worker_count() -> int:
    configured = os.environ.get(WORKERS_VARIABLE, "").strip()
    if configured:
        return max(1, int(configured))
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def fork_pool(workers: int, initializer=None, initargs: tuple = ()) -> ProcessPoolExecutor:
    """A pool of forked workers, the one way the arena runs work on every core."""
    return ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"), initializer=initializer,
                               initargs=initargs)


def can_fork() -> bool:
    """Workers are forked: they share the parent's data without pickling it (not on Windows)."""
    return "fork" in mp.get_all_start_methods()
