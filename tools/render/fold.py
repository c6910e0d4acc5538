"""Reading on a phone: the document's preamble (căn cứ, đề nghị …) folds under a one-line summary so that
Điều 1 comes up, without leaving the page: the text stays in the DOM (find in page, copy, print, search and the
Word file see it); danvan-read.js opens it on wide screens, CSS and danvan-read.js open it in print.

The rule: the items before the enacting formula ("QUYẾT ĐỊNH:", kind ``enacting``), which stays visible, fold
when there are at least ``MIN_ITEMS`` of them or they hold more than ``MIN_CHARS`` characters; the summary says
what they are and how many ("Căn cứ ban hành (4)" for one kind, "Căn cứ ban hành (4 căn cứ, 1 đề nghị)",
"Phần mở đầu (3 đoạn)" for plain paragraphs)."""
from __future__ import annotations

from ..model import PreambleItem

MIN_ITEMS = 3
MIN_CHARS = 400
# how a summary counts each kind of preamble item, in this order
KIND_WORDS = {"basis": "căn cứ", "implementing": "thực hiện", "proposal": "đề nghị", "consolidation": "đoạn",
              "paragraph": "đoạn"}


def folded_count(items: list[PreambleItem]) -> int:
    """How many leading items fold: those before the first enacting formula."""
    for i, p in enumerate(items):
        if p.kind == "enacting":
            return i
    return len(items)


def fold_summary(items: list[PreambleItem]) -> str | None:
    """The summary of the folded part, or None when the preamble is short enough to stay as it is."""
    head = items[:folded_count(items)]
    if not head or (len(head) < MIN_ITEMS and sum(len(p.text or "") for p in head) <= MIN_CHARS):
        return None
    counts: dict[str, int] = {}
    for p in head:
        word = KIND_WORDS.get(p.kind, "đoạn")
        counts[word] = counts.get(word, 0) + 1
    if list(counts) == ["đoạn"]:                      # nothing but plain paragraphs
        return f"Phần mở đầu ({counts['đoạn']} đoạn)"
    if len(counts) == 1:                              # one kind: the number alone
        return f"Căn cứ ban hành ({len(head)})"
    return f"Căn cứ ban hành ({', '.join(f'{n} {w}' for w, n in counts.items())})"
