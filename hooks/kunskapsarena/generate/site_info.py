"""What the builders know about the site besides the arena: its address, the build date, the settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kunskapsarena.model.settings import Settings


@dataclass(frozen=True)
class SiteInfo:
    url: str          # absolute site URL ending in '/', or '' when unknown
    today: dt.date    # the build date (SOURCE_DATE_EPOCH when set)
    settings: Settings = field(default_factory=Settings, hash=False)   # mkdocs.yml `extra`, checked

    def absolute(self, path: str) -> str:
        """Absolute URL of a site path such as 'metoder/kundresa/'."""
        return self.url + path if self.url else "/" + path
