"""The data behind the analyzer: acronyms and equivalent spellings (the facets: danvan.search.facets).

The file lives in corpus/ (corpus/acronyms.json) and installs as package data of
`danvan.search.data` (pyproject maps that package onto corpus/), so a wheel carries them. The browser
index ships the same tables (danvan.search.prebuilt), so both engines expand the same way.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path


@dataclass
class Acronym:
    short: str                      # as written: "UBND", "CT-XH"
    concept: str                    # the concept term both forms index as: "ubnd", "ct-xh"
    shorts: list[str]               # every short spelling (short + aliases)
    longs: list[str]                # long forms as written
    case_sensitive: bool = False
    examples: list[dict] = field(default_factory=list)


@dataclass
class Lexicon:
    acronyms: list[Acronym]
    syllables: dict[str, str]        # whole-syllable rewrites (kĩ -> kỹ)
    before: dict[str, tuple[str, frozenset[str]]]  # hàng -> (hằng, {ngày, tháng, …})
    raw: dict                        # the JSON tables as read, shipped to the browser


def _read(name: str) -> dict:
    try:
        text = resources.files("danvan.search.data").joinpath(name).read_text(encoding="utf-8")
    except ModuleNotFoundError:
        # Editable install: setuptools' editable finder cannot map a package onto a folder without
        # __init__.py, so read the checkout's corpus/ directly (the wheel has the package).
        text = (Path(__file__).resolve().parents[2] / "corpus" / name).read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    from .analyzer import canon_syllable_plain, fold
    acr = _read("acronyms.json")
    acronyms = []
    for e in acr.get("acronyms", []):
        shorts = [e["short"], *e.get("aliases", [])]
        acronyms.append(Acronym(short=e["short"], concept=fold(e["short"].lower()).replace("–", "-"),
                                shorts=shorts, longs=list(e.get("long", [])),
                                case_sensitive=bool(e.get("case_sensitive")), examples=list(e.get("examples", []))))
    sp = acr.get("spellings", {})
    syllables = {canon_syllable_plain(k.lower()): canon_syllable_plain(v.lower())
                 for k, v in sp.get("syllables", {}).items() if k != "about"}
    before = {}
    for k, v in sp.get("before", {}).items():
        if k == "about" or not isinstance(v, dict):
            continue
        before[canon_syllable_plain(k.lower())] = (canon_syllable_plain(v["to"].lower()),
                                                   frozenset(canon_syllable_plain(x.lower()) for x in v["next"]))
    return Lexicon(acronyms, syllables, before, {"acronyms": acr})
