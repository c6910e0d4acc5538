"""Vietnamese search over the corpus: one analyzer shared by every engine.

Modules:
    analyzer      text -> terms (exact and folded syllables, document numbers, acronyms, compounds)
    lexicon       the data behind the analyzer (acronyms.json)
    facets        agency and topic facets from the responsibility tables (danvan.enrich), names -> ids
    units         documents -> search units (one per article, one per document head, loose sections)
    whoosh_index  the Python engine; the only module that imports whoosh
    query         the engine-agnostic query plan, snippets and best-clause choice
    prebuilt      the browser index writer (sharded JS files) and its Python reference engine
    site          the browser index inside the built site (assets/search/), skipped without pyvi
    bench         `danvan bench search`: MRR@10 / Recall@10 per query kind, timings
    browser_bench `danvan bench search --browser`: the site's JavaScript engine in Chromium, the scale corpus
"""
