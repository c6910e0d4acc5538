"""The search commands of `danvan` (registered by danvan.cli):

    danvan index --corpus DIR --out DIR [--browser DIR]
    danvan search QUERY [--corpus DIR | --index DIR] [--agency A] [--topic T] [--doc D] [--type T]
                        [--level L] [--locality L] [--limit N] [--json] [--facets]

`--agency` / `--topic` take an id or a name as a user types it (danvan.search.facets.FacetCatalog.resolve); a
name that matches nothing prints a Vietnamese message with close names on stderr and exits with code 2.
    danvan bench search [--corpus DIR] [--realworld DIR] [--queries DIR] [--engine whoosh|prebuilt|all]
                        [--browser [--scale N]]
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

DEFAULT_QUERIES = Path("tests") / "search_queries"


def add_search_commands(sub, default_corpus: str) -> None:
    p = sub.add_parser("index", help="lập chỉ mục tìm kiếm (whoosh) cho kho văn bản")
    p.add_argument("--corpus", default=default_corpus)
    p.add_argument("--out", required=True, help="thư mục chỉ mục (được thay mới)")
    p.add_argument("--browser", default=None, metavar="DIR",
                   help="ghi thêm chỉ mục cho trình duyệt (tệp .js, xem devdocs/search-index.md) vào DIR")
    p.add_argument("--no-compounds", action="store_true", help="không dùng pyvi (nhanh hơn, xếp hạng kém hơn)")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="tìm trong kho văn bản; mỗi kết quả là một điều, kèm khoản khớp nhất")
    p.add_argument("query")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--corpus", default=None, help="lập chỉ mục tạm từ kho này rồi tìm (chậm hơn)")
    src.add_argument("--index", default=None, help="thư mục chỉ mục do `danvan index` tạo")
    p.add_argument("--agency", default=None,
                   help="chỉ các điều giao trách nhiệm cho cơ quan này: mã loại cơ quan (ban-dan-van-tinh-uy) hoặc "
                        "tên, có dấu hay không, viết tắt được ('Ban Dân vận', 'UBND'); tên không khớp: mã thoát 2")
    p.add_argument("--topic", default=None, help="chỉ các điều thuộc chủ đề này (mã hoặc tên, vd. 'dân chủ cơ sở')")
    p.add_argument("--facets", action="store_true",
                   help="in thêm số kết quả theo từng cơ quan, chủ đề, văn bản… (không dùng với --json)")
    p.add_argument("--doc", default=None, help="chỉ trong văn bản này (mã văn bản hoặc số hiệu)")
    p.add_argument("--type", dest="doc_type", default=None, help="loại văn bản (Quyết định, Quy chế…)")
    p.add_argument("--level", default=None, choices=["central", "province", "district", "commune"])
    p.add_argument("--locality", default=None, help="địa phương (Đồng Nai…)")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true", help="in mảng JSON các kết quả")
    p.set_defaults(func=cmd_search)


def add_bench_search_args(p) -> None:
    p.add_argument("--realworld", default=None,
                   help="bench search: kho thật cho bộ truy vấn realworld.json (mặc định ../shared/realworld nếu có)")
    p.add_argument("--queries", default=None, help=f"bench search: thư mục bộ truy vấn (mặc định {DEFAULT_QUERIES})")
    p.add_argument("--engine", default="whoosh", choices=["whoosh", "prebuilt", "all"],
                   help="bench search: công cụ đo (prebuilt: bản Python của công cụ trình duyệt)")
    p.add_argument("--browser", action="store_true",
                   help="bench search: dựng trang và đo công cụ JavaScript trong Chromium (tốc độ, kết quả đầu qua "
                        "file://, dung lượng tải)")
    p.add_argument("--scale", type=int, default=10, metavar="N",
                   help="bench search --browser: đo thêm chỉ mục của N bản sao kho thật (mặc định 10; 0: bỏ qua)")


def cmd_index(args) -> int:
    from ..corpus import load_corpus
    from .whoosh_index import build_index
    res = load_corpus(args.corpus, progress=not args.quiet)
    for e in res.errors:
        print(f"lỗi: {e}", file=sys.stderr)
    try:
        stats = build_index(res.documents, args.out, progress=not args.quiet, compounds=not args.no_compounds)
    except FileExistsError as e:
        print(str(e), file=sys.stderr)
        return 2
    print(f"đã lập chỉ mục {stats['units']} mục ({stats['articles']} điều) của {stats['documents']} văn bản vào "
          f"{args.out} trong {stats['seconds']:.1f} s" + ("" if stats["compounds"] else " (không có từ ghép pyvi)"))
    if args.browser:
        from .prebuilt import write_prebuilt
        try:
            info = write_prebuilt(res.documents, args.browser)
        except FileExistsError as e:
            print(str(e), file=sys.stderr)
            return 2
        print(f"đã ghi chỉ mục trình duyệt vào {args.browser}: {info['files']} tệp, {info['bytes'] / 1e6:.2f} MB")
    return 1 if res.errors else 0


def _print_hits(hits, out=None) -> None:
    out = out or sys.stdout
    if not hits:
        print("không tìm thấy kết quả", file=out)
        return
    bold = out.isatty() and not os.environ.get("NO_COLOR")
    for i, h in enumerate(hits, 1):
        snippet = h.snippet
        if bold:
            for s, e in sorted(h.highlights, reverse=True):
                snippet = snippet[:s] + "\033[1m" + snippet[s:e] + "\033[0m" + snippet[e:]
        print(f"{i:2}. {h.title}  [{h.score:.2f}]", file=out)
        print(f"    {h.doc_title}" + (f" ({h.number})" if h.number else ""), file=out)
        print(f"    {h.url}", file=out)
        if snippet:
            print(f"    {snippet}", file=out)


def cmd_search(args) -> int:
    from .facets import not_found_message
    from .query import Filters
    from .whoosh_index import WhooshEngine, build_index
    filters = Filters(doc=args.doc, agency=args.agency, topic=args.topic, doc_type=args.doc_type,
                      level=args.level, locality=args.locality)
    tmp = None
    index = args.index
    if index is None:
        from ..corpus import load_corpus
        tmp = tempfile.TemporaryDirectory(prefix="danvan-index-")
        res = load_corpus(args.corpus or "corpus")
        build_index(res.documents, tmp.name)
        index = tmp.name
    try:
        eng = WhooshEngine(index)
        # a facet name that matches nothing is a usage error: say so (with close names), exit 2, print no hits
        for dim, typed in (("agency", args.agency), ("topic", args.topic)):
            res = eng.catalog.resolve(dim, typed) if typed else None
            if res is not None and not res:
                eng.close()
                print(f"danvan search: {not_found_message(dim, typed, res)}", file=sys.stderr)
                return 2
        hits = eng.search(args.query, limit=args.limit, filters=filters)
        counts = eng.facet_counts(args.query, filters) if args.facets and not args.json else None
        eng.close()
    finally:
        if tmp is not None:
            tmp.cleanup()
    if args.json:
        print(json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=2))
    else:
        _print_hits(hits)
        if counts:
            _print_facets(counts, eng.catalog)
    return 0


FACET_TITLES = (("agency", "Cơ quan chịu trách nhiệm"), ("topic", "Chủ đề"), ("doc", "Văn bản"),
                ("type", "Loại văn bản"), ("locality", "Địa phương"))


def _print_facets(counts: dict, catalog, shown: int = 8, out=None) -> None:
    """Facet values with their Vietnamese labels and counts, most frequent first."""
    out = out or sys.stdout
    for dim, title in FACET_TITLES:
        values = sorted(counts.get(dim, {}).items(), key=lambda kv: (-kv[1], kv[0]))
        if not values:
            continue
        print(f"{title}:", file=out)
        for v, n in values[:shown]:
            label = catalog.label(dim, v) if dim in ("agency", "topic") else v
            print(f"    {label} ({n})" + (f"  [{v}]" if dim in ("agency", "topic") else ""), file=out)
        if len(values) > shown:
            print(f"    … và {len(values) - shown} giá trị khác", file=out)


def cmd_bench_search(args) -> int:
    from .bench import bench_search
    qdir = Path(args.queries) if args.queries else DEFAULT_QUERIES
    sets = []
    seeds = qdir / "seeds.json"
    if seeds.exists():
        sets.append(("seeds", args.corpus, str(seeds)))
    rw = args.realworld
    if rw is None and Path("../shared/realworld").is_dir():
        rw = "../shared/realworld"
    if rw and (qdir / "realworld.json").exists():
        sets.append(("realworld", rw, str(qdir / "realworld.json")))
    if rw and (qdir / "heldout.json").exists():     # known-item queries never used for tuning
        sets.append(("heldout", rw, str(qdir / "heldout.json")))
    if not sets:
        print(f"không thấy bộ truy vấn trong {qdir} (seeds.json, realworld.json)", file=sys.stderr)
        return 2
    bench_search(sets, engine=args.engine, browser=getattr(args, "browser", False), scale=getattr(args, "scale", 0))
    return 0
