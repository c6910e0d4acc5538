"""Duty extraction: who must do what, in which role, with whom, how often.

The responsible agency of a clause or point is, from the nearest to the farthest:
1. the subject of its own sentence ("Ban Tổ chức Tỉnh ủy chủ trì, phối hợp …"), possibly after a time or
   condition phrase ("Tháng 12 hằng năm, …", "Căn cứ Quy chế này, …"); a later sentence with its own subject
   gives that agency a duty of its own ("…; ban dân vận cấp ủy được tham dự …");
2. an "Đối với X" line opening it ("1- Đối với Ban Cán sự đảng Ủy ban nhân dân tỉnh"), or the subject of the
   text that introduces its points;
3. its article's heading ("Điều 5. Ban Dân vận Tỉnh ủy", "Trách nhiệm của Hội đồng nhân dân tỉnh"), else the
   heading of its section or chapter;
4. the document's own parties: the bodies its title names after "của"/"giữa" ("Quy chế phối hợp giữa A và B")
   or, for a text issued jointly, its issuers ("hai cơ quan", "hai bên" name them too).
The role is read from the verb that opens the duty (cue phrases in tools/data/duties.json), "thực hiện" when
none does; counterparts are the agencies named after "phối hợp với", "với", "gửi", "qua"…; the period from
"hằng tháng, quý, năm", "tháng 12 hằng năm", "định kỳ", "đột xuất"; a deadline from "trước ngày 15/12".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cues import Cues, deadline_in, folded, periods_in, role_at
from .gazetteer import Gazetteer, Mention, fold_tones, nfc

UNIT_KINDS = ("clause", "point")
TEXT_KINDS = ("paragraph", "item")     # children whose text belongs to their parent's duty

_DETERMINER = re.compile(r"\s*((cac|nhưng|môi|tât ca cac|toan thê|toan bô)\s+)?")   # các, những, mỗi, tất cả các…
_THEN = re.compile(r"(?<!\w)thi\s")
_COPULA = re.compile(r"\s*la(?!\w)")


def sentences(text: str) -> list[str]:
    """A paragraph cut after '.', '!', '?' or '…' where the next word starts with a capital."""
    out, start = [], 0
    for m in re.finditer(r"[.!?…]\s+(?=[\"“(]?(\w))", text):
        if m.group(1).isupper():
            out.append(text[start:m.start() + 1])
            start = m.end()
    out.append(text[start:])
    return [s for s in out if s.strip()]


@dataclass
class RawDuty:
    kind: str                  # agency kind id (gazetteer)
    role: str
    roles: list[str]
    counterparts: list[str]    # agency kind ids
    period: list[str]
    deadline: str | None
    text: str
    reports: bool              # the duty includes reporting ("báo cáo", "gửi báo cáo")


@dataclass
class Segment:
    text: str
    subject: list[str] | None          # agency kinds it names as subject; None: continues the current one
    role: str | None                   # role cue opening its predicate
    predicate: str                     # folded predicate
    counterparts: list[str] = field(default_factory=list)
    no_duty: bool = False              # "Quy chế này có hiệu lực …"
    lead: str = ""                     # what comes before the subject or verb ("Trường hợp đột xuất, ")


class Extractor:
    def __init__(self, gz: Gazetteer, cues: Cues):
        self.gz = gz
        self.cues = cues

    # -- mentions ---------------------------------------------------------------------------
    def mentions(self, text: str, aliases: dict[str, str] | None = None) -> list[tuple[Mention, list[str]]]:
        out = []
        for m in self.gz.find(text):
            ids = list(m.ids)
            if aliases and len(ids) == 1:
                written = text[m.start:m.end]
                ids = [aliases.get(written, ids[0])]
            out.append((m, ids))
        return out

    def heading_agencies(self, title: str | None, aliases=None) -> list[str]:
        """Agencies a heading names: 'Ban Dân vận Tỉnh ủy', 'Trách nhiệm của …', 'Đối với …'."""
        if not title:
            return []
        t = nfc(title).strip()
        f = fold_tones(t)
        m = self.cues.heading_prefix.match(f)
        start = m.end() if m else 0
        ms = self.mentions(t, aliases)
        if not ms or not _DETERMINER.fullmatch(f[start:ms[0][0].start]):
            return []
        return _unique(i for mm, ids in ms for i in ids)

    # -- one sentence piece -----------------------------------------------------------------
    def _subject_at(self, text: str, f: str, pos: int, ms, max_gap: int = 10) -> tuple[list[str], int] | None:
        """The agencies that open `text` at `pos` as the subject of a verb, and where the predicate starts.
        Between the names and before the verb at most `max_gap` other words ('tập thể lãnh đạo, người đứng đầu
        các ngành, các địa phương …')."""
        first = next(((m, ids) for m, ids in ms if m.start >= pos), None)
        if first is None or not _DETERMINER.fullmatch(f[pos:first[0].start]):
            return None
        subj: list[str] = []
        cur = pos
        for m, ids in ms:
            if m.start < pos:
                continue
            gap = f[cur:m.start]
            if subj and _COPULA.match(gap):   # "Sở Nội vụ là cơ quan …": says what it is, assigns nothing
                return None
            v = self._verb_in(gap)
            if v is not None:
                ok = subj and len(gap[:v].split()) <= max_gap
                return (subj, cur + v) if ok else None
            if len(gap.split()) > max_gap:
                return None
            subj.extend(ids)
            cur = m.end
            if cur - pos > 400:
                break
        if _COPULA.match(f, cur):
            return None
        v = self._verb_in(f[cur:])
        if v is None or not subj or len(f[cur:cur + v].split()) > max_gap:
            return None
        return subj, cur + v

    def _verb_in(self, gap: str) -> int | None:
        """Offset of the first verb in a stretch of folded text between agency names, if any."""
        masked = self.cues.not_verbs.sub(lambda m: " " * len(m.group(0)), gap)
        m = self.cues.verbs.search(masked)
        return m.start() if m else None

    def segment(self, text: str, aliases=None) -> Segment:
        f = fold_tones(text)
        pos = len(f) - len(f.lstrip())
        ms = self.mentions(text, aliases)
        # time phrases ("Tháng 12 hằng năm,", "Định kỳ hằng tháng, quý, năm:")
        while True:
            m = self.cues.time_leads.match(f, pos)
            if not m or m.end() == pos:
                break
            pos = m.end()
            pos += len(f[pos:]) - len(f[pos:].lstrip())
        if self.cues.non_duty.match(f, pos):
            return Segment(text, None, None, "", no_duty=True)
        starts = [pos]
        if self.cues.clause_leads.match(f, pos):
            # a condition or ground ("Căn cứ …, ", "Trường hợp …, "): what follows one of its commas
            # "…, nếu … thì X …": the main clause starts after "thì"; else after one of the lead's commas
            starts = ([m.end() for m in _THEN.finditer(f, pos)]
                      + [k + 1 for k, ch in enumerate(text[:pos + 300]) if k >= pos and ch in ",:"] + [pos])
        starts = [s + len(f[s:]) - len(f[s:].lstrip()) for s in starts]
        for s in starts:           # a subject after the lead …
            subj = self._subject_at(text, f, s, ms, 10 if s == pos else 1)
            if subj:
                ids, pred = subj
                return self._finish(text, f, ms, ids, pred)
            p = self.cues.party_words.match(f, s)
            if p and self._verb_in(f[p.end():p.end() + 40]) == 1:
                return self._finish(text, f, ms, ["@parties"], p.end() + 1)
        for s in starts:           # … else the verb that follows it
            if s != pos and self.cues.verbs.match(f, s):
                return self._finish(text, f, ms, None, s)
        return self._finish(text, f, ms, None, pos)

    def _finish(self, text, f, ms, subject, pred) -> Segment:
        predicate = " ".join(f[pred:].split())
        start = next((m.start for m, _ in ms if subject and m.start < pred), pred)
        seg = Segment(text, subject, role_at(self.cues, predicate), predicate, lead=text[:start])
        chained = False
        prev_end = pred
        for m, ids in ms:
            if m.start < pred:
                continue
            before = " ".join(f[max(prev_end, m.start - 40):m.start].split())
            gap = " ".join(f[prev_end:m.start].split())
            is_cp = bool(self.cues.counterpart_cue.search(" " + before)) or (
                chained and re.fullmatch(r"(va |cung |cac )*(tinh |cac câp |cung câp )?", gap + " " if gap else ""))
            if is_cp:
                seg.counterparts.extend(ids)
            chained = is_cp
            prev_end = m.end
        return seg

    # -- a unit (clause or point) ------------------------------------------------------------
    def opening(self, text: str, aliases=None) -> tuple[list[str], str]:
        """A heading inside a clause: an 'Đối với X' first line, or a first line that is only names ('Sở Tài
        chính:', 'Ban Dân vận Tỉnh ủy.'): (X's agencies, the text after it)."""
        first, _, rest = text.partition("\n")
        head, colon, after = first.partition(":")
        f = folded(head)
        if len(f.split()) <= 16:
            ids = self.heading_agencies(head.strip(), aliases)
            bare = head.strip().rstrip(".;")
            ms = self.mentions(bare, aliases)
            only_names = ms and not re.sub(r"[\s,;.\-–]|(?<!\w)(và|các)(?!\w)", "", "".join(
                ch for k, ch in enumerate(bare) if not any(m.start <= k < m.end for m, _ in ms)))
            if ids and (f.startswith("đôi vơi ") or only_names):   # "Đối với …"
                return ids, "\n".join(x for x in (after.strip(), rest) if x.strip())
        return [], text

    def unit_duties(self, text: str, context: list[str], parties: list[str], aliases=None) -> list[RawDuty]:
        """The duties of a unit's text, given the agencies it inherits."""
        cues = self.cues
        opened, text = self.opening(text, aliases)
        if opened:
            context = opened
        if "\n" not in text.strip() and text.strip().endswith(":") and len(text.split()) <= 6:
            return []          # a label over its points ("Nội dung cụ thể:", "Cam kết:"), not a duty
        by_kind: dict[str, RawDuty] = {}
        order: list[str] = []
        unset: set[str] = set()
        current = list(context)
        sentence_periods: list[str] = []
        for para in (p for p in text.split("\n") if p.strip()):
            for sent in sentences(para.strip()):
                sentence_periods = []
                skip_sentence = False
                for k, piece in enumerate(x for x in sent.split(";") if x.strip()):
                    seg = self.segment(piece.strip(), aliases)
                    if k and skip_sentence:
                        continue
                    skip_sentence = seg.no_duty    # "Quy chế này áp dụng đối với …; cán bộ, công chức …"
                    if k == 0:      # "Định kỳ hằng quý: A …; B …", "Trường hợp đột xuất, A …; B …"
                        sentence_periods = periods_in(cues, folded(seg.lead))
                    if seg.no_duty:
                        current = []
                        continue
                    if seg.subject is not None:
                        current = [p for s in seg.subject for p in (parties if s == "@parties" else [s])]
                    fp = folded(piece)
                    per = _unique(sentence_periods + periods_in(cues, fp))
                    dl = deadline_in(cues, fp)
                    reports = "bao cao" in seg.predicate or " gưi " in f" {seg.predicate} "
                    # the role comes from the first piece that is a duty: one with its own subject, or one
                    # that opens with a verb ("Dân vận … là nhiệm vụ …" states, it does not assign)
                    verbal = seg.subject is not None or bool(cues.verbs.match(seg.predicate))
                    for kind in current:
                        d = by_kind.get(kind)
                        if d is None:
                            d = by_kind[kind] = RawDuty(kind, cues.default_role, [], [], [], None, "", False)
                            order.append(kind)
                            unset.add(kind)
                        if kind in unset and verbal:
                            d.role = seg.role or cues.default_role
                            unset.discard(kind)
                        if seg.role and seg.role not in d.roles:
                            d.roles.append(seg.role)
                        d.counterparts.extend(c for c in seg.counterparts if c != kind and c not in d.counterparts
                                              and c not in current)
                        d.period = _unique(d.period + per)
                        d.deadline = d.deadline or dl
                        d.text = (d.text + ("; " if d.text else "") + piece.strip())
                        d.reports = d.reports or reports
        for d in by_kind.values():
            if not d.roles:
                d.roles = [d.role]
            d.period = [p for p in cues.periods if p in d.period]
        # no piece that assigns anything ("Thẩm quyền điều động công chức:", "Việc xử lý vi phạm phải …"): no duty
        return [by_kind[k] for k in order if k not in unset]


def _unique(xs) -> list:
    out = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out
