"""A hand-built corpus of real provisions (abridged) and a small keyword retriever over it.

Used by the unit tests of the assistant's components; integration tests use the real corpus.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant import messages
from assistant.textnorm import content_words
from corpus.model import Document, LegalUnit, UnitKind, article_id, unit_id
from corpus.store import Corpus
from indexing.hit import Hit

BLLD = "45/2019/QH14"
BHXH_2014 = "58/2014/QH13"
BHXH_2024 = "41/2024/QH15"

DOCUMENTS = (
    Document(BLLD, "Bộ luật", "Bộ luật Lao động", "Quốc hội", date(2019, 11, 20), date(2021, 1, 1)),
    Document(
        BHXH_2014,
        "Luật",
        "Luật Bảo hiểm xã hội",
        "Quốc hội",
        date(2014, 11, 20),
        date(2016, 1, 1),
        expired=date(2025, 7, 1),
        replaced_by=(BHXH_2024,),
    ),
    Document(
        BHXH_2024,
        "Luật",
        "Luật Bảo hiểm xã hội",
        "Quốc hội",
        date(2024, 6, 29),
        date(2025, 7, 1),
        replaces=(BHXH_2014,),
    ),
)

# (law, article, title, [clause texts]); a clause's points are part of its text.
ARTICLES = (
    (
        BLLD,
        113,
        "Nghỉ hằng năm",
        [
            "Người lao động làm việc đủ 12 tháng cho một người sử dụng lao động thì được nghỉ hằng năm, "
            "hưởng nguyên lương theo hợp đồng lao động như sau:\n"
            "a) 12 ngày làm việc đối với người làm công việc trong điều kiện bình thường;\n"
            "b) 14 ngày làm việc đối với người lao động chưa thành niên, lao động là người khuyết tật;\n"
            "c) 16 ngày làm việc đối với người làm nghề, công việc đặc biệt nặng nhọc, độc hại, nguy hiểm.",
            "Người lao động làm việc chưa đủ 12 tháng cho một người sử dụng lao động thì số ngày nghỉ "
            "hằng năm theo tỷ lệ tương ứng với số tháng làm việc.",
        ],
    ),
    (
        BLLD,
        107,
        "Làm thêm giờ",
        [
            "Thời gian làm thêm giờ là khoảng thời gian làm việc ngoài thời giờ làm việc bình thường "
            "theo quy định của pháp luật, thỏa ước lao động tập thể hoặc nội quy lao động.",
            "Người sử dụng lao động được sử dụng người lao động làm thêm giờ khi đáp ứng đầy đủ các "
            "yêu cầu sau đây:\n"
            "a) Phải được sự đồng ý của người lao động;\n"
            "b) Bảo đảm số giờ làm thêm của người lao động không quá 50% số giờ làm việc bình thường "
            "trong 01 ngày; tổng số giờ làm việc bình thường và số giờ làm thêm không quá 12 giờ trong "
            "01 ngày; không quá 40 giờ trong 01 tháng;\n"
            "c) Bảo đảm số giờ làm thêm của người lao động không quá 200 giờ trong 01 năm.",
        ],
    ),
    (
        BLLD,
        98,
        "Tiền lương làm thêm giờ, tiền lương làm việc vào ban đêm",
        [
            "Người lao động làm thêm giờ được trả lương tính theo đơn giá tiền lương hoặc tiền lương "
            "thực trả theo công việc đang làm như sau:\na) Vào ngày thường, ít nhất bằng 150%;\n"
            "b) Vào ngày nghỉ hằng tuần, ít nhất bằng 200%;",
            "Người lao động làm việc vào ban đêm thì được trả thêm ít nhất bằng 30% tiền lương tính "
            "theo đơn giá tiền lương hoặc tiền lương thực trả theo công việc của ngày làm việc bình thường.",
        ],
    ),
    (
        BHXH_2014,
        34,
        "Thời gian hưởng chế độ thai sản khi sinh con",
        [
            "Lao động nữ sinh con được nghỉ việc hưởng chế độ thai sản trước và sau khi sinh con là "
            "06 tháng. Thời gian nghỉ hưởng chế độ thai sản trước khi sinh tối đa không quá 02 tháng.",
        ],
    ),
)
# Điều 98 khoản 2 (night work) refers to the working-hours rules of Điều 107 (for the
# "related provisions" note); the reference is illustrative for the test corpus.
REFERENCES = {unit_id(BLLD, 98, 2): (article_id(BLLD, 107),)}


def build_tiny_corpus() -> Corpus:
    units: list[LegalUnit] = []
    for law, number, title, clauses in ARTICLES:
        art_id = article_id(law, number)
        body = "\n".join(f"{i}. {text}" for i, text in enumerate(clauses, start=1))
        units.append(LegalUnit(art_id, law, UnitKind.ARTICLE, str(number), title, body, article=number))
        for i, text in enumerate(clauses, start=1):
            uid = unit_id(law, number, i)
            units.append(
                LegalUnit(
                    uid,
                    law,
                    UnitKind.CLAUSE,
                    str(i),
                    "",
                    text,
                    parent_id=art_id,
                    article=number,
                    clause=i,
                    references=REFERENCES.get(uid, ()),
                )
            )
    return Corpus(DOCUMENTS, units)


class KeywordRetriever:
    """Ranks clauses by shared content words; returns one hit per article, best first."""

    def __init__(self, corpus: Corpus, today: date = date(2026, 3, 1)) -> None:
        self._corpus = corpus
        self._today = today

    def search(self, query: str, k: int = 10, **_: object) -> list[Hit]:
        words = set(content_words(query))
        best: dict[tuple[str, int], Hit] = {}
        for unit in self._corpus.iter_units(UnitKind.CLAUSE):
            assert unit.article is not None
            article = self._corpus.get(unit.law_id, unit.article)
            overlap = len(words & set(content_words(unit.text + " " + article.title)))
            if overlap == 0:
                continue
            score = overlap / (len(words) or 1)
            key = (unit.law_id, unit.article)
            if key not in best or score > best[key].score:
                best[key] = Hit(
                    unit.law_id,
                    unit.article,
                    unit.clause,
                    score,
                    unit.id,
                    article.title,
                    unit.text,
                    self._corpus.in_force(unit.law_id, self._today),
                    signals={"bm25": 1.0, "dense": 1.0, "dense_cosine": 0.85},
                )
        ranked = sorted(best.values(), key=lambda h: -h.score)[:k]
        return [Hit(**{**h.__dict__, "rank": i + 1}) for i, h in enumerate(ranked)]

    def search_batch(self, queries: list[str], k: int = 10) -> list[list[Hit]]:
        return [self.search(q, k) for q in queries]


def with_generator(pipeline: Any, generator: Any) -> Any:
    """The same (tiny) pipeline answering through ``generator``: same settings, corpus,
    retriever, calibration and day."""
    from assistant.pipeline import AssistantPipeline

    return AssistantPipeline(
        settings=pipeline.settings,
        corpus=pipeline.corpus,
        retriever=pipeline.retriever,
        generator=generator,
        calibration=pipeline.calibration,
        today=pipeline.today,
    )


def scripted_llm(pipeline: Any, base_url: str, timeout_s: float = 5.0) -> Any:
    """The pipeline answering through the OpenAI-compatible server at ``base_url``."""
    from assistant.generators.openai_compatible import OpenAICompatibleGenerator

    generator = OpenAICompatibleGenerator(base_url=base_url, model="scripted", timeout_s=timeout_s)
    return with_generator(pipeline, generator)


def shown_law(direct_answer: str) -> str:
    """The law's own words in a direct answer: its «quote», or the rule sentence when the basis
    line says that sentence is the unit in the law's words (not quoted twice)."""
    rule, basis = direct_answer.split("\n\n", 1)
    first = basis.split("\n", 1)[0]
    if any(m in first for m in (messages.VERBATIM, messages.VERBATIM_BLOCK, messages.OWN_WORDS)):
        assert "«" not in basis, "a verbatim rule is not quoted again"
        return rule
    return basis.split("«", 1)[1].rsplit("»", 1)[0]
