"""The agency and topic facets of search units, from the responsibility tables (danvan.enrich).

- `unit_facets(unit)`: an article's agency facet is the kinds of agency RESPONSIBLE in it (duties extracted by
  `danvan.enrich.facets_for`: 'ban-dan-van-tinh-uy', 'ubnd-tinh' …, the same id in every locality), its topic
  facet the article's topics (corpus/topics.json). A unit that is not a provision (the document unit, an annex's
  loose text) carries no facet. There is no "mentioned in the text" fallback: an article that merely names the
  Ban Dân vận is not a duty of the Ban Dân vận, and the words themselves stay searchable by the query.
- `FacetCatalog`: the values an index knows (gazetteer kinds and topics, plus the named bodies that enrichment
  found: 'Sở Tài chính'), with their Vietnamese labels (what the browser facet list and the CLI show).
- `FacetCatalog.resolve(dim, typed)`: what a user types after `--agency` / `--topic` -> every matching value.

Resolution rule (folded: no diacritics, lower case, punctuation as spaces; an acronym of corpus/acronyms.json is
read as its long form on both sides, so 'UBND' = 'Ủy ban nhân dân' and 'BDVTU' = 'Ban Dân vận Tỉnh ủy';
a case-sensitive acronym such as 'TU' only when typed in capitals), the first step that matches wins:

1. agencies: a family id ('ubnd', 'mttq', 'ban-dan-van'; also typed with spaces: 'ban dan van') -> every kind
   of the family (a few kinds share their family's id: 'ubnd' typed by a user means every UBND);
2. a value id exactly as written ('ban-dan-van-tinh-uy', 'dan-chu-co-so'); with exact=True (ids from the
   browser's facet links) an id is always that one value;
3. agencies: a family name or a comma-separated part of one ('Ban Dân vận', 'UBND' = the
   'Ủy ban nhân dân' of 'Ủy ban nhân dân, chính quyền') -> every kind of the family;
4. a value's name or alias (agencies) or name or cue phrase (topics) -> that value;
5. the typed words as a run inside family names, names, aliases or cues -> every value they occur in.

Nothing matched: an empty resolution with up to five close names (`suggest`).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .analyzer import fold

DIMS = ("agency", "topic")


def unit_facets(u) -> tuple[list[str], list[str]]:
    """(agency kind ids, topic ids) of a search unit: the responsibility tables of its provision."""
    node = getattr(u, "node", None)
    if node is None or not node.anchor:
        return [], []
    from ..enrich import facets_for
    f = facets_for(u.doc, node)
    return list(f["agency"]), list(f["topic"])


# -- normalising what users type -----------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _acronyms() -> list[tuple[tuple[str, ...], tuple[str, ...], bool]]:
    """(short form's folded words, long form's folded words, case sensitive), longest short forms first."""
    from .lexicon import load_lexicon
    out = []
    for a in load_lexicon().acronyms:
        if not a.longs:
            continue
        long = tuple(_words(a.longs[0]))
        for s in a.shorts:
            out.append((tuple(_words(s)), long, a.case_sensitive, s))
    return sorted(out, key=lambda x: -len(x[0]))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold((text or "").lower()))


def norm_name(text: str) -> tuple[str, ...]:
    """Folded words of a name with every acronym written out: 'UBND tỉnh' -> ('uy', 'ban', 'nhan', 'dan', 'tinh')."""
    raw = re.findall(r"[^\W_]+", text or "")
    words = _words(" ".join(raw))
    if len(words) != len(raw):      # a token folding to several words (rare): no acronym expansion
        return tuple(words)
    out: list[str] = []
    i = 0
    while i < len(words):
        for short, long, case, written in _acronyms():
            n = len(short)
            if tuple(words[i:i + n]) == short and (not case or all(r.isupper() or r.isdigit() for r in raw[i:i + n])):
                out.extend(long)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return tuple(out)


def _inside(needle: tuple[str, ...], hay: tuple[str, ...]) -> bool:
    n = len(needle)
    return 0 < n <= len(hay) and any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


# -- the catalog ---------------------------------------------------------------------------------------------
@dataclass
class Value:
    id: str
    name: str                         # Vietnamese label
    family: str | None = None         # agencies: gazetteer family id
    names: list[str] = field(default_factory=list)   # aliases (agencies) or cue phrases (topics)


@dataclass
class Resolution:
    ids: list[str]
    suggestions: list[str] = field(default_factory=list)   # close names when nothing matched

    def __bool__(self) -> bool:
        return bool(self.ids)


class FacetCatalog:
    """The agency and topic values of an index and their labels."""

    def __init__(self, extra_agencies: list[dict] | None = None):
        from ..enrich.gazetteer import load_gazetteer
        from ..enrich.topics import load_topics
        gz = load_gazetteer()
        self.families = {fid: f["name"] for fid, f in gz.families.items()}
        self.values: dict[str, dict[str, Value]] = {"agency": {}, "topic": {}}
        for k in list(gz.kinds.values()):
            self.values["agency"][k.id] = Value(k.id, k.name, k.family, [k.name, *k.aliases])
        for e in extra_agencies or ():     # named bodies found by enrichment ('Sở Tài chính')
            if e["key"] not in self.values["agency"]:
                self.values["agency"][e["key"]] = Value(e["key"], e["name"], e.get("family"), [e["name"]])
        for t in load_topics().topics:
            self.values["topic"][t.id] = Value(t.id, t.name, None, [t.name, *t.cues])

    def label(self, dim: str, vid: str) -> str:
        v = self.values[dim].get(vid)
        return v.name if v else vid

    def entries(self, dim: str, ids: list[str]) -> list[dict]:
        """[{key, name(, family)}] for the ids: the labels an index ships."""
        out = []
        for i in ids:
            v = self.values[dim].get(i) or Value(i, i)
            e = {"key": i, "name": v.name}
            if dim == "agency":
                e["family"] = v.family
            out.append(e)
        return out

    def resolve(self, dim: str, typed: str | None, exact: bool = False) -> Resolution:
        if dim not in DIMS:
            raise ValueError(f"facet {dim!r}: not one of {DIMS}")
        typed = (typed or "").strip()
        values = self.values[dim]
        if not typed:
            return Resolution([])
        if exact and typed in values:
            return Resolution([typed])
        fam = self._families(dim)
        if typed in fam:            # 1. a family id
            return Resolution([v.id for v in values.values() if v.family == typed])
        if typed in values:         # 2. a value id, exactly as written
            return Resolution([typed])
        slug = "-".join(_words(typed))
        q = norm_name(typed)
        if not q:
            return Resolution([], self.suggest(dim, typed))
        # 3. a family by id typed with spaces, name or a comma-separated part of its name
        hits = [f for f, names in fam.items() if q in names or slug == f]
        if hits:
            return Resolution([v.id for v in values.values() if v.family in hits])
        # 4. a value's own name, alias or cue
        hits = [v.id for v in values.values() if q in {norm_name(n) for n in v.names}]
        if hits:
            return Resolution(hits)
        # 5. the words as a run inside names
        ids = [v.id for v in values.values()
               if any(_inside(q, norm_name(n)) for n in v.names)
               or (v.family in fam and any(_inside(q, n) for n in fam[v.family]))]
        return Resolution(ids) if ids else Resolution([], self.suggest(dim, typed))

    def _families(self, dim: str) -> dict[str, set[tuple[str, ...]]]:
        if dim != "agency":
            return {}
        out = {}
        for fid, name in self.families.items():
            parts = {norm_name(name)} | {norm_name(p) for p in name.split(",")}
            out[fid] = {p for p in parts if p}
        return out

    def suggest(self, dim: str, typed: str, n: int = 5) -> list[str]:
        """Up to n names close to what was typed (family names first for agencies)."""
        names: dict[str, str] = {}
        if dim == "agency":
            for name in self.families.values():
                names.setdefault(" ".join(norm_name(name)), name)
        for v in self.values[dim].values():
            names.setdefault(" ".join(norm_name(v.name)), v.name)
        q = " ".join(norm_name(typed)) or typed.lower()
        close = difflib.get_close_matches(q, list(names), n=n, cutoff=0.5)
        if len(close) < n:     # names sharing a word of the query
            words = {w for w in q.split() if len(w) > 2}
            close += [k for k in names if k not in close and words & set(k.split())][:n - len(close)]
        return [names[k] for k in close[:n]]


def not_found_message(dim: str, typed: str, res: Resolution) -> str:
    """The Vietnamese message for a facet value that names nothing."""
    what = "cơ quan" if dim == "agency" else "chủ đề"
    msg = f"không có {what} nào khớp với “{typed}”"
    if res.suggestions:
        msg += "; có phải: " + "; ".join(res.suggestions) + "?"
    return msg
