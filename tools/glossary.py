"""The glossary: terms the documents define themselves, found in their "Giải thích từ ngữ" articles.

Stage: enrich (pure functions over parsed Documents). Rules, all read from tools/data/glossary.json:

* a definition article is any provision whose title matches one of ``definition_titles`` (folded to ASCII,
  lower case): "Điều 3. Giải thích từ ngữ", "Từ ngữ sử dụng trong Quy chế", "Khái niệm"…;
* inside it, every clause, point, item or paragraph whose first line reads ``TERM CONNECTIVE DEFINITION`` is
  a definition. The connective is the first of ``connectives`` ("là", "được hiểu là", "bao gồm"…) or a colon
  that stands outside brackets and quotes, so "Đơn vị cơ sở (sau đây gọi tắt là đơn vị) là …" defines
  "Đơn vị cơ sở". A term in quotes (“…”) is the quoted words. A term is a name, not a sentence: it has at most
  ``max_words`` words and does not open like an introductory sentence ("Trong Quy chế này, …");
* a provision that defines a term is not searched further (its points belong to its definition); one that
  only introduces a list ("Các hình thức phối hợp:") is, so each point of the list can define a term.

Public: ``split_definition(text) -> (term, definition) | None``, ``definition_nodes(doc)``,
``extract_definitions(docs) -> list[Definition]``, ``group_terms(defs) -> list[TermEntry]``, ``vi_sort_key``.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator

from .ids import ascii_fold
from .model import Document, Node

DEFINING_KINDS = ("clause", "point", "item", "paragraph")
QUOTES = {"“": "”", '"': '"', "‘": "’", "«": "»", "'": "'"}
BRACKETS = {"(": ")", "[": "]"}


@lru_cache(maxsize=1)
def rules() -> dict:
    """tools/data/glossary.json, with its patterns compiled."""
    data = json.loads(resources.files("danvan.data").joinpath("glossary.json").read_text(encoding="utf-8"))
    data["_title_res"] = [re.compile(p) for p in data["definition_titles"]["patterns"]]
    words = sorted(data["connectives"]["words"], key=len, reverse=True)
    # A connective is a whole word (or words) between spaces; ':' may follow the term directly.
    # A connective is a whole word (or words) after a space, then a space, a colon or the end of the line;
    # a colon alone may follow the term directly. Group 1 is the word connective, if any.
    data["_conn_re"] = re.compile(r",?\s+(%s)(?:\s*:\s*|\s+|$)|\s*:\s*" % "|".join(re.escape(w) for w in words))
    data["_lead_conn_re"] = re.compile(r"^(%s)\s+" % "|".join(re.escape(w) for w in words), re.IGNORECASE)
    lim = data["limits"]
    data["_suffix_re"] = re.compile(lim["dropped_suffix"], re.IGNORECASE)
    data["_prefix_re"] = re.compile(lim["dropped_prefix"])
    return data


def is_definition_title(title: str | None) -> bool:
    if not title:
        return False
    folded = " ".join(ascii_fold(title).lower().replace(":", " ").split())
    return any(r.search(folded) for r in rules()["_title_res"])


def _outside_marks(text: str) -> list[bool]:
    """For each character: True if it stands outside brackets and quotes."""
    out: list[bool] = []
    stack: list[str] = []
    for ch in text:
        if stack and ch == stack[-1]:
            stack.pop()
            out.append(False)
            continue
        if ch in BRACKETS:
            stack.append(BRACKETS[ch])
            out.append(False)
            continue
        if ch in QUOTES and (not stack or stack[-1] != QUOTES[ch]):
            stack.append(QUOTES[ch])
            out.append(False)
            continue
        out.append(not stack)
    return out


def _strip_term(term: str) -> str:
    """The term without its quotes, emphasis left by the source, trailing aliases in brackets."""
    r = rules()
    t = r["_prefix_re"].sub("", term.strip().strip("*_").strip())
    t = r["_suffix_re"].sub("", t)
    # "Đơn vị cơ sở (sau đây gọi tắt là đơn vị)": the alias in brackets is not part of the term
    while t.endswith(")") and "(" in t:
        t = t[: t.rfind("(")].rstrip()
    if len(t) >= 2 and t[0] in QUOTES and t[-1] == QUOTES[t[0]]:
        t = t[1:-1].strip()
    return " ".join(t.split())


def _is_term(term: str) -> bool:
    lim = rules()["limits"]
    if not term or len(term) > lim["max_chars"] or len(term.split()) > lim["max_words"]:
        return False
    low = term.lower()
    if any(low.startswith(w) for w in lim["not_starting_with"]):
        return False
    if term[-1] in ",;–-" or any(c in term for c in ";!?"):
        return False
    return any(ch.isalpha() for ch in term)


def split_definition(text: str | None) -> tuple[str, str] | None:
    """('Ban chuyên trách', 'bộ phận giúp việc …') from 'Ban chuyên trách là bộ phận giúp việc …'; None when
    the first line of `text` does not open with a term and a connective. The definition is '' when a word
    connective ends the line ('Nguồn kinh phí gồm:': the points below define it); a colon alone with nothing
    after it ('Các hình thức phối hợp:') introduces a list, not a definition. A connective repeated after a
    colon ('Thuê bao: là …') is dropped."""
    found = _split(text)
    return (found[0], found[2]) if found else None


def _split(text: str | None) -> tuple[str, str, str] | None:
    """(term, connective as written or ':', definition)."""
    line = next((ln.strip() for ln in (text or "").split("\n") if ln.strip()), "")
    if not line:
        return None
    outside = _outside_marks(line)
    for m in rules()["_conn_re"].finditer(line):
        if not all(outside[m.start():m.end()]):
            continue
        term = _strip_term(line[: m.start()])
        definition = line[m.end():].strip()
        lead = rules()["_lead_conn_re"].match(definition)
        connective = m.group(1) or (lead.group(1) if lead else ":")
        if lead:
            definition = definition[lead.end():]
        if not _is_term(term) or (not definition and not m.group(1)):
            return None
        return term, connective, definition
    return None


@dataclass
class Definition:
    term: str                 # as written, quotes removed
    definition: str           # the rest of the line, as written
    connective: str           # 'là', 'bao gồm', ':' …: what joins them in the text
    doc_id: str
    anchor: str | None        # the defining provision's anchor (or the nearest anchored provision above it)
    ref: str                  # 'khoản 2 Điều 3' (+ the annexed text's type)
    items: list[str] = field(default_factory=list)   # first lines of the points below, when they define the term
    more: bool = False        # the provision goes on past what is shown (more lines, or points not shown)
    doc: Document = field(repr=False, compare=False, default=None)  # type: ignore[assignment]


_KIND_NAMES = {"article": "Điều", "clause": "khoản", "point": "điểm"}


def _ref(path: list[Node], annex_type: str | None) -> str:
    """'khoản 2 Điều 3' (+ 'Quy chế' inside an annex); a quoted article names its law ('Điều 3 Luật …')."""
    parts = [f"{_KIND_NAMES[n.kind]} {n.num}" if n.kind != "quote" else
             " ".join(x for x in (f"Điều {n.num}", n.source) if x)
             for n in reversed(path) if (n.kind in _KIND_NAMES or n.kind == "quote") and n.num]
    if annex_type and parts:
        parts.append(annex_type)
    return " ".join(parts)


def _walk(nodes: list[Node], path: list[Node]) -> Iterator[tuple[Node, list[Node]]]:
    for n in nodes:
        yield n, path + [n]
        yield from _walk(n.children, path + [n])


def definition_nodes(doc: Document) -> Iterator[tuple[Node, list[Node], str | None]]:
    """Each definition article of the document (body and annexes): (node, path from the top, annex type)."""
    for body, annex_type in [(doc.body, None)] + [(a.body, a.type) for a in doc.annexes]:
        for n, path in _walk(body, []):
            if is_definition_title(n.title):
                yield n, path, annex_type


def _definitions_in(node: Node, path: list[Node]) -> Iterator[tuple[Node, list[Node], tuple[str, str, str]]]:
    for child in node.children:
        cpath = path + [child]
        found = _split(child.text) if child.kind in DEFINING_KINDS else None
        if found and (found[2] or child.children):
            yield child, cpath, found
        else:
            yield from _definitions_in(child, cpath)


def extract_definitions(docs: Iterable[Document]) -> list[Definition]:
    """Every definition in the definition articles of `docs`, in document order."""
    out: list[Definition] = []
    for doc in docs:
        for art, path, annex_type in definition_nodes(doc):
            for node, npath, (term, connective, definition) in _definitions_in(art, path):
                anchor = next((n.anchor for n in reversed(npath) if n.anchor), None)
                items = [ln for c in node.children for ln in (c.text or "").split("\n")[:1] if ln.strip()]
                lines = [ln for ln in (node.text or "").split("\n") if ln.strip()]
                more = len(lines) > 1 or (bool(definition) and bool(node.children)) or \
                    any(len([ln for ln in (c.text or "").split("\n") if ln.strip()]) > 1 or c.children
                        for c in node.children)
                out.append(Definition(term=term, definition=definition, connective=connective, doc_id=doc.id,
                                      anchor=anchor, ref=_ref(npath, annex_type),
                                      items=items if not definition else [], more=more, doc=doc))
    return out


# ---------------------------------------------------------------------------------------------
# Order and grouping
# ---------------------------------------------------------------------------------------------

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}   # huyền hỏi ngã sắc nặng


def _letter_and_tone(ch: str) -> tuple[str, int]:
    d = unicodedata.normalize("NFD", ch.lower())
    tone = next((_TONES[c] for c in d if c in _TONES), 0)
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
    return base, tone


def vi_sort_key(s: str) -> tuple:
    """Vietnamese dictionary order: letters a ă â b c d đ e ê …, then tones (none, huyền, hỏi, ngã, sắc, nặng)."""
    letters, tones = [], []
    for ch in " ".join(s.split()):
        base, tone = _letter_and_tone(ch)
        i = ALPHABET.find(base) if len(base) == 1 else -1
        letters.append((0, i) if i >= 0 else (1, ord(base[0]) if base else 0))
        tones.append(tone)
    return tuple(letters), tuple(tones), s


def initial(term: str) -> str:
    """The dictionary letter a term is listed under: 'Ủy ban' -> 'U', 'đảng viên' -> 'Đ', '“Ấp”' -> 'Â'."""
    for ch in term:
        if ch.isalnum():
            base, _ = _letter_and_tone(ch)
            return base.upper() if base in ALPHABET else "#"
    return "#"


def term_key(term: str) -> str:
    """Two spellings of one term ('Hòa giải' / 'hoà giải', 'Công vụ' / 'công vụ') share a key."""
    return " ".join(ascii_fold(term).casefold().split())


@dataclass
class TermEntry:
    term: str                                   # the spelling of the first definition
    key: str
    definitions: list[Definition] = field(default_factory=list)


def group_terms(defs: Iterable[Definition]) -> list[TermEntry]:
    """Definitions grouped by term (case and tone placement aside), in Vietnamese dictionary order."""
    by_key: dict[str, TermEntry] = {}
    for d in defs:
        k = term_key(d.term)
        e = by_key.get(k)
        if e is None:
            e = by_key[k] = TermEntry(term=d.term, key=k)
        e.definitions.append(d)
    return sorted(by_key.values(), key=lambda e: vi_sort_key(e.term.lower()))


def summary(docs: Iterable[Document]) -> dict:
    """Figures for reports: definition articles, definitions, distinct terms, documents that define terms."""
    docs = list(docs)
    defs = extract_definitions(docs)
    articles = sum(1 for d in docs for _ in definition_nodes(d))
    return {"documents": len(docs), "definition_articles": articles, "definitions": len(defs),
            "terms": len(group_terms(defs)), "defining_documents": len({d.doc_id for d in defs})}


def bench_glossary(corpus_dir: str) -> dict:
    """`danvan bench glossary`: how many terms the glossary finds in a corpus, printed as one report line."""
    from .corpus import load_corpus

    res = summary(load_corpus(corpus_dir).documents)
    print(f"danvan bench glossary — {corpus_dir}")
    print(f"  thuật ngữ: {res['terms']} từ ngữ ({res['definitions']} định nghĩa) từ {res['defining_documents']}"
          f"/{res['documents']} văn bản; {res['definition_articles']} điều giải thích từ ngữ")
    return res
