"""Citation previews in a real browser (headless Chromium through Playwright), over file://: hovering or focusing
a citation of an in-corpus provision shows its text, Escape closes it, nothing is fetched. Built from the small
invented corpus tests/data/cite. Screenshots go to /tmp/shots/ for a person to look at."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from conftest import require_browser

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("DANVAN_SHOTS", "/tmp/shots"))
FIXTURE = Path(__file__).parent / "data" / "cite"

require_browser()


@pytest.fixture(scope="module")
def site():
    from danvan.site import build_site
    tmp = Path(tempfile.mkdtemp(prefix="danvan-cite-site-"))
    report = build_site(str(FIXTURE), str(tmp / "site"), quiet=True)
    assert report.documents == 4
    return tmp / "site"


@pytest.fixture(scope="module")
def page(site, browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    pg = ctx.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.goto((site / "van-ban" / "an-phu-05-qc-tu-2022.html").as_uri())
    yield pg
    ctx.close()


LINK = 'a.dv-xref[href="88-qd-tw-2021.html#qc-dieu-5"]'


def test_hover_shows_the_cited_provision(page):
    box = page.locator("#dv-xref-preview")
    page.locator(LINK).hover()
    box.wait_for(state="visible", timeout=2000)
    assert "Ban Dân vận Trung ương theo dõi việc thực hiện Quy chế này" in box.inner_text()
    assert box.locator(".dv-xref-preview-head").inner_text().startswith("Điều 5")
    assert page.locator(LINK).get_attribute("aria-describedby") == "dv-xref-preview"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "cite-preview-hover.png"))
    page.mouse.move(5, 5)
    box.wait_for(state="hidden", timeout=2000)


def test_keyboard_focus_shows_and_escape_closes(page):
    box = page.locator("#dv-xref-preview")
    page.locator("body").click(position={"x": 5, "y": 300})
    for _ in range(80):                       # Tab through the page until the citation has the focus
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement && document.activeElement.matches('{LINK}')"):
            break
    else:
        pytest.fail("the citation link is not reachable with Tab")
    box.wait_for(state="visible", timeout=2000)
    assert "Điều 5" in box.inner_text()
    page.screenshot(path=str(SHOTS / "cite-preview-focus.png"))
    page.keyboard.press("Escape")
    box.wait_for(state="hidden", timeout=2000)
    assert page.evaluate(f"document.activeElement.matches('{LINK}')")      # the focus stays on the link


def test_offline_and_no_script_errors(page):
    assert page.errors == []
    assert all(u.startswith(("file:", "data:", "about:")) for u in page.requests), page.requests
    # the link works: it opens the central document at the cited article
    page.locator(LINK).click()
    page.wait_for_url("**/88-qd-tw-2021.html#qc-dieu-5")
    assert page.locator("#qc-dieu-5").is_visible()
