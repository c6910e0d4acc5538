"""Derived facts: sidecar metadata, level, locality, type from the number, fallback title."""
from __future__ import annotations

from ..model import Document, Issuer
from .addresses import address_document
from .patterns import (
    CENTRAL_CODES, CENTRAL_ONLY_TYPES, LEVEL_CENTRAL, LEVEL_COMMUNE_NAMES, LEVEL_DISTRICT_CODES, LEVEL_DISTRICT_NAMES,
    LEVEL_PROVINCE_CODES, LEVEL_PROVINCE_NAMES, LOCAL_CODES, RE_LOCALITY, RE_TYPE_CODE, TYPE_CODES,
)


UNTITLED = "Văn bản chưa rõ tên"   # the title of a text that has no type line and no title of its own


def _apply_meta(doc: Document, meta: dict):
    """Sidecar facts fill what the text does not carry; they never override what the text says."""
    for key in ("number", "date", "place", "locality", "level", "type", "title"):
        v = meta.get(key)
        if v and not getattr(doc, key):
            setattr(doc, key, v)
            doc.metadata.setdefault("from_sidecar", []).append(key)
    if meta.get("issuers") and not doc.issuers:
        doc.issuers = [Issuer(**i) if isinstance(i, dict) else Issuer(name=str(i)) for i in meta["issuers"]]
        doc.metadata.setdefault("from_sidecar", []).append("issuers")
    for k in ("id", "notes", "source_note", "topics"):
        if k in meta:
            doc.metadata[k] = meta[k]


def _derive(doc: Document):
    names = " ".join([i.name for i in doc.issuers] + [i.parent or "" for i in doc.issuers])
    num = doc.number or ""
    if not doc.level:
        if LEVEL_CENTRAL.search(names) or (num and CENTRAL_CODES.search(num) and not LOCAL_CODES.search(num)):
            doc.level = "central"
        elif LEVEL_PROVINCE_NAMES.search(names) or LEVEL_PROVINCE_CODES.search(num):
            doc.level = "province"
        elif LEVEL_DISTRICT_NAMES.search(names) or LEVEL_DISTRICT_CODES.search(num):
            doc.level = "district"
        elif LEVEL_COMMUNE_NAMES.search(names):
            doc.level = "commune"
    if not doc.level and doc.type in CENTRAL_ONLY_TYPES:
        doc.level = "central"  # only central bodies issue laws, decrees and circulars
    if not doc.locality and doc.level in ("province", "district", "commune"):
        for iss in doc.issuers:
            m = RE_LOCALITY.search(iss.name) or (iss.parent and RE_LOCALITY.search(iss.parent))
            if m:
                doc.locality = m.group(1).strip().title()
                break
        if not doc.locality and doc.place and doc.level == "province":
            doc.locality = doc.place
    if not doc.type and doc.number:
        m = RE_TYPE_CODE.search(doc.number)
        if m and m.group(1) in TYPE_CODES:
            doc.type = TYPE_CODES[m.group(1)]
            doc.metadata["type_from_number"] = True
    if not doc.title:
        doc.title = doc.type or UNTITLED
    address_document(doc)   # paragraphs, items and tables: addresses under their parent's anchor

