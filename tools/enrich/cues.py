"""Cue phrases of duty extraction (tools/data/duties.json), compiled.

Phrases are Vietnamese; they are folded like the text (gazetteer.fold, lower case, one space between words)
and compiled into regular expressions over the folded text. A `{"regex": …}` entry is already folded.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .gazetteer import fold_tones, nfc, strip_tones


def folded(text: str) -> str:
    """Tone-folded text with single spaces: 'Định kỳ hằng tháng, quý' -> 'đinh ky hăng thang quy'."""
    return " ".join(fold_tones(nfc(text)).split())


def _phrase(p) -> str:
    """A regex (over folded text) for one cue entry: a phrase, or {"regex": …} written in Vietnamese (its tone
    marks are removed like the text's; a space stands for any run of spaces and punctuation)."""
    if isinstance(p, dict):
        return strip_tones(nfc(p["regex"])).lower().replace(" ", r"\s+")
    return r"\s+".join(re.escape(w) for w in folded(p).split())


def _alternation(items, at_start: bool = False) -> re.Pattern:
    pats = sorted((_phrase(p) for p in items), key=len, reverse=True)
    body = "|".join(f"(?:{p})" for p in pats)
    return re.compile((r"\s*" if at_start else "") + rf"(?<!\w)(?:{body})(?!\w)")


@dataclass
class Cues:
    roles: dict[str, str]                 # role id -> Vietnamese name
    role_order: list[str]
    role_cues: list[tuple[re.Pattern, str, int]]   # (regex at start, role id, phrase length)
    default_role: str
    adverbs: re.Pattern
    verbs: re.Pattern                     # anything that starts a predicate (verbs, role cues, adverbs)
    not_verbs: re.Pattern
    clause_leads: re.Pattern
    time_leads: re.Pattern
    non_duty: re.Pattern
    party_words: re.Pattern
    heading_prefix: re.Pattern
    counterpart_cue: re.Pattern           # at the end of the text before a mention
    periods: dict[str, dict]              # id -> {"name", "months"}
    period_words: list[tuple[str, str]]   # (folded word(s), period id), longest first
    period_patterns: list[tuple[re.Pattern, str]]
    period_trigger: re.Pattern
    period_general: re.Pattern            # 'định kỳ' without a named period
    list_joiner: re.Pattern               # between the words of a period list ('tháng, quý và năm')
    deadline: re.Pattern
    examples: dict


def _read() -> dict:
    return json.loads(resources.files("danvan.data").joinpath("duties.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    d = _read()
    role_cues = []
    for r in d["roles"]:
        for c in r["cues"]:
            f = folded(c)
            role_cues.append((re.compile(_phrase(c) + r"(?!\w)"), r["id"], len(f)))
    role_cues.sort(key=lambda t: -t[2])
    all_cues = [c for r in d["roles"] for c in r["cues"]]
    verbs = _alternation(all_cues + d["verbs"] + d["adverbs"])
    cp = sorted((_phrase(c) for c in d["counterpart_cues"]), key=len, reverse=True)
    return Cues(
        roles={r["id"]: r["name"] for r in d["roles"]}, role_order=[r["id"] for r in d["roles"]],
        role_cues=role_cues, default_role=d["default_role"],
        adverbs=_alternation(d["adverbs"], at_start=True), verbs=verbs, not_verbs=_alternation(d["not_verbs"]),
        clause_leads=_alternation(d["clause_leads"], at_start=True),
        time_leads=_alternation(d["time_leads"], at_start=True),
        non_duty=_alternation(d["non_duty_subjects"], at_start=True),
        party_words=_alternation(d["party_words"], at_start=True),
        heading_prefix=_alternation(d["heading_prefixes"], at_start=True),
        counterpart_cue=re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in cp) + r")\s*$"),
        periods={p["id"]: p for p in d["periods"]},
        period_words=sorted(((folded(k), v) for k, v in d["period_words"].items()), key=lambda t: -len(t[0])),
        period_patterns=[(re.compile(rf"(?<!\w)(?:{_phrase(p)})(?!\w)"), p["period"])
                         for p in d["period_patterns"]],
        period_trigger=re.compile(rf"(?<!\w)(?:{_phrase(d['period_triggers'])})"),
        period_general=re.compile(rf"(?<!\w)(?:{_phrase(d['period_general'])})(?!\w)"),
        list_joiner=re.compile(_phrase(d["period_list_joiner"])),
        deadline=re.compile(rf"(?<!\w)(?:{_phrase(d['deadline'])})(?![0-9])"),
        examples=d.get("examples", {}),
    )


def role_at(cues: Cues, f: str) -> str | None:
    """The role whose cue opens the folded predicate `f` (adverbs skipped), or None."""
    f = skip_adverbs(cues, f)
    best = None
    for rx, role, n in cues.role_cues:
        if rx.match(f) and (best is None or n > best[1]):
            best = (role, n)
    return best[0] if best else None


def skip_adverbs(cues: Cues, f: str) -> str:
    """The folded predicate without its opening adverbs ('thường xuyên', 'có trách nhiệm', time phrases…)."""
    while True:
        m = cues.adverbs.match(f) or cues.time_leads.match(f)
        if not m or m.end() == 0:
            return f.strip()
        rest = f[m.end():].lstrip()
        # an adverb that is also a role cue's first word ('tổ chức giao ban') stays when nothing follows
        if not rest:
            return f.strip()
        f = rest


def periods_in(cues: Cues, f: str) -> list[str]:
    """Normalized periods named in folded text, in the order of cues.periods."""
    found: set[str] = set()
    spans: list[tuple[int, int]] = []
    for rx, pid in cues.period_patterns:
        for m in rx.finditer(f):
            found.add(pid)
            spans.append(m.span())
    for m in cues.period_trigger.finditer(f):
        if any(a <= m.start() < b for a, b in spans):
            continue
        pos = m.end()
        while True:
            hit = next(((w, p) for w, p in cues.period_words if f.startswith(w, pos)
                        and (pos + len(w) == len(f) or not f[pos + len(w)].isalnum())), None)
            if not hit:
                break
            found.add(hit[1])
            pos += len(hit[0])
            nxt = cues.list_joiner.match(f, pos)
            if not nxt:
                break
            pos = nxt.end()
    if cues.period_general.search(f) and not (found - {"dot-xuat"}):
        found.add("dinh-ky")
    if "thang-12" in found:
        found.discard("hang-nam")
    return [p for p in cues.periods if p in found]


def deadline_in(cues: Cues, f: str) -> str | None:
    m = cues.deadline.search(f)
    if not m:
        return None
    day, month = m.groups()[-3], m.groups()[-1]
    return f"{int(day)}/{int(month)}"
