"""Which answers enter the advisors' queue on their own, and why (issue 14).

The pipeline's ``escalate`` flag puts a caveat under an answer and invites the member to press
"Hỏi tư vấn viên"; it no longer queues the answer by itself: with it, 47% of questions reached
advisors, burying the members' own requests. An answer enters the queue on its own only when

- the assistant found no provision for a labour question (a ``no_evidence`` decline): reason
  ``escalated``; or
- it answered with a confidence below ``AUTO_QUEUE_BELOW``: reason ``low_confidence``.

Declines of off-topic questions (greetings among them), injections and evasion requests never
enter the queue: an advisor has nothing to verify there. A member's own request and a thumbs
down always do (``member_request``, ``thumbs_down``), whatever the answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.messages import decline_kind

# Chosen on dev_tune with ``benchmarks/advisor_share.py``: the answers below it are the least
# likely to cite the right provision, and the share of dev questions queued stays under 15%
# (0.35: 11% of dev_tune; the pipeline's own escalate_below, 0.53, queued 25%).
AUTO_QUEUE_BELOW = 0.35
# Declines an advisor has nothing to verify in.
KEPT_OUT = frozenset({"out_of_scope", "injection", "evasion"})


def queue_reason(answer: Mapping[str, Any], *, member_request: bool = False) -> str | None:
    """The queue reason for an answer the member just got, or None to keep it out of the queue."""
    if member_request:
        return "member_request"
    if answer.get("generator") == "verified":
        return None
    if answer.get("abstained"):
        kind = decline_kind(str(answer.get("answer") or ""))
        return None if kind in KEPT_OUT else "escalated"
    if float(answer.get("confidence", 0.0)) < AUTO_QUEUE_BELOW:
        return "low_confidence"
    return None


def outcome(answer: Mapping[str, Any]) -> str:
    """One word for a benchmark's breakdown: the decline kind, ``answered`` or ``queued:<reason>``."""
    reason = queue_reason(answer)
    if reason is not None:
        return f"queued:{reason}"
    if answer.get("abstained"):
        return f"declined:{decline_kind(str(answer.get('answer') or '')) or 'other'}"
    return "answered"
