"""Which answers enter the advisors' queue on their own (issue 14): pure decisions over the
public answer JSON, with the assistant's real decline messages."""

from __future__ import annotations

import pytest

from assistant import messages
from assistant.service.queue_policy import AUTO_QUEUE_BELOW, outcome, queue_reason


def answer(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {"answer": "12 ngày làm việc.", "abstained": False, "confidence": 0.8}
    values.update(changes)
    return values


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        (messages.DECLINE_OUT_OF_SCOPE, "out_of_scope"),
        (messages.DECLINE_INJECTION, "injection"),
        (messages.DECLINE_EVASION, "evasion"),
        (messages.DECLINE_NO_EVIDENCE, "no_evidence"),
        ("Người lao động được nghỉ 12 ngày.", None),
    ],
)
def test_decline_kind_reads_the_message(message: str, kind: str | None) -> None:
    assert messages.decline_kind(message) == kind


def test_off_topic_injection_and_evasion_declines_stay_out() -> None:
    for message in (messages.DECLINE_OUT_OF_SCOPE, messages.DECLINE_INJECTION, messages.DECLINE_EVASION):
        declined = answer(answer=message, abstained=True, confidence=0.0)
        assert queue_reason(declined) is None
        assert queue_reason(declined, member_request=True) == "member_request"  # the member insists


def test_a_labour_question_without_a_provision_and_an_unsure_answer_go_in() -> None:
    assert queue_reason(answer(answer=messages.DECLINE_NO_EVIDENCE, abstained=True)) == "escalated"
    assert queue_reason(answer(confidence=AUTO_QUEUE_BELOW - 0.01)) == "low_confidence"
    assert queue_reason(answer(confidence=AUTO_QUEUE_BELOW)) is None
    # the pipeline's escalate flag alone (a caveat for the member) does not queue
    assert queue_reason(answer(escalate=True, confidence=0.45)) is None
    assert queue_reason(answer(generator="verified", confidence=0.0)) is None


def test_outcome_names_the_breakdown() -> None:
    assert outcome(answer()) == "answered"
    assert outcome(answer(confidence=0.1)) == "queued:low_confidence"
    assert outcome(answer(answer=messages.DECLINE_EVASION, abstained=True)) == "declined:evasion"
