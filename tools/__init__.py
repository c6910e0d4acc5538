"""danvan: the engine that turns công tác dân vận regulation texts into a structured model.

Pipeline (one module per stage, one public function each):
    decode.decode_bytes -> normalize.normalize -> parse.parse -> (link, enrich: later) -> render / index

Glossary (Vietnamese term = model term):
    Phần = part, Chương = chapter, Mục = section, Điều = article,
    khoản = clause, điểm = point, gạch đầu dòng = item, căn cứ = legal basis,
    nơi nhận = recipients, phụ lục = appendix, văn bản kèm theo = annex.
"""

__version__ = "0.1.0"
