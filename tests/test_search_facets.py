"""Agency and topic facets from the responsibility tables (danvan.search.facets): what a unit carries, how a
name typed by a user resolves to facet ids, and the same counts in both engines."""
import json

import pytest

from conftest import CORPUS
from danvan.search.facets import FacetCatalog, norm_name, not_found_message, unit_facets
from danvan.search.query import Filters


@pytest.fixture(scope="module")
def catalog():
    return FacetCatalog()


@pytest.fixture(scope="module")
def documents():
    from danvan.corpus import load_corpus
    return load_corpus(CORPUS).documents


@pytest.fixture(scope="module")
def engines(documents, tmp_path_factory):
    pytest.importorskip("whoosh")
    from danvan.search.prebuilt import PrebuiltEngine, write_prebuilt
    from danvan.search.whoosh_index import WhooshEngine, build_index
    base = tmp_path_factory.mktemp("facets")
    build_index(documents, base / "w")
    write_prebuilt(documents, base / "p")
    w = WhooshEngine(base / "w")
    yield w, PrebuiltEngine(base / "p")
    w.close()


@pytest.mark.parametrize("typed, words", [
    ("UBND tỉnh", "uy ban nhan dan tinh"),
    ("Ủy ban nhân dân", "uy ban nhan dan"),
    ("uỷ ban nhân dân", "uy ban nhan dan"),          # old tone placement
    ("BDVTU", "ban dan van tinh uy"),
    ("Ban Thường vụ TU", "ban thuong vu tinh uy"),   # TU (case sensitive) in capitals…
    ("tu dưỡng", "tu duong"),                        # …but not the word tu
    ("MTTQ", "mat tran to quoc"),
])
def test_names_compare_folded_with_acronyms_written_out(typed, words):
    assert " ".join(norm_name(typed)) == words


# typed -> (ids that must be among the result, ids that must not)
AGENCIES = [
    ("ban-dan-van-tinh-uy", {"ban-dan-van-tinh-uy"}, {"ban-dan-van-huyen-uy"}),          # an id: exactly it
    ("Ban Dân vận", {"ban-dan-van-tinh-uy", "ban-dan-van-huyen-uy", "ban-dan-van-trung-uong"}, {"ubnd-tinh"}),
    ("ban dan van", {"ban-dan-van-tinh-uy", "ban-dan-van-huyen-uy"}, {"ban-tuyen-giao-tinh-uy"}),
    ("BAN DÂN VẬN", {"ban-dan-van-tinh-uy"}, set()),
    ("UBND", {"ubnd-tinh", "ubnd-huyen", "ubnd-xa", "chinh-phu"}, {"bcs-dang-ubnd-tinh", "van-phong-ubnd-tinh"}),
    ("ubnd", {"ubnd-tinh", "ubnd-huyen", "ubnd", "chinh-phu"}, {"bcs-dang-ubnd-tinh"}),   # a family id: the family
    ("ban-dan-van", {"ban-dan-van-tinh-uy", "ban-dan-van-huyen-uy"}, {"ubnd-tinh"}),
    ("Ủy ban nhân dân", {"ubnd-tinh", "ubnd-xa"}, {"bcs-dang-ubnd-tinh"}),
    ("Ban Tuyên giáo", {"ban-tuyen-giao-tinh-uy", "ban-tuyen-giao-trung-uong"}, {"ban-dan-van-tinh-uy"}),
    ("Ban Dân vận Tỉnh ủy", {"ban-dan-van-tinh-uy"}, {"ban-dan-van-huyen-uy"}),        # a kind's own name
    ("BDVTU", {"ban-dan-van-tinh-uy"}, {"ban-dan-van-huyen-uy"}),
    ("UBND tỉnh", {"ubnd-tinh"}, {"ubnd-huyen"}),
    ("MTTQ", {"mttq-tinh", "uy-ban-trung-uong-mttq"}, {"ubnd-tinh"}),
    ("HĐND", {"hdnd-tinh", "hdnd-huyen", "quoc-hoi"}, {"ubnd-tinh"}),
    ("hoi dong nhan dan", {"hdnd-tinh"}, set()),
    ("Hội Nông dân", {"hoi-nong-dan"}, {"hoi-phu-nu"}),                                  # a run inside a name
]


@pytest.mark.parametrize("typed, must, must_not", AGENCIES)
def test_agency_names_resolve_to_every_matching_kind(catalog, typed, must, must_not):
    ids = set(catalog.resolve("agency", typed).ids)
    assert must <= ids, must - ids
    assert not (ids & must_not), ids & must_not


TOPICS = [
    ("dan-chu-co-so", {"dan-chu-co-so"}),
    ("Dân chủ ở cơ sở", {"dan-chu-co-so"}),
    ("dan chu co so", {"dan-chu-co-so"}),                 # a cue phrase, without diacritics
    ("khiếu nại, tố cáo", {"tiep-cong-dan-khieu-nai"}),   # words inside a name
    ("KNTC", {"tiep-cong-dan-khieu-nai"}),                # an acronym of a cue
    ("hoà giải ở cơ sở", {"dan-chu-co-so"}),              # old tone placement
    ("Dân vận khéo", {"dan-van-kheo"}),
]


@pytest.mark.parametrize("typed, ids", TOPICS)
def test_topic_names_resolve(catalog, typed, ids):
    assert set(catalog.resolve("topic", typed).ids) == ids


