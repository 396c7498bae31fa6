"""LLM answers held to the law: a figure (number, time limit, percentage, amount) that the cited
sources do not contain removes its sentence; a draft made of such sentences falls back to the
extractive answer, the reasons recorded. Hand-built drafts, then a real loopback LLM server."""

from __future__ import annotations

import time

from assistant_fixtures import KeywordRetriever, scripted_llm
from llm_servers import ScriptedChatServer

from assistant.evidence import numbered_sources
from assistant.pipeline import AssistantPipeline
from assistant.verify import figures, verify_draft
from corpus.store import Corpus

QUESTION = "Người lao động được nghỉ hằng năm bao nhiêu ngày?"


def _sources(corpus: Corpus, retriever: KeywordRetriever):  # type: ignore[no-untyped-def]
    return numbered_sources(retriever.search(QUESTION), corpus, 2)


def test_figures_are_normalised() -> None:
    text = "Nghỉ 03 ngày [1], 1,5 lần, 1.490.000 đồng, 50%, theo khoản 2 Điều 113 Luật 45/2019/QH14."
    assert figures(text) == {"3", "1.5", "1490000", "50"}


def test_wrong_number_removes_its_sentence(tiny_corpus: Corpus, tiny_retriever: KeywordRetriever) -> None:
    sources = _sources(tiny_corpus, tiny_retriever)
    draft = "Người lao động làm đủ 12 tháng được nghỉ 12 ngày làm việc [1]. Có khi 30 ngày, lương 300% [1]."
    check = verify_draft(draft, sources, tiny_corpus, QUESTION)
    assert "30 ngày" not in check.text and "12 ngày làm việc [1]" in check.text
    assert any("«30»" in reason for reason in check.removed)
    assert any("«300»" in reason for reason in check.removed)
    assert check.failure is None


def test_the_members_own_figures_may_be_repeated(
    tiny_corpus: Corpus, tiny_retriever: KeywordRetriever
) -> None:
    sources = _sources(tiny_corpus, tiny_retriever)
    question = "Tôi mới làm 7 tháng thì được nghỉ hằng năm bao nhiêu ngày?"
    draft = "Bạn làm 7 tháng, chưa đủ 12 tháng, nên số ngày nghỉ tính theo tỷ lệ số tháng làm việc [1]."
    check = verify_draft(draft, sources, tiny_corpus, question)
    assert check.removed == () and check.failure is None
    assert verify_draft(draft, sources, tiny_corpus).removed  # without the question: unsupported


def test_llm_with_wrong_numbers_and_invented_articles_falls_back(tiny_pipeline: AssistantPipeline) -> None:
    reply = "Người lao động được nghỉ 20 ngày mỗi năm [1]. Theo Điều 250 được cộng thêm 10 ngày [2]."
    with ScriptedChatServer(reply) as server:
        answer = scripted_llm(tiny_pipeline, server.base_url).ask(QUESTION)
    assert answer.generator == "extractive" and answer.fallback_reason is not None
    assert answer.fallback_reason.startswith("verification_failed")
    removed = answer.metadata["removed_citations"]
    assert any("«20»" in r for r in removed) and any("Điều 250" in r for r in removed)
    assert "20 ngày" not in answer.answer and answer.answer == tiny_pipeline.ask(QUESTION).answer


def test_english_reply_is_not_shown(tiny_pipeline: AssistantPipeline) -> None:
    reply = "Employees who work for 12 months get 12 working days of annual leave [1]."
    with ScriptedChatServer(reply) as server:
        answer = scripted_llm(tiny_pipeline, server.base_url).ask(QUESTION)
    assert answer.fallback_reason == "verification_failed: not Vietnamese"
    assert answer.generator == "extractive" and "Employees" not in answer.answer


def test_a_reply_that_streams_on_is_cut_off(tiny_pipeline: AssistantPipeline) -> None:
    endless = " ".join(["người lao động được nghỉ"] * 400)  # 2,000 words over 40 s
    with ScriptedChatServer(endless, seconds=40.0) as server:
        started = time.monotonic()
        answer = scripted_llm(tiny_pipeline, server.base_url, timeout_s=0.5).ask(QUESTION)
        elapsed = time.monotonic() - started
    assert answer.fallback_reason == "llm_timeout" and answer.generator == "extractive"
    assert elapsed < 10  # 3 × the read timeout, not the 40 s the server would take
