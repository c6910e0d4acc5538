"""Addresses of the blocks that have no number of their own: paragraphs, list items and tables.

Each is numbered from 1 among its parent's children of the same kind and gets the parent's anchor in front
(ids.anchor): 'dieu-5-doan-2' (the second paragraph of Điều 5), 'dieu-5-khoan-1-y-3' (the third item of
khoản 1), 'dieu-5-khoan-1-y-3-y-1' (an item under an item), 'dieu-5-bang-1' (its first table), whose rows are
'dieu-5-bang-1-dong-4' (ids.row_anchor). At the top of a body the annex prefix stands in for the parent:
'doan-3', 'qc-doan-1', 'pl-2-bang-1'. A block's address changes only when its parent's children of the same
kind before it change; articles, clauses and points keep theirs whatever paragraphs come and go.
"""
from __future__ import annotations

from .. import ids
from ..model import Document, Node

BLOCK_KINDS = ("paragraph", "item", "table")


def address_blocks(nodes: list[Node], parent_anchor: str) -> None:
    """Give the blocks among `nodes` (and below them) their addresses under `parent_anchor`."""
    counts: dict[str, int] = {}
    for n in nodes:
        if n.kind in BLOCK_KINDS and not n.anchor:
            counts[n.kind] = counts.get(n.kind, 0) + 1
            n.anchor = ids.anchor([(n.kind, counts[n.kind])], parent_anchor)
        address_blocks(n.children, n.anchor or parent_anchor)


def address_document(doc: Document) -> None:
    address_blocks(doc.body, "")
    for a in doc.annexes:
        address_blocks(a.body, a.anchor or "")
