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
# Under CI (the CI variable is set) a missing browser or real-world corpus is a failure, never a skip:
# a green run must mean the browser and real-world tests ran.
IN_CI = bool(os.environ.get("CI"))


def unavailable(reason: str) -> None:
    """A module's prerequisite is missing: skip with the reason locally, fail the run under CI."""
    if IN_CI:
        pytest.fail(f"CI: {reason} (under CI this fails instead of skipping)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def require_realworld() -> None:
    if not REALWORLD.is_dir():
        unavailable(f"{REALWORLD} is absent: the real-world corpus is shared test data")


# Counts per marker, printed at the end of `make test` so a reader sees the browser and real-world tests ran.
_COUNTS: dict[str, dict[str, int]] = {"browser": {}, "realworld": {}}


def pytest_runtest_logreport(report):
    if report.when != "call" and not (report.when == "setup" and report.outcome != "passed"):
        return
    for mark in _COUNTS:
        if mark in report.keywords:
            c = _COUNTS[mark]
            c[report.outcome] = c.get(report.outcome, 0) + 1


def pytest_collectreport(report):
    if report.outcome != "passed":
        for mark in _COUNTS:
            if f"test_{mark}" in report.nodeid:
                c = _COUNTS[mark]
                c[report.outcome] = c.get(report.outcome, 0) + 1


def pytest_terminal_summary(terminalreporter):
    for mark, c in _COUNTS.items():
        parts = ", ".join(f"{n} {k}" for k, n in sorted(c.items())) or "none ran"
        terminalreporter.write_line(f"{mark} tests: {parts}")


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


CHROMIUM = "/usr/bin/chromium"


def require_browser() -> None:
    """Playwright and Debian's Chromium, or the browser tests are unavailable (skipped locally, failed under CI)."""
    try:
        import playwright.sync_api  # noqa: F401
    except Exception as e:  # pragma: no cover - depends on the machine
        unavailable(f"playwright is not importable ({e})")
    if not Path(CHROMIUM).exists():
        unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test module: Playwright's sync API runs one instance per thread,
    so the modules share this one."""
    require_browser()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()
