"""align.css (compare pages, alignment notes) takes its colours from variables set for both Material schemes, so
the dark theme ("slate") gets dark backgrounds and light text: no colour is written outside those two blocks, and
each variable is set in both, the dark text lighter than its background."""
from __future__ import annotations

import re
from pathlib import Path

CSS = (Path(__file__).resolve().parent.parent / "site_plugins" / "assets" / "align.css").read_text(encoding="utf-8")


def _block(selector: str) -> dict[str, str]:
    m = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", CSS)
    assert m, selector
    return dict(re.findall(r"(--dv-al-[a-z-]+):\s*(#[0-9a-fA-F]{6})", m.group(1)))


def _luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_no_colour_outside_the_theme_blocks():
    rest = re.sub(r':root, \[data-md-color-scheme="default"\]\s*\{[^}]*\}|\[data-md-color-scheme="slate"\]\s*\{[^}]*\}',
                  "", CSS)
    # a literal colour may only be the fallback of a variable: var(--x, #abc)
    assert re.findall(r"(?<!, )#[0-9a-fA-F]{3,6}\b", rest) == []


def test_both_schemes_set_every_variable_with_readable_contrast():
    light = _block(':root, [data-md-color-scheme="default"]')
    dark = _block('[data-md-color-scheme="slate"]')
    assert light and set(light) == set(dark)
    for scheme in (light, dark):
        for name in scheme:
            if name.endswith("-fg"):
                fg, bg = _luminance(scheme[name]), _luminance(scheme[name[:-3] + "-bg"])
                ratio = (max(fg, bg) + 0.05) / (min(fg, bg) + 0.05)
                assert ratio >= 4.5, (name, ratio)
    for name in dark:
        if name.endswith("-bg"):
            assert _luminance(dark[name]) < 0.05, name          # dark backgrounds in the dark theme
