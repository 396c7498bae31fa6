"""Generated interactions for the dashboard's tests and screenshots, stored through the real
storage layer (``Store.record_interaction`` and ``Store.add_feedback``), then dated.

The questions are placeholders (no member's text); the cited units are real units of the
corpus, spread over the topics members ask about most.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, update

from assistant.service.dashboard.report import LOCAL_OFFSET, local_day
from assistant.service.storage.models import Feedback, Interaction
from assistant.service.storage.records import InteractionDraft
from assistant.service.storage.store import Store

# (law, article, weight): how often members' questions land on each unit.
UNITS: tuple[tuple[str, int, int], ...] = (
    ("45/2019/QH14", 113, 9),  # nghỉ hằng năm
    ("45/2019/QH14", 98, 8),  # làm thêm giờ
    ("45/2019/QH14", 46, 7),  # trợ cấp thôi việc
    ("45/2019/QH14", 35, 6),  # đơn phương chấm dứt
    ("45/2019/QH14", 94, 5),  # trả lương
    ("45/2019/QH14", 125, 4),  # sa thải
    ("45/2019/QH14", 139, 4),  # nghỉ thai sản
    ("41/2024/QH15", 53, 5),  # thai sản khi sinh con
    ("41/2024/QH15", 70, 5),  # BHXH một lần
    ("74/2025/QH15", 38, 5),  # trợ cấp thất nghiệp
    ("84/2015/QH13", 38, 2),  # tai nạn lao động
    ("50/2024/QH15", 10, 2),  # quyền gia nhập công đoàn
    ("45/2019/QH14", 188, 2),  # tranh chấp
    ("293/2025/NĐ-CP", 3, 3),  # lương tối thiểu vùng
)


@dataclass(frozen=True)
class SampleRow:
    when: datetime  # UTC, naive
    law: str | None
    article: int | None
    abstained: bool = False
    escalated: bool = False
    verified: bool = False
    rating: int = 0  # 0: not rated


def draft_for(row: SampleRow) -> InteractionDraft:
    unit = [] if row.law is None else [{"law_id": row.law, "article": row.article}]
    return InteractionDraft(
        question="(câu hỏi mẫu)",
        answer={
            "answer": "(trả lời mẫu)",
            "citations": [] if row.abstained else unit,
            "abstained": row.abstained,
        },
        confidence=0.3 if row.abstained else 0.8,
        abstained=row.abstained,
        escalated=row.escalated,
        generator="sample",
        latency_ms=1.0,
        verified_answer_id=1 if row.verified else None,
        topic_law=None if row.abstained else row.law,
        sources=tuple({**u, "clause": None, "title": "", "score": 0.5} for u in unit),
    )


def store_rows(store: Store, rows: list[SampleRow]) -> list[int]:
    """Record ``rows`` through the storage layer, then give each its date (the store stamps now)."""
    ids, stamps, rated = [], [], []
    for row in rows:
        interaction_id, _, _ = store.record_interaction(draft_for(row), None)
        ids.append(interaction_id)
        stamps.append({"row_id": interaction_id, "stamp": row.when})
        if row.rating:
            feedback_id, _ = store.add_feedback(interaction_id, row.rating, "", None, None)
            rated.append({"row_id": feedback_id, "stamp": row.when + timedelta(minutes=5)})
    with store.engine.begin() as connection:
        connection.execute(
            update(Interaction)
            .where(Interaction.id == bindparam("row_id"))
            .values(created_at=bindparam("stamp")),
            stamps,
        )
        if rated:
            connection.execute(
                update(Feedback)
                .where(Feedback.id == bindparam("row_id"))
                .values(created_at=bindparam("stamp")),
                rated,
            )
    return ids


def generated_rows(days: int, now: datetime, *, per_day: int = 20, seed: int = 7) -> list[SampleRow]:
    """About ``per_day`` questions a working day (fewer at weekends, growing over the period),
    asked 7:00–21:00 local time, ending ``now``; declines, escalations, verified answers and
    ratings in plausible shares."""
    rng = random.Random(seed)
    laws = [(law, article) for law, article, _ in UNITS]
    weights = [w for _, _, w in UNITS]
    today = local_day(now)
    rows = []
    for back in range(days - 1, -1, -1):
        day = today - timedelta(days=back)
        base = per_day * (0.4 if day.weekday() >= 5 else 1.0) * (0.7 + 0.6 * (days - back) / days)
        for _ in range(max(0, round(rng.gauss(base, base * 0.2)))):
            local = datetime.combine(day, datetime.min.time()) + timedelta(
                minutes=rng.randint(7 * 60, 21 * 60)
            )
            when = local - LOCAL_OFFSET
            if when > now:
                continue
            law, article = rng.choices(laws, weights)[0]
            declined = rng.random() < (0.25 if law == "84/2015/QH13" else 0.08)
            rating = 0 if rng.random() > 0.25 else (1 if rng.random() < 0.8 else -1)
            rows.append(
                SampleRow(
                    when=when,
                    law=law,
                    article=article,
                    abstained=declined,
                    escalated=declined or rng.random() < 0.05,
                    verified=not declined and rng.random() < 0.07,
                    rating=rating,
                )
            )
    return rows
