"""What the leaders' dashboard shows, computed from plain facts about stored interactions.

Days are local days in Vietnam (UTC+7; the database keeps UTC). Every day of the window is
present (0 when nobody asked); a window with questions on a single day is shown by hour, so
one day of data draws something; a window longer than ``DAILY_LIMIT`` days is shown by week.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

LOCAL_OFFSET = timedelta(hours=7)  # Asia/Ho_Chi_Minh, no daylight saving
DAILY_LIMIT = 92  # up to a quarter by day; longer windows by week
MAX_DAYS = 3650
TOP_LAWS = 8

Timeline = Literal["hour", "day", "week", "empty"]


@dataclass(frozen=True)
class InteractionFact:
    created_at: datetime  # UTC, naive (as stored)
    topic: str
    law: str | None  # short law name of the unit the topic came from
    abstained: bool
    escalated: bool
    verified: bool


@dataclass(frozen=True)
class RatingFact:
    created_at: datetime  # UTC, naive
    rating: int  # +1 useful, -1 not right
    topic: str


@dataclass(frozen=True)
class TopicRow:
    topic: str
    questions: int
    declined: int
    rated_down: int
    this_week: int
    last_week: int

    @property
    def unanswered(self) -> int:
        return self.declined + self.rated_down


@dataclass(frozen=True)
class DashboardReport:
    days: int
    start: date  # first local day of the window
    end: date  # last local day (today)
    total: int
    timeline_kind: Timeline
    timeline: tuple[tuple[str, int], ...]  # (label, questions), every slot filled
    active_days: int
    topics: tuple[TopicRow, ...]  # most asked first
    laws: tuple[tuple[str, int], ...]  # (short law name, questions)
    answered: int
    declined: int
    escalated: int
    verified: int
    rated_up: int
    rated_down: int
    this_week: int  # the last 7 local days
    last_week: int  # the 7 before
    pending_reviews: int = 0
    single_day: date | None = None  # the only day with questions (the chart is then by hour)
    unanswered: tuple[TopicRow, ...] = field(default=())  # most declined or rated down first

    def share(self, count: int) -> float | None:
        return count / self.total if self.total else None

    @property
    def satisfaction(self) -> float | None:
        rated = self.rated_up + self.rated_down
        return self.rated_up / rated if rated else None

    @property
    def week_change(self) -> float | None:
        """Relative change of this week over last week; None when last week had none."""
        return (self.this_week - self.last_week) / self.last_week if self.last_week else None


def local_day(stamp: datetime) -> date:
    return (stamp + LOCAL_OFFSET).date()


def window_start(days: int, now: datetime) -> datetime:
    """The UTC instant the window of ``days`` local days ending today begins."""
    first = local_day(now) - timedelta(days=days - 1)
    return datetime.combine(first, datetime.min.time()) - LOCAL_OFFSET


def fetch_start(days: int, now: datetime) -> datetime:
    """What to read: the window, and at least the two weeks the week-on-week trend compares."""
    return window_start(max(days, 14), now)


def _timeline(
    stamps: Sequence[datetime], start: date, end: date
) -> tuple[Timeline, tuple[tuple[str, int], ...], int]:
    days = Counter(local_day(s) for s in stamps)
    if not days:
        kind: Timeline = "empty"
    elif len(days) == 1:
        hours = Counter((s + LOCAL_OFFSET).hour for s in stamps)
        return "hour", tuple((f"{h:02d}h", hours.get(h, 0)) for h in range(24)), 1
    else:
        kind = "day" if (end - start).days + 1 <= DAILY_LIMIT else "week"
    if kind == "week":
        monday = start - timedelta(days=start.weekday())
        weeks: Counter[date] = Counter()
        for day, n in days.items():
            weeks[day - timedelta(days=day.weekday())] += n
        slots = [monday + timedelta(weeks=i) for i in range((end - monday).days // 7 + 1)]
        return kind, tuple((f"Tuần {w:%d/%m/%Y}", weeks.get(w, 0)) for w in slots), len(days)
    span = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    return kind, tuple((d.isoformat(), days.get(d, 0)) for d in span), len(days)


def _topic_rows(window: Sequence[InteractionFact], ratings: Iterable[RatingFact]) -> tuple[TopicRow, ...]:
    asked = Counter(f.topic for f in window)
    declined = Counter(f.topic for f in window if f.abstained)
    down = Counter(r.topic for r in ratings if r.rating < 0)
    return tuple(
        sorted(
            (
                TopicRow(
                    topic=topic,
                    questions=asked.get(topic, 0),
                    declined=declined.get(topic, 0),
                    rated_down=down.get(topic, 0),
                    this_week=0,
                    last_week=0,
                )
                for topic in set(asked) | set(down)
            ),
            key=lambda row: (-row.questions, row.topic),
        )
    )


def _with_weeks(
    rows: tuple[TopicRow, ...], facts: Sequence[InteractionFact], now: datetime
) -> tuple[TopicRow, ...]:
    this_start, last_start = window_start(7, now), window_start(14, now)
    this = Counter(f.topic for f in facts if f.created_at >= this_start)
    last = Counter(f.topic for f in facts if last_start <= f.created_at < this_start)
    known = {row.topic for row in rows}
    extra = [TopicRow(t, 0, 0, 0, 0, 0) for t in sorted((set(this) | set(last)) - known)]
    return tuple(
        TopicRow(r.topic, r.questions, r.declined, r.rated_down, this.get(r.topic, 0), last.get(r.topic, 0))
        for r in (*rows, *extra)
    )


def build_report(
    days: int,
    facts: Sequence[InteractionFact],
    ratings: Sequence[RatingFact],
    *,
    now: datetime,
    pending_reviews: int = 0,
) -> DashboardReport:
    """The dashboard for the ``days`` local days ending with today's (``now`` is UTC)."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"Số ngày thống kê phải từ 1 đến {MAX_DAYS}; nhận được {days}.")
    since = window_start(days, now)
    window = [f for f in facts if since <= f.created_at <= now]
    rated = [r for r in ratings if since <= r.created_at <= now]
    start, end = local_day(since), local_day(now)
    kind, timeline, active = _timeline([f.created_at for f in window], start, end)
    rows = _with_weeks(_topic_rows(window, rated), facts, now)
    window_rows = tuple(r for r in rows if r.questions or r.rated_down)
    laws = Counter(f.law for f in window if f.law)
    this_start, last_start = window_start(7, now), window_start(14, now)
    return DashboardReport(
        days=days,
        start=start,
        end=end,
        total=len(window),
        timeline_kind=kind,
        timeline=timeline,
        active_days=active,
        topics=rows,
        laws=tuple(sorted(laws.items(), key=lambda item: (-item[1], item[0]))[:TOP_LAWS]),
        answered=sum(1 for f in window if not f.abstained),
        declined=sum(1 for f in window if f.abstained),
        escalated=sum(1 for f in window if f.escalated),
        verified=sum(1 for f in window if f.verified),
        rated_up=sum(1 for r in rated if r.rating > 0),
        rated_down=sum(1 for r in rated if r.rating < 0),
        this_week=sum(1 for f in facts if this_start <= f.created_at <= now),
        last_week=sum(1 for f in facts if last_start <= f.created_at < this_start),
        pending_reviews=pending_reviews,
        single_day=local_day(window[0].created_at) if kind == "hour" else None,
        unanswered=tuple(
            sorted(
                (r for r in window_rows if r.unanswered), key=lambda r: (-r.unanswered, -r.declined, r.topic)
            )
        ),
    )
