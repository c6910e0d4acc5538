"""Property tests: the parser never raises and never drops or invents a word, on arbitrary and mutated inputs."""
import random

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from danvan.lossless import check_lossless
from danvan.parse import parse

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS.values()]

# fragments that exercise every rule: markers, markup, headings, closings
FRAGMENTS = [
    "Điều 1.", "Điều 2:", "**Điều 3. Tên điều**", "Chương I", "CHƯƠNG II", "Mục 1", "Phần thứ nhất", "1.", "1-", "2)",
    "1.1-", "2.1.", "a)", "đ)", "b.", "- ", "+ ", "• ", "**", "*", "#", "## ", "|", "-----", "<br>", "\\*",
    "Căn cứ Luật", "Thực hiện Quyết định số 23-QĐ/TW", "QUYẾT ĐỊNH:", "QUY CHẾ", "(Kèm theo Quyết định số 1)",
    "PHỤ LỤC I", "Nơi nhận:", "Đồng kính gửi:", "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "BÍ THƯ",
    "(Đã ký)", "Nguyễn Văn An", "Số: 12/2025/QĐ-UBND", "Đồng Nai, ngày 05 tháng 11 năm 2021",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "dân vận", "quy định,", "nguyên tắc", "uỷ ban", "hoá", "Đào Văn Phuoc", "<script>alert(1)</script>", "{{ x }}",
    "\n", "\n\n", " ", "\t", "\r\n", "\u00a0", "\ufeff",
]

text_strategy = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map("".join)


def assert_lossless(text):
    doc = parse(text)
    rep = check_lossless(text, doc)
    if not rep.ok:
        import os
        if os.environ.get("FUZZ_DUMP"):
            open(os.environ["FUZZ_DUMP"], "w", encoding="utf-8").write(text)
        bad = list(rep.missing) + list(rep.extra)
        ctx = [ln for ln in text.split("\n") if any(w[:4] in ln for w in bad)][:5]
        raise AssertionError(f"missing={dict(rep.missing)} extra={dict(rep.extra)} lines={ctx!r}")


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
@example("Điều 1.<br>**Điều 3. Tên điều**Điều 1.")   # <br> is a line break: the glued heading splits there
def test_never_raises_never_drops(text):
    assert_lossless(text)


@settings(deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    assert_lossless(text)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=len(SEED_TEXTS) - 1), st.randoms(use_true_random=False),
       st.integers(min_value=1, max_value=30))
def test_mutated_seeds(idx, rnd: random.Random, n_mut):
    """Delete, duplicate, swap and glue lines of a real seed, insert markup: still lossless."""
    lines = SEED_TEXTS[idx].split("\n")
    for _ in range(n_mut):
        op = rnd.randrange(6)
        i = rnd.randrange(len(lines)) if lines else 0
        if not lines:
            break
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2:
            j = rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3 and i + 1 < len(lines):
            lines[i] = lines[i] + rnd.choice(["", "**", "****", " | "]) + lines.pop(i + 1)
        elif op == 4:
            lines.insert(i, rnd.choice(FRAGMENTS))
        else:
            cut = rnd.randrange(len(lines[i]) + 1)
            lines[i:i + 1] = [lines[i][:cut], "", lines[i][cut:]]
    assert_lossless("\n".join(lines))
