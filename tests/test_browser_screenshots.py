"""Screenshots of the main views at desktop and mobile width, for the README and for review.

`make screenshots` writes them to docs/screenshots/ (committed); a normal test run
writes them to a temporary folder and checks that each is a real image of the right size.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from conftest import REPO

VIEWS = {
    "start": "/",
    "metodbank": "/metoder/?phase=förstå",   # the explorer, filtered
    "metod": "/metoder/tjanstedesign/",
    "exempel": "/exempel/kunskapsarena-goteborgs-stad/",
}
WIDTHS = {"desktop": (1280, 800), "mobil": (390, 844)}


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize("device", list(WIDTHS))
def test_screenshots_of_the_main_views(device, browser, site_url, tmp_path):
    target = Path(os.environ.get("ARENA_SCREENSHOTS_DIR") or tmp_path)
    if not target.is_absolute():
        target = REPO / target
    target.mkdir(parents=True, exist_ok=True)
    width, height = WIDTHS[device]
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1,
                                  is_mobile=device == "mobil", color_scheme="light", locale="sv-SE")
    page = context.new_page()
    try:
        for name, path in VIEWS.items():
            page.goto(site_url + path)
            assert page.locator("h1").count() == 1
            page.screenshot(path=target / f"{name}-{device}.png")
    finally:
        context.close()
    for name in VIEWS:
        shot = target / f"{name}-{device}.png"
        assert png_size(shot) == (width, height)
        assert 5_000 < shot.stat().st_size < 400_000, f"{shot}: {shot.stat().st_size} bytes"
