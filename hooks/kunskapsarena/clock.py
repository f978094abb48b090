"""The build date: SOURCE_DATE_EPOCH when set, so builds are reproducible."""

from __future__ import annotations

import datetime as dt
import os


def build_date() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()
