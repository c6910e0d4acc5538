"""Word-level differences between a central article and its provincial counterpart, as segments per line.

The two texts are compared as token sequences (text.tokens: words and punctuation, keys with the tone placement
made canonical); difflib's SequenceMatcher gives the runs. Each side keeps its own lines: the central side
shows the equal and deleted runs, the provincial side the equal and inserted runs. No HTML here: the templates
turn 'del' and 'ins' segments into <del> and <ins>.
"""
from __future__ import annotations

from difflib import SequenceMatcher

from .model import Segment
from .text import Token, tokens


def _flatten(lines: list[str]) -> tuple[list[Token], list[int]]:
    toks: list[Token] = []
    line_of: list[int] = []
    for i, ln in enumerate(lines):
        for t in tokens(ln):
            toks.append(t)
            line_of.append(i)
    return toks, line_of


def _segments(toks: list[Token], line_of: list[int], ops: list[str], n_lines: int) -> list[list[Segment]]:
    """Tokens grouped back into their lines, consecutive tokens with one op joined into a segment (a token's
    leading space goes with it, except at the start of a line)."""
    out: list[list[Segment]] = [[] for _ in range(n_lines)]
    for t, li, op in zip(toks, line_of, ops):
        row = out[li]
        text = (" " if t.space and row else "") + t.text
        if row and row[-1].op == op:
            row[-1].text += text
        elif row and text.startswith(" ") and op != "equal" and row[-1].op == "equal":
            row[-1].text += " "          # the space between an unchanged run and a change stays unmarked
            row.append(Segment(op, text[1:]))
        else:
            row.append(Segment(op, text))
    return out


def diff_lines(central: list[str], provincial: list[str]) -> tuple[list[list[Segment]], list[list[Segment]]]:
    """(central side, provincial side): each a list of lines, each line a list of segments."""
    a, a_line = _flatten(central)
    b, b_line = _flatten(provincial)
    a_ops = ["del"] * len(a)
    b_ops = ["ins"] * len(b)
    sm = SequenceMatcher(None, [t.key for t in a], [t.key for t in b], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            a_ops[i1:i2] = ["equal"] * (i2 - i1)
            b_ops[j1:j2] = ["equal"] * (j2 - j1)
    return _segments(a, a_line, a_ops, len(central)), _segments(b, b_line, b_ops, len(provincial))


def plain_lines(lines: list[str]) -> list[list[Segment]]:
    """Lines with no counterpart to compare with: one unmarked segment each."""
    return [[Segment("equal", ln)] for ln in lines]
