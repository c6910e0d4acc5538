"""Closing matter: signatures, Nơi nhận / Đồng kính gửi, other closing lines."""
from __future__ import annotations

import re

from ..model import Signer
from ..normalize import Para, RE_ARTICLE, RE_BULLET, RE_CHAPTER, RE_RECIPIENTS, RE_SIGN_AUTH, is_caps
from .common import _clean_item, _is_name, _is_signature_start
from .patterns import POSITION_WORDS



def _parse_closing(paras: list[Para]) -> tuple[list[Signer], list[str], list[str], list[str]]:
    signers: list[Signer] = []
    recipients: list[str] = []
    cc: list[str] = []
    closing: list[str] = []
    mode = None  # None | "recipients" | "cc"
    block: list[str] = []

    def flush_block(name: str | None = None):
        nonlocal block
        if not block and name is None:
            return
        lines = block + ([name] if name else [])
        caps = [b for b in block if is_caps(b) and not re.match(r"^\(?(Đã ký|ĐÃ KÝ)", b)]
        title = None
        on_behalf = None
        if caps:
            # the last capitals line is the signer's position ("PHÓ CHỦ TỊCH") when it names one, or when the
            # block opens with an authority ("T/M …", "KT. …"); the lines above it say on whose behalf
            if POSITION_WORDS.search(caps[-1]) or (len(caps) > 1 and RE_SIGN_AUTH.match(caps[0])
                                                    and not RE_SIGN_AUTH.match(caps[-1])):
                title = caps[-1]
                on_behalf = " ".join(caps[:-1]) or None
            else:
                on_behalf = " ".join(caps)
        signers.append(Signer(name=name, title=title, on_behalf=on_behalf, lines=lines))
        block = []

    for p in paras:
        t = p.text
        rm = RE_RECIPIENTS.match(t)
        if rm:
            if block:
                flush_block()
            head = rm.group(0)
            closing.append(head.strip())
            mode = "cc" if "đồng" in head.lower() or "kính" in head.lower() and "đồng" in head.lower() else "recipients"
            if head.lower().startswith("kính"):
                mode = "recipients"
            rest = t[len(head):].strip()
            if rest:
                parts = [x for x in re.split(r"\s+[-–]\s+|^[-–]\s*", rest) if x.strip()]
                (cc if mode == "cc" else recipients).extend(x.strip().rstrip(",;") for x in parts)
            continue
        if mode and RE_BULLET.match(t):
            (cc if mode == "cc" else recipients).append(_clean_item(t).rstrip(",;"))
            continue
        if mode and not is_caps(t) and not _is_name(t) and len(t) < 200 and not p.gap_before:
            (cc if mode == "cc" else recipients).append(t.rstrip(",;"))
            continue
        mode = None
        lines = p.lines if (is_caps(t) or p.bold) else [t]
        for ln in lines:
            if RE_BULLET.match(ln):
                if block:
                    block.append(ln)
                else:
                    recipients.append(_clean_item(ln).rstrip(",;"))
            elif re.search(r"[\d_]", ln) and not block:
                closing.append(ln)
            elif _is_name(ln):
                flush_block(ln)
            elif is_caps(ln) or re.match(r"^\(?(Đã ký|ĐÃ KÝ|đã ký)", ln) or RE_SIGN_AUTH.match(ln):
                block.append(ln)
            else:
                if block:
                    block.append(ln)
                else:
                    closing.append(ln)
    if block:
        flush_block()
    return signers, recipients, cc, closing



def _split_closing(paras: list[Para]) -> tuple[list[Para], list[Para]]:
    """Body paragraphs and closing paragraphs (signature, Nơi nhận) of one segment."""
    for k, p in enumerate(paras):
        if _is_signature_start(p) or RE_RECIPIENTS.match(p.text):
            # everything after must look like closing material; otherwise it is a false alarm
            rest = paras[k:]
            if sum(1 for q in rest if RE_ARTICLE.match(q.text) or RE_CHAPTER.match(q.text)) == 0:
                return paras[:k], rest
    return paras, []


