"""The agency gazetteer (corpus/agencies.json): load it, find agency mentions in text, scope a body to a
document's locality.

Matching works on a folded copy of the text of the same length (NFC, tone marks removed, every character
that is not a letter or digit made a space), so a match's offsets are offsets in the original text.
Names match ignoring case; an acronym marked case-sensitive in corpus/acronyms.json ("TU" = "Tỉnh ủy")
matches only in capitals. Acronym spellings of every name are made from corpus/acronyms.json: the long
form inside a name is replaced by each short form ("Ban Cán sự đảng Ủy ban nhân dân tỉnh" also matches
"BCS đảng UBND tỉnh"). At each place the longest name wins.
"""
from __future__ import annotations

import itertools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..ids import slugify

CENTRAL_LEVEL = "trung-uong"


class _FoldTable(dict):
    """str.translate table: one character in, one character out (tone marks removed, case and vowel letters kept;
    not a letter or digit: a space). Vowel letters stay apart so short names do not collide: 'Quân sự' is not
    'quản lý … cơ quan sử dụng'."""

    def __missing__(self, ch: int) -> str:
        c = strip_tones(chr(ch))
        out = c if len(c) == 1 and c.isalnum() else " "
        self[ch] = out
        return out


_TABLE = _FoldTable()
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}   # grave, acute, tilde, hook above, dot below


def strip_tones(s: str) -> str:
    """Tone marks removed, letters kept: 'Định kỳ hằng năm' -> 'Đinh ky hăng năm' (ă, â, đ, ê, ô, ơ, ư stay)."""
    d = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))


class _ToneTable(dict):
    """str.translate table: one character in, one out (tones removed, lower case; not a letter or digit: space)."""

    def __missing__(self, ch: int) -> str:
        c = strip_tones(chr(ch)).lower()
        out = c if len(c) == 1 and c.isalnum() else " "
        self[ch] = out
        return out


_TONE_TABLE = _ToneTable()


def fold(text: str) -> str:
    """Same-length folded copy of an NFC text: 'Ủy ban – tỉnh' -> 'Uy ban   tinh' (case kept, tones removed)."""
    return text.translate(_TABLE)


