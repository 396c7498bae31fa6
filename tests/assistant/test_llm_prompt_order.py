"""The LLM reads the deciding rule first: source [1] of its prompt is the unit the extractive
ranker opens with, quoted in its clause with the lead-in (real corpus and retriever, a scripted
OpenAI-compatible server on loopback that records the prompt)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from llm_servers import ScriptedChatServer

from assistant.stack import make_pipeline

STORY = "em mang bầu tháng thứ 7, tổ trưởng vẫn xếp tăng ca tới 9h tối, vậy có đúng ko ạ"


def test_source_one_is_the_decisive_clause(settings: Any, corpus: Any, retriever: Any, pipeline: Any) -> None:
    decisive = pipeline.ask(STORY).metadata["decisive_unit"]
    assert decisive == "45/2019/QH14:d137:k1:a"
    reply = "Không được: công ty không được sử dụng lao động nữ mang thai từ tháng thứ 07 làm thêm giờ [1]."
    with ScriptedChatServer(reply) as server:
        llm = replace(settings, llm_base_url=server.base_url, llm_model="scripted")
        answer = make_pipeline(llm, corpus, retriever, "openai").ask(STORY)
        prompt = server.requests[0]["messages"][-1]["content"]
    first = prompt.split("\n\n[2]")[0]
    assert "[1] Khoản 1 Điều 137" in first, first[:200]
    assert "trong trường hợp sau đây:" in first and "a) Mang thai từ tháng thứ 07" in first
    assert prompt.count("[1] ") == 1
    assert answer.generator.startswith("openai") and "tháng thứ 07" in answer.answer
    assert answer.citations[0].article == 137 and answer.citations[0].clause == 1
