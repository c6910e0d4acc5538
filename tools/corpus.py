"""Corpus loading: scan a folder for .txt/.md documents, read optional sidecars, parse, give unique ids.

A sidecar `<name>.meta.json` next to `<name>.txt` holds facts the text does not carry (see devdocs/corpus.md).
Public function: load_corpus(corpus_dir, progress=False) -> CorpusResult
"""
from __future__ import annotations

import hashlib
import json
import os
import re

from dataclasses import dataclass, field
from pathlib import Path

from . import ids
from .model import Document, Source, Warning_
from .parse import parse
from .parse.derive import UNTITLED

DOC_SUFFIXES = (".txt", ".md")
SKIP_NAMES = {"readme.md", "license.md", "changelog.md"}


@dataclass
class CorpusResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)      # one message per unreadable file: "<path>: <cause>"


def find_documents(corpus_dir: str | os.PathLike) -> list[Path]:
    root = Path(corpus_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: không phải thư mục (corpus folder not found)")
    out = []
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix.lower() in DOC_SUFFIXES and p.name.lower() not in SKIP_NAMES \
                and not any(part.startswith(".") for part in p.relative_to(root).parts):
            out.append(p)
    return out


def read_sidecar(path: Path) -> tuple[dict, str | None]:
    side = path.with_name(path.stem + ".meta.json")
    if not side.exists():
        return {}, None
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            return {}, f"{side}: sidecar must be a JSON object"
        return data, None
    except (OSError, ValueError) as e:
        return {}, f"{side}: sidecar unreadable ({e})"


_DECODE_ERRORS_VI = [
    ("empty file", "tệp rỗng, không có nội dung"),
    ("binary file", "tệp nhị phân, không phải văn bản"),
    ("undecodable bytes", "không giải mã được thành chữ"),
    ("legacy Vietnamese encoding", "bảng mã tiếng Việt cũ, chưa chuyển được sang Unicode"),
]


def explain_decode_error(cause: str) -> str:
    """Vietnamese explanation first, the decoder's exact cause after it."""
    for key, vi in _DECODE_ERRORS_VI:
        if cause.startswith(key):
            return f"{vi} ({cause})"
    return f"không đọc được tệp ({cause})"


def decode_file(path: Path):
    from .decode import decode_bytes
    data = path.read_bytes()
    return data, decode_bytes(data, str(path))


def parse_file(path: Path, rel: str | None = None, meta: dict | None = None) -> tuple[Document | None, str | None]:
    """Parse one file. Returns (document, None) or (None, error message naming the file and the cause)."""
    rel = rel or str(path)
    try:
        data, dec = decode_file(path)
    except OSError as e:
        return None, f"{rel}: không mở được tệp ({e.strerror or e})"
    if dec.error or dec.text is None:
        return None, f"{rel}: {explain_decode_error(dec.error or 'unreadable')}"
    doc = parse(dec.text, rel, meta)
    doc.source = Source(path=rel, sha256=hashlib.sha256(data).hexdigest(), encoding=dec.encoding, bytes=len(data))
    for w in dec.warnings:
        doc.warnings.insert(0, Warning_(code="encoding", message=f"bảng mã / mã hoá ký tự: {w}"))
    return doc, None


def document_id(doc: Document, fallback: str) -> str:
    """The document's id from its own facts, never from where its file comes in the corpus.

    With a number: the number and its year, and the locality when the number is only locally unique
    ('dong-nai-03-qc-bdvtu-bcsdubnd-2021', 'ninh-binh-102-2025-qd-ubnd', '23-qd-tw-2021'); the type and the
    issuer are in the number's codes. Without one: locality, type (unless the title starts with it), title and
    date ('binh-thuan-quy-che-cong-tac-dan-van-cua-he-thong-chinh-tri'). The file name (`fallback`, stable
    too) only when the text has no title of its own. Two documents with one id: see assign_ids."""
    year = doc.date[:4] if doc.date else None
    if doc.number:
        base = ids.slugify(doc.number)
        if year and year not in doc.number:
            base = f"{base}-{year}"
        if doc.level in ("province", "district", "commune") and doc.locality:
            base = f"{ids.slugify(doc.locality)}-{base}"
        return base[:100].strip("-")
    loc = ids.slugify(doc.locality or "", 30)
    own_title = doc.title if doc.title not in (None, "", UNTITLED, doc.type) else ""
    title = ids.slugify(own_title, 200)
    if loc:
        title = re.sub(rf"-?(tinh|thanh-pho|huyen|xa|phuong)-{re.escape(loc)}\b", "", title).strip("-")
        title = title.replace(loc, "").replace("--", "-").strip("-")
    title = ids.slugify(title, 60)
    kind = ids.slugify(doc.type or "")
    if not title:
        title = ids.slugify(fallback, 60)
    if kind and not title.startswith(kind):
        title = f"{kind}-{title}".strip("-")
    return "-".join(x for x in (loc, title, doc.date or "") if x)[:100].strip("-") or "van-ban"


def assign_ids(docs: list[Document], wanted: dict | None = None) -> None:
    """Give every document its id and URL: the sidecar's `id` (wanted[path]) or document_id. Two documents that
    come to one id both get a short hash of their own source (sha256 of the file; of its path when the files are
    identical), whatever order the files were found in, and an 'id-collision' warning naming the other files."""
    wanted = wanted or {}
    base_of = {}
    for doc in docs:
        path = doc.source.path if doc.source else ""
        base = wanted.get(path) or document_id(doc, Path(path).stem)
        base_of[id(doc)] = ids.slugify(base, 100) or "van-ban"
    groups: dict[str, list[Document]] = {}
    for doc in docs:
        groups.setdefault(base_of[id(doc)], []).append(doc)
    for base, group in groups.items():
        for doc in group:
            did = base
            if len(group) > 1:
                src = doc.source or Source(path="", sha256="")
                same = sum(1 for o in group if o.source and o.source.sha256 == src.sha256) > 1
                token = hashlib.sha256(src.path.encode("utf-8")).hexdigest() if same else src.sha256
                did = f"{base[:90].rstrip('-')}-{token[:8]}"
                others = ", ".join(sorted(o.source.path for o in group if o is not doc and o.source))
                doc.warnings.append(Warning_(
                    code="id-collision", message=f"mã văn bản #{base} trùng với {others}: trang này dùng mã #{did}"
                    " (đặt \"id\" trong tệp .meta.json để chọn mã riêng)"))
            doc.id = did
            doc.url = f"van-ban/{did}.html"


def load_corpus(corpus_dir: str | os.PathLike, progress: bool = False) -> CorpusResult:
    res = CorpusResult()
    root = Path(corpus_dir)
    files = find_documents(root)
    it = files
    if progress and len(files) > 5:
        try:
            from tqdm import tqdm
            it = tqdm(files, desc="Phân tích", unit="văn bản")
        except ImportError:  # pragma: no cover
            pass
    wanted: dict[str, str] = {}
    for path in it:
        rel = path.relative_to(root).as_posix()
        meta, err = read_sidecar(path)
        if err:
            res.errors.append(err)
        doc, err = parse_file(path, rel, meta)
        if err:
            res.errors.append(err)
            continue
        if isinstance(meta.get("id"), str) and ids.is_safe_id(meta.get("id")):
            wanted[rel] = meta["id"]
        res.documents.append(doc)
    assign_ids(res.documents, wanted)
    return res
