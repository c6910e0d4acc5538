"""Facts from a sidecar are shown as such, never dressed up as the issued text's letterhead."""
from danvan.render import render_document


def test_sidecar_issuer_is_not_shown_as_letterhead(seed_docs):
    html = render_document(seed_docs["binh-thuan"])
    assert 'class="dv-letterhead"' not in html          # the text has no letterhead at all
    assert "bổ sung, văn bản không ghi" in html          # issuer and locality come from the sidecar
    import re
    unknown = re.findall(r"<dt>([^<]+)</dt><dd class=\"dv-unknown\">chưa rõ</dd>", html)
    assert unknown == ["Số hiệu", "Ngày ban hành", "Nơi ban hành"]   # never invented from the sidecar


def test_text_issuer_is_shown_in_letterhead(seed_docs):
    html = render_document(seed_docs["dong-nai"])
    assert "dv-letterhead" in html and "BCS ĐẢNG UBND TỈNH" in html
    assert "bổ sung, văn bản không ghi" not in html


def test_untitled_article_toc_shows_opening_words(seed_docs):
    html = render_document(seed_docs["binh-thuan"])
    assert "Điều 1. Dân vận và công tác dân vận là …" in html