@pytest.mark.parametrize("dim, typed, close", [
    ("agency", "Ban Dân vậnn", "Ban Dân vận"),
    ("agency", "Uy ban Kiem traa", "Ủy ban Kiểm tra"),
    ("topic", "dân chủ cơ sởơ", "Dân chủ ở cơ sở"),
])
def test_unknown_names_come_with_close_names(catalog, dim, typed, close):
    res = catalog.resolve(dim, typed)
    assert not res and close in res.suggestions
    msg = not_found_message(dim, typed, res)
    assert typed in msg and close in msg and ("cơ quan" if dim == "agency" else "chủ đề") in msg


def test_ids_from_the_browser_are_taken_exactly(catalog):
    """A facet link carries one kind's id; 'ubnd' is also the id of the generic kind of the UBND family."""
    assert catalog.resolve("agency", "ubnd", exact=True).ids == ["ubnd"]
    assert len(catalog.resolve("agency", "ubnd").ids) > 3
    assert catalog.resolve("agency", "ban-dan-van-tinh-uy", exact=True).ids == ["ban-dan-van-tinh-uy"]


def test_nothing_typed_and_nonsense_resolve_to_nothing(catalog):
    assert not catalog.resolve("agency", "") and not catalog.resolve("agency", "???")
    assert catalog.resolve("topic", "qqqq zzzz").ids == []


def test_a_units_facets_are_the_duties_and_topics_of_its_article(documents):
    from danvan.enrich import facets_for
    from danvan.search.units import corpus_units
    units = corpus_units(documents)
    tagged = 0
    for u in units:
        agencies, topics = unit_facets(u)
        if u.kind == "document":
            assert (agencies, topics) == ([], [])          # the document head is no provision
            continue
        f = facets_for(u.doc, u.node)
        assert agencies == f["agency"] and topics == f["topic"]
        tagged += bool(agencies)
    assert tagged >= 15
    # Điều 5 of Đồng Nai's Quy chế: the Ban Dân vận Tỉnh ủy's duties
    art = next(u for u in units if u.doc.id.startswith("dong-nai") and u.anchor == "dieu-5")
    assert "ban-dan-van-tinh-uy" in unit_facets(art)[0]


def test_the_browser_index_ships_vietnamese_labels(engines, catalog):
    _, p = engines
    labels = {e["key"]: e["name"] for e in p.meta["lexicon"]["facets"]["agencies"]}
    assert list(labels) == p.meta["agencies"]
    assert labels["ban-dan-van-tinh-uy"] == "Ban Dân vận Tỉnh ủy"
    topics = {e["key"]: e["name"] for e in p.meta["lexicon"]["facets"]["topics"]}
    assert list(topics) == p.meta["topics"] and topics["dan-chu-co-so"] == "Dân chủ ở cơ sở"


SAMPLES = [("dân vận", Filters()), ("tiếp công dân", Filters()), ("báo cáo", Filters(agency="Ban Dân vận")),
           ("phối hợp", Filters(topic="dan chu co so")), ("công tác", Filters(agency="UBND", locality="Bình Thuận"))]


@pytest.mark.parametrize("q, filters", SAMPLES)
def test_both_engines_count_the_same_facets(engines, q, filters):
    w, p = engines
    a, b = w.facet_counts(q, filters), p.facet_counts(q, filters)
    for dim in ("agency", "topic", "doc", "locality"):
        assert a[dim] == b[dim], dim
    assert a["agency"] and a["locality"]


@pytest.mark.parametrize("q, filters", SAMPLES[2:])
def test_a_name_filter_keeps_the_units_of_every_matching_kind(engines, catalog, q, filters):
    w, p = engines
    dim, typed = ("agency", filters.agency) if filters.agency else ("topic", filters.topic)
    ids = set(catalog.resolve(dim, typed).ids)
    for eng in (w, p):
        hits = eng.search(q, limit=1000, filters=filters)
        assert hits
        for h in hits:
            key = (h.doc, h.unit_anchor)
            unit = eng_units(eng)[key]
            assert ids & set(unit[dim]), (eng.name, key)
    # the counts of the facet list: the filtered total is what each chosen value adds up to at most
    counts = p.facet_counts(q, Filters(**{k: v for k, v in vars(filters).items() if k != dim}))
    assert len(p.search(q, limit=1000, filters=filters)) <= sum(counts[dim].get(i, 0) for i in ids)


def eng_units(eng):
    """(doc id, unit anchor) -> {'agency': ids, 'topic': ids} as an engine stores them."""
    if eng.name == "prebuilt":
        m = eng.meta
        out = {}
        for i, row in enumerate(m["units"]):
            chunk = eng.chunk(row[5], set())[str(i)]
            out[(m["docs"][row[0]][0], chunk[2])] = {"agency": [m["agencies"][j] for j in row[3]],
                                                      "topic": [m["topics"][j] for j in row[4]]}
        return out
    out = {}
    for fields in eng.reader.all_stored_fields():
        d = fields["data"]
        out[(fields["doc"], d["anchor"])] = {"agency": d["agencies"], "topic": d["topics"]}
    return out


def test_corpus_has_no_second_facet_table():
    from conftest import ROOT
    assert not (ROOT / "corpus" / "facets.json").exists()
    assert "facets.json" not in json.dumps((ROOT / "pyproject.toml").read_text())
