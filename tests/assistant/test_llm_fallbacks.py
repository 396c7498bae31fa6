"""LLM generator failures fall back to the extractive answer (real loopback HTTP servers)."""

from __future__ import annotations

import time

from assistant_fixtures import scripted_llm
from llm_servers import ScriptedChatServer, SilentServer, closed_port_url

from assistant.answer import Answer
from assistant.pipeline import AssistantPipeline, citations_resolve

QUESTION = "Người lao động được nghỉ hằng năm bao nhiêu ngày?"
TIMEOUT_S = 1.0


def _ask(tiny_pipeline: AssistantPipeline, base_url: str, timeout_s: float = 5.0) -> Answer:
    answer: Answer = scripted_llm(tiny_pipeline, base_url, timeout_s).ask(QUESTION)
    return answer


def _assert_extractive_fallback(answer: Answer, tiny_pipeline: AssistantPipeline) -> None:
    assert answer.generator == "extractive"
    assert not answer.abstained and answer.citations
    assert citations_resolve(tiny_pipeline.corpus, answer.citations)
    assert answer.answer == tiny_pipeline.ask(QUESTION).answer


class TestFallbacks:
    def test_verified_llm_answer_is_kept(self, tiny_pipeline: AssistantPipeline) -> None:
        reply = "Người lao động làm đủ 12 tháng được nghỉ 12 ngày làm việc [1]."
        with ScriptedChatServer(reply) as server:
            answer = _ask(tiny_pipeline, server.base_url)
        assert answer.generator == "openai:scripted" and answer.fallback_reason is None
        assert answer.answer.startswith(reply)
        assert [(c.article, c.clause) for c in answer.citations] == [(113, 1)]
        assert "Hỏi tư vấn viên" not in server.requests[0]["messages"][0]["content"]
        assert "[1] Khoản 1 Điều 113" in server.requests[0]["messages"][1]["content"]

    def test_unreachable_port(self, tiny_pipeline: AssistantPipeline) -> None:
        answer = _ask(tiny_pipeline, closed_port_url())
        assert answer.fallback_reason == "llm_unreachable"
        _assert_extractive_fallback(answer, tiny_pipeline)

    def test_timeout_is_bounded(self, tiny_pipeline: AssistantPipeline) -> None:
        with SilentServer() as server:
            started = time.monotonic()
            answer = _ask(tiny_pipeline, server.base_url, timeout_s=TIMEOUT_S)
            elapsed = time.monotonic() - started
        assert answer.fallback_reason == "llm_timeout"
        assert elapsed < TIMEOUT_S * 10  # bounded: no retries, no hang
        _assert_extractive_fallback(answer, tiny_pipeline)

    def test_empty_reply(self, tiny_pipeline: AssistantPipeline) -> None:
        with ScriptedChatServer("") as server:
            answer = _ask(tiny_pipeline, server.base_url)
        assert answer.fallback_reason == "llm_empty"
        _assert_extractive_fallback(answer, tiny_pipeline)

    def test_garbage_reply(self, tiny_pipeline: AssistantPipeline) -> None:
        with ScriptedChatServer("\ufffd\ufffd ### 0101 ;;; ..") as server:
            answer = _ask(tiny_pipeline, server.base_url)
        assert answer.fallback_reason == "llm_empty"
        _assert_extractive_fallback(answer, tiny_pipeline)

    def test_invented_sources_fail_verification(self, tiny_pipeline: AssistantPipeline) -> None:
        reply = "Người lao động được nghỉ 30 ngày mỗi năm [7]. Theo Điều 250 Bộ luật Lao động [9]."
        with ScriptedChatServer(reply) as server:
            answer = _ask(tiny_pipeline, server.base_url)
        assert answer.fallback_reason is not None
        assert answer.fallback_reason.startswith("verification_failed")
        assert any("[7]" in r for r in answer.metadata["removed_citations"])
        assert "30 ngày" not in answer.answer
        _assert_extractive_fallback(answer, tiny_pipeline)

    def test_partly_invented_reply_is_cleaned(self, tiny_pipeline: AssistantPipeline) -> None:
        reply = (
            "Người lao động làm đủ 12 tháng được nghỉ 12 ngày làm việc hưởng nguyên lương theo hợp "
            "đồng lao động [1]. Ngoài ra được thưởng thêm 3 ngày [8]."
        )
        with ScriptedChatServer(reply) as server:
            answer = _ask(tiny_pipeline, server.base_url)
        assert answer.fallback_reason is None
        assert "[8]" not in answer.answer and "3 ngày" not in answer.answer
        assert answer.metadata["removed_citations"]

    def test_stream_tokens_then_legal_basis(self, tiny_pipeline: AssistantPipeline) -> None:
        reply = "Người lao động làm đủ 12 tháng được nghỉ 12 ngày làm việc [1]."
        with ScriptedChatServer(reply) as server:
            pipeline = scripted_llm(tiny_pipeline, server.base_url, timeout_s=20.0)
            chunks = list(pipeline.stream(QUESTION))
            final = pipeline.ask(QUESTION)
        assert len(chunks) > 3  # token by token
        assert "".join(chunks) == final.answer
