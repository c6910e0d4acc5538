"""Word-level differences between a central article and its provincial counterpart, as segments per line.

The two texts are compared line by line, then, within each run of lines that differ, as token sequences
(text.tokens: words and punctuation, keys with the tone placement made canonical); difflib's SequenceMatcher
gives the runs at both levels. Each side keeps its own lines: the central side
shows the equal and deleted runs, the provincial side the equal and inserted runs. No HTML here: the templates
turn 'del' and 'ins' segments into <del> and <ins>.
"""
from __future__ import annotations

from difflib import SequenceMatcher

from .model import Segment
from .text import Token, tokens


def _flatten(lines: list[str]) -> tuple[list[Token], list[int], list[int]]:
    """The tokens of all lines, the line of each token, and where each line's tokens start (one more entry at
    the end: the number of tokens)."""
    toks: list[Token] = []
    line_of: list[int] = []
    starts: list[int] = []
    for i, ln in enumerate(lines):
        starts.append(len(toks))
        for t in tokens(ln):
            toks.append(t)
            line_of.append(i)
    starts.append(len(toks))
    return toks, line_of, starts


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


def _word_ops(a: list[Token], b: list[Token], a_ops: list[str], b_ops: list[str], a0: int, b0: int) -> None:
    """Mark the tokens a[i] and b[j] that the word-level diff finds in both as 'equal' (offsets a0, b0)."""
    sm = SequenceMatcher(None, [t.key for t in a], [t.key for t in b], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            a_ops[a0 + i1:a0 + i2] = ["equal"] * (i2 - i1)
            b_ops[b0 + j1:b0 + j2] = ["equal"] * (j2 - j1)


def diff_lines(central: list[str], provincial: list[str]) -> tuple[list[list[Segment]], list[list[Segment]]]:
    """(central side, provincial side): each a list of lines, each line a list of segments.

    Two passes: whole lines first (an unchanged clause is one comparison), then word by word within each run of
    lines that differ."""
    a, a_line, a_start = _flatten(central)
    b, b_line, b_start = _flatten(provincial)
    a_ops = ["del"] * len(a)
    b_ops = ["ins"] * len(b)
    a_keys = [tuple(t.key for t in a[a_start[i]:a_start[i + 1]]) for i in range(len(central))]
    b_keys = [tuple(t.key for t in b[b_start[j]:b_start[j + 1]]) for j in range(len(provincial))]
    lines = SequenceMatcher(None, a_keys, b_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        if tag == "equal":
            a_ops[a_start[i1]:a_start[i2]] = ["equal"] * (a_start[i2] - a_start[i1])
            b_ops[b_start[j1]:b_start[j2]] = ["equal"] * (b_start[j2] - b_start[j1])
        elif tag == "replace":
            _word_ops(a[a_start[i1]:a_start[i2]], b[b_start[j1]:b_start[j2]], a_ops, b_ops, a_start[i1], b_start[j1])
    return _segments(a, a_line, a_ops, len(central)), _segments(b, b_line, b_ops, len(provincial))


def plain_lines(lines: list[str]) -> list[list[Segment]]:
    """Lines with no counterpart to compare with: one unmarked segment each."""
    return [[Segment("equal", ln)] for ln in lines]