def fold_tones(text: str) -> str:
    """Same-length lower-case copy of an NFC text without tone marks and punctuation, vowel letters kept, so
    short words stay apart ('có' -> 'co', 'cơ' -> 'cơ'): 'Định kỳ hằng tháng, quý' -> 'đinh ky hăng thang  quy'."""
    return text.translate(_TONE_TABLE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def read_data(name: str) -> dict:
    """A JSON table of corpus/ (installed as package data of danvan.search.data)."""
    try:
        text = resources.files("danvan.search.data").joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        text = (Path(__file__).resolve().parents[2] / "corpus" / name).read_text(encoding="utf-8")
    return json.loads(text)


@dataclass(frozen=True)
class AgencyKind:
    id: str                 # "ban-dan-van-tinh-uy"
    name: str               # "Ban Dân vận Tỉnh ủy"
    type: str               # "party-board"
    level: str              # "tinh", "trung-uong", "cac-cap"…
    family: str             # "ban-dan-van"
    generic: bool = False
    aliases: tuple[str, ...] = ()
    successor: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    ids: tuple[str, ...]    # agency kinds the words name (several for a combined phrase)


@dataclass
class Gazetteer:
    kinds: dict[str, AgencyKind]
    types: dict[str, str]
    levels: dict[str, str]
    families: dict[str, dict]
    regex: re.Pattern
    lookup: dict[str, tuple[str, ...]]        # folded lower-case words -> ids
    examples: list[dict] = field(default_factory=list)
    exact: dict[str, tuple[int, ...]] = field(default_factory=dict)   # key -> its words that must be capitals
    cache: dict = field(default_factory=dict)      # text -> mentions (the same text is read several times)
    named: dict[str, dict] = field(default_factory=dict)   # head word -> {type, level, family}: 'Sở', 'Bộ' …
    named_regex: re.Pattern | None = None
    stop_words: frozenset = frozenset()            # lower-case words that end a name (verbs, 'của', 'trên' …)

    def find(self, text: str) -> list[Mention]:
        """Agency mentions in `text` (NFC), left to right, longest name first at each place.

        Two places where capitals mean nothing are skipped: a name in capitals inside a code ('09/2025/TT-BCT'
        is no Bộ Chính trị), and a case-sensitive acronym in a run of capitals ('THÔNG TƯ' is no Tỉnh ủy)."""
        hit = self.cache.get(text)
        if hit is not None:
            return list(hit)
        folded = fold_tones(text)                    # lower case, same length
        out = []
        for m in self.regex.finditer(folded):
            key = " ".join(m.group(0).split())
            ids = self.lookup.get(key)
            if not ids:
                continue
            written = text[m.start():m.end()]
            if written.isupper() and ((m.start() and text[m.start() - 1] in "/-")
                                      or (m.end() < len(text) and text[m.end()] in "/-")):
                continue
            caps = self.exact.get(key)
            if caps:                                 # an acronym that counts only in capitals ("TU" = Tỉnh ủy)
                toks = fold(written).split()
                if not all(i < len(toks) and toks[i].isupper() for i in caps) or _in_capitals(text, m.start(), m.end()):
                    continue
            out.append(Mention(m.start(), m.end(), ids))
        out = self._named(text, out) if self.named else out
        if len(self.cache) > 20000:
            self.cache.clear()
        self.cache[text] = tuple(out)
        return out

    def _named(self, text: str, found: list[Mention]) -> list[Mention]:
        """Bodies the gazetteer does not list, by the word that heads their proper name ('Sở Tài chính',
        'Bộ Văn hóa', 'Cục Thuế'): the head, then the name's words. A Vietnamese name capitalizes the first
        syllable of each word, so the name runs on while a word is capitalized, or a lower-case syllable follows a
        capitalized one ('Tài chính'), or 'và' joins two capitalized words ('Khoa học và Công nghệ'); a verb
        ('chủ trì') or punctuation ends it, with two exceptions that official names use: a dash between capitalized
        words ('Lao động - Thương binh và Xã hội') and a comma in an enumeration closed by 'và' ('Văn hóa, Thể thao
        và Du lịch': see _comma_enumeration). Each name becomes a kind of its own (type, level, family from the
        head's entry in 'named' of corpus/agencies.json)."""
        taken = [(m.start, m.end) for m in found]
        extra = []
        for m in self.named_regex.finditer(text):
            head = m.group(1)
            start = m.start(1)
            if any(a <= start < b for a, b in taken):
                continue
            words = list(re.finditer(r"\w+|[^\w\s]", text[m.end(1):m.end(1) + 80]))
            name_end, prev_cap, k = None, False, 0
            while k < len(words):
                w = words[k].group(0)
                if w[0].isupper():
                    prev_cap = True
                elif w == "và" and name_end is not None and k + 1 < len(words) and words[k + 1].group(0)[0].isupper():
                    prev_cap = False
                    k += 1
                    continue
                elif w[0].isalpha() and prev_cap and w.lower() not in self.stop_words:
                    prev_cap = False
                elif w in "-–" and name_end is not None and k + 1 < len(words) \
                        and words[k + 1].group(0)[0].isupper() \
                        and not self._starts_body(words[k + 1].group(0), m.end(1) + words[k + 1].start(), taken):
                    k += 1
                    continue
                elif w == "," and name_end is not None:
                    stop = self._comma_enumeration(text, m.end(1), words, k + 1, taken)
                    if stop is None:
                        break
                    name_end = m.end(1) + words[stop - 1].end()
                    k = stop
                    prev_cap = False
                    continue
                else:
                    break
                name_end = m.end(1) + words[k].end()
                k += 1
            if name_end is None:
                continue
            name = " ".join(text[start:name_end].split())
            kind = self._named_kind(head, name)
            extra.append(Mention(start, name_end, (kind,)))
        return sorted(found + extra, key=lambda x: x.start)

    def _starts_body(self, word: str, at: int, taken: list) -> bool:
        """The word at offset `at` heads another body's name (a head of 'named': 'Sở', 'Bộ'…, or a gazetteer name
        found there): a list of bodies goes on, not one name."""
        return word in self.named or any(a == at for a, _ in taken)

    def _comma_enumeration(self, text: str, base: int, words: list, k: int, taken: list) -> int | None:
        """After a comma inside a name: the index of the word after the name's end if the comma belongs to an
        enumeration that the name closes with 'và' ('Bộ Văn hóa, Thể thao và Du lịch'), else None (a list of
        bodies: 'Sở Tài chính, Sở Nội vụ'; 'Sở Tài chính, Công an tỉnh và …'). Every part after the comma must
        be name-like (a capitalized word, then lower-case syllables) and must not begin another body's name."""
        seen_and, part_start, prev_cap = False, True, False
        while k < len(words):
            w = words[k].group(0)
            at = base + words[k].start()
            if part_start:
                if not w[0].isupper() or self._starts_body(w, at, taken) or any(a <= at < b for a, b in taken):
                    return None
                part_start, prev_cap = False, True
            elif w == "và" and not seen_and:
                seen_and, part_start = True, True
            elif w == "," and not seen_and:
                part_start = True
            elif w[0].isupper():
                prev_cap = True
            elif w[0].isalpha() and prev_cap and w.lower() not in self.stop_words:
                prev_cap = False
            else:
                return k if seen_and else None
            k += 1
        return k if seen_and and not part_start else None

    def _named_kind(self, head: str, name: str) -> str:
        kid = slugify(name)
        if kid not in self.kinds:
            spec = self.named[head]
            self.kinds[kid] = AgencyKind(id=kid, name=name, type=spec["type"], level=spec["level"],
                                         family=spec["family"], aliases=(name,))
        return kid

    def central_of(self, kind_id: str) -> AgencyKind | None:
        """The central counterpart of a kind of body (through its family), if any."""
        k = self.kinds.get(kind_id)
        fam = self.families.get(k.family) if k else None
        c = fam.get("central") if fam else None
        return self.kinds.get(c) if c else None


def _in_capitals(text: str, start: int, end: int) -> bool:
    """The word before or after text[start:end] is written in capitals too."""
    before = text[max(0, start - 30):start].split()
    after = text[end:end + 30].split()
    near = [w for w in (before[-1:] + after[:1])]
    return any(len(w.strip(",.;:()")) > 1 and w.strip(",.;:()").isupper() for w in near)


def _tokens(s: str) -> list[str]:
    return fold(nfc(s)).split()


def _variants(tokens: list[str], acronyms: list[tuple[list[str], list[str], bool]], limit: int = 48):
    """Every spelling of a name with its long forms replaced by acronyms. Yields lists of (token, exact)."""
    low = [t.lower() for t in tokens]
    options: list[tuple[int, int, list[str], bool]] = []   # (start, length, short tokens, case-sensitive)
    for longs, shorts, cs in acronyms:
        for lt in [x for x in longs]:
            n = len(lt)
            for i in range(len(low) - n + 1):
                if low[i:i + n] == lt:
                    for st in shorts:
                        options.append((i, n, st, cs))
    base = [(t, False) for t in tokens]
    yield base
    count = 1
    for r in range(1, 4):
        for combo in itertools.combinations(options, r):
            spans = sorted(combo)
            if any(a[0] + a[1] > b[0] for a, b in zip(spans, spans[1:])):
                continue
            out, pos = [], 0
            for start, n, st, cs in spans:
                out.extend(base[pos:start])
                out.extend((t, cs) for t in st)
                pos = start + n
            out.extend(base[pos:])
            yield out
            count += 1
            if count >= limit:
                return


def _trie_regex(node: dict) -> str:
    """A regex for every word sequence of a trie, longest first at each place: a word, then (optionally) one of
    the sequences that continue it. Shared beginnings are tried once, so the scan stays fast."""
    alts = []
    for word in sorted(w for w in node if w):
        child = node[word]
        more = {k: v for k, v in child.items() if k}
        tail = ""
        if more:
            tail = r"(?:\s+" + _trie_regex(more) + ")" + ("?" if "" in child else "")
        alts.append(re.escape(word) + r"(?!\w)" + tail)
    return "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    data = read_data("agencies.json")
    acr = read_data("acronyms.json")
    acronyms = []
    for e in acr.get("acronyms", []):
        shorts = [_tokens(s) for s in [e["short"], *e.get("aliases", [])]]
        longs = [[t.lower() for t in _tokens(x)] for x in e.get("long", [])]
        acronyms.append((longs, shorts, bool(e.get("case_sensitive"))))
    kinds: dict[str, AgencyKind] = {}
    names: list[tuple[list[str], tuple[str, ...]]] = []
    for a in data["agencies"]:
        k = AgencyKind(id=a["id"], name=a["name"], type=a["type"], level=a["level"], family=a["family"],
                       generic=bool(a.get("generic")), aliases=tuple(a.get("aliases", [])),
                       successor=a.get("successor"), note=a.get("note"))
        if k.id in kinds:
            raise ValueError(f"corpus/agencies.json: agency id {k.id!r} is listed twice")
        kinds[k.id] = k
        for alias in k.aliases or (k.name,):
            names.append((_tokens(alias), (k.id,)))
    for c in data.get("combined", []):
        names.append((_tokens(c["text"]), tuple(c["ids"])))
    lookup: dict[str, tuple[str, ...]] = {}
    exact: dict[str, tuple[int, ...]] = {}
    trie: dict = {}
    for toks, ids in names:
        for v in _variants(toks, acronyms):
            key = " ".join(t.lower() for t, _ in v)
            if key in lookup and lookup[key] != ids:
                if len(v) == len(toks) and all(not e for _, e in v):
                    raise ValueError(f"corpus/agencies.json: {' '.join(toks)!r} names both {lookup[key]} and {ids}")
                continue        # an acronym spelling that an explicit name already claims
            lookup[key] = ids
            if any(e for _, e in v):
                exact[key] = tuple(i for i, (_, e) in enumerate(v) if e)
            node = trie
            for t, _ in v:
                node = node.setdefault(fold_tones(t).strip(), {})
            node[""] = True
    regex = re.compile(r"(?<!\w)" + _trie_regex(trie))
    named = {x["head"]: x for x in data.get("named", [])}
    heads = sorted(named, key=len, reverse=True)
    named_regex = re.compile(r"(?<!\w)(" + "|".join(re.escape(h) for h in heads) + r")(?=\s+[A-ZĐ\u00C0-\u1EF8])") \
        if heads else None
    from .cues import load_cues
    cues = load_cues()
    stop = {nfc(w).lower() for w in data.get("name_stop_words", [])}
    stop |= {nfc(c.split()[0]).lower() for r in cues.role_order for c in _role_cue_words(r)}
    return Gazetteer(kinds=kinds, types=dict(data["types"]), levels=dict(data["levels"]),
                     families={f["id"]: f for f in data["families"]}, regex=regex, lookup=lookup,
                     examples=list(data.get("examples", [])), exact=exact, named=named, named_regex=named_regex,
                     stop_words=frozenset(stop))


def _role_cue_words(role: str) -> list[str]:
    from .cues import _read
    for r in _read()["roles"]:
        if r["id"] == role:
            return list(r["cues"])
    return []



def scope_of(locality: str | None, level: str | None) -> str:
    """The scope a document's bodies belong to: its locality's slug ('binh-thuan'), 'trung-uong' for a central
    text without a locality, else 'chung' (bodies of a kind, not of one place)."""
    if locality:
        return slugify(locality) or "chung"
    return CENTRAL_LEVEL if level == "central" else "chung"


def body_id(kind: AgencyKind, scope: str) -> str:
    """'binh-thuan/ban-dan-van-tinh-uy'; a central body is never scoped: 'trung-uong/ban-dan-van-trung-uong'."""
    return f"{CENTRAL_LEVEL if kind.level == CENTRAL_LEVEL else scope}/{kind.id}"
