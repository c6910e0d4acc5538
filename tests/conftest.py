import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = (ROOT / ".." / "shared").resolve()
REALWORLD = SHARED / "realworld"
SEEDS = {
    "dong-nai": CORPUS / "dong-nai" / "dong-nai-quy-che-phoi-hop-03-QC-BDVTU-BCSDUBND-2021.txt",
    "binh-thuan": CORPUS / "binh-thuan" / "binh-thuan-quy-che-cong-tac-dan-van.txt",
}
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="session")
def seed_docs():
    from danvan.corpus import load_corpus
    res = load_corpus(CORPUS)
    assert not res.errors
    by_path = {d.source.path: d for d in res.documents}
    return {k: by_path[str(v.relative_to(CORPUS).as_posix())] for k, v in SEEDS.items()}

from hypothesis import settings as _hyp_settings  # noqa: E402

# CI runs a fixed example sequence (reproducible); local runs explore new examples each time.
_hyp_settings.register_profile("ci", derandomize=True, print_blob=True)
_hyp_settings.register_profile("deep", max_examples=3000)
if os.environ.get("CI"):
    _hyp_settings.load_profile("ci")
elif os.environ.get("HYPOTHESIS_PROFILE"):
    _hyp_settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])
