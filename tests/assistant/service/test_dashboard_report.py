"""The leaders' dashboard: topic table over the real corpus, and the aggregates (days filled,
single-day view, week on week, shares, unanswered topics, CSV) over a real SQLite file holding
rows stored through the storage layer. The charts and the tab that draw them:
``tests/ui/test_dashboard_tab.py``."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from assistant.service.dashboard.access import require_leader
from assistant.service.dashboard.export import HEADER, write_csv
from assistant.service.dashboard.query import load_report
from assistant.service.dashboard.report import LOCAL_OFFSET, MAX_DAYS, local_day
from assistant.service.dashboard.sample import SampleRow, generated_rows, store_rows
from assistant.service.dashboard.topics import topic_table
from assistant.service.errors import PermissionDeniedError
from assistant.service.results import UserInfo
from assistant.service.storage.store import Store

# 10:00 on a Wednesday in Vietnam (03:00 UTC): the last 7 local days are 26/11–02/12.
NOW = datetime(2026, 12, 2, 3, 0)
LEAVE, OVERTIME, MATERNITY, SAFETY = (
    ("45/2019/QH14", 113),
    ("45/2019/QH14", 98),
    ("41/2024/QH15", 53),
    ("84/2015/QH13", 38),
)


def at(days_ago: int, hour: int) -> datetime:
    """UTC instant of ``hour`` o'clock local time, ``days_ago`` local days before NOW's."""
    day = local_day(NOW) - timedelta(days=days_ago)
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hour) - LOCAL_OFFSET


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    store = Store(f"sqlite:///{tmp_path / 'dashboard.db'}").open()
    yield store
    store.close()


def row(when: datetime, unit: tuple[str, int] | None, **flags: Any) -> SampleRow:
    law, article = unit if unit else (None, None)
    return SampleRow(when=when, law=law, article=article, **flags)


class TestTopicTable:
    def test_every_law_of_the_corpus_has_a_short_name_and_a_topic(self, corpus: Any) -> None:
        table = topic_table()
        for law_id in corpus.documents:
            assert law_id in table.short_names, law_id
            assert len(table.short_name(law_id)) <= 36, table.short_name(law_id)
            first = corpus.articles(law_id)[0].article
            assert table.topic(law_id, first) != table.unknown

    def test_every_article_range_lies_in_its_law(self, corpus: Any) -> None:
        for rule in topic_table().rules:
            for law_id in rule.laws:
                if law_id not in corpus.documents or rule.first is None or rule.last is None:
                    continue
                articles = {unit.article for unit in corpus.articles(law_id)}
                assert rule.first in articles and rule.last in articles, (law_id, rule)

    @pytest.mark.parametrize(
        ("law", "article", "topic"),
        [
            ("45/2019/QH14", 113, "Thời giờ làm việc, nghỉ ngơi"),
            ("45/2019/QH14", 46, "Hợp đồng lao động"),
            ("45/2019/QH14", 98, "Tiền lương"),
            ("45/2019/QH14", 125, "Kỷ luật lao động"),
            ("45/2019/QH14", 139, "Thai sản"),
            ("41/2024/QH15", 53, "Thai sản"),
            ("41/2024/QH15", 70, "BHXH"),
            ("74/2025/QH15", 38, "BHTN"),
            ("84/2015/QH13", 38, "An toàn lao động"),
            ("50/2024/QH15", 10, "Công đoàn"),
            ("45/2019/QH14", 188, "Tranh chấp lao động"),
        ],
    )
    def test_units_map_to_members_topics(self, law: str, article: int, topic: str) -> None:
        assert topic_table().topic(law, article) == topic

    def test_short_law_names(self) -> None:
        table = topic_table()
        assert table.short_name("45/2019/QH14") == "BLLĐ 2019"
        assert table.short_name("41/2024/QH15") == "Luật BHXH 2024"
        assert table.topic(None) == table.unknown and table.topic("1/2099/QH99", 1) == table.other


class TestAggregates:
    def test_days_without_questions_are_filled_with_zero(self, sqlite_store: Store) -> None:
        store_rows(sqlite_store, [row(at(5, 9), LEAVE), row(at(5, 15), OVERTIME), row(at(1, 10), LEAVE)])
        report = load_report(sqlite_store.engine, 7, now=NOW)
        assert report.timeline_kind == "day" and len(report.timeline) == 7
        counts = dict(report.timeline)
        assert counts[(local_day(NOW) - timedelta(days=5)).isoformat()] == 2
        assert counts[(local_day(NOW) - timedelta(days=1)).isoformat()] == 1
        assert sorted(counts.values()) == [0, 0, 0, 0, 0, 1, 2]
        assert report.timeline[-1][0] == local_day(NOW).isoformat()

    def test_one_day_of_data_is_shown_by_local_hour(self, sqlite_store: Store) -> None:
        store_rows(sqlite_store, [row(at(0, 8), LEAVE), row(at(0, 8), MATERNITY), row(at(0, 9), LEAVE)])
        report = load_report(sqlite_store.engine, 30, now=NOW)
        assert report.timeline_kind == "hour" and len(report.timeline) == 24
        assert dict(report.timeline)["08h"] == 2 and dict(report.timeline)["09h"] == 1
        assert report.single_day == local_day(NOW)

    def test_a_year_of_data_is_shown_by_week(self, sqlite_store: Store) -> None:
        rows = generated_rows(365, NOW, per_day=2, seed=3)
        store_rows(sqlite_store, rows)
        report = load_report(sqlite_store.engine, 365, now=NOW)
        assert report.timeline_kind == "week" and 52 <= len(report.timeline) <= 54
        assert sum(n for _, n in report.timeline) == report.total == len(rows)

    def test_no_data_gives_an_empty_report_not_errors(self, sqlite_store: Store) -> None:
        report = load_report(sqlite_store.engine, 90, now=NOW)
        assert report.total == 0 and report.timeline_kind == "empty" and len(report.timeline) == 90
        assert report.share(report.declined) is None and report.satisfaction is None
        assert report.week_change is None and not report.unanswered
        assert all(r.this_week == r.last_week == 0 for r in report.topics)

    @pytest.mark.parametrize("days", [0, -3, MAX_DAYS + 1])
    def test_out_of_range_days_are_refused_in_vietnamese(self, sqlite_store: Store, days: int) -> None:
        with pytest.raises(ValueError, match="Số ngày thống kê phải từ 1 đến"):
            load_report(sqlite_store.engine, days, now=NOW)

    def test_week_on_week_by_topic(self, sqlite_store: Store) -> None:
        this_week = [row(at(0, 9), LEAVE), row(at(2, 9), LEAVE), row(at(6, 9), MATERNITY)]
        last_week = [row(at(7, 9), LEAVE), row(at(13, 9), OVERTIME)]
        older = [row(at(20, 9), OVERTIME)]
        store_rows(sqlite_store, this_week + last_week + older)
        report = load_report(sqlite_store.engine, 7, now=NOW)
        assert (report.total, report.this_week, report.last_week) == (3, 3, 2)
        assert report.week_change == pytest.approx(0.5)
        by_topic = {r.topic: (r.this_week, r.last_week) for r in report.topics}
        assert by_topic["Thời giờ làm việc, nghỉ ngơi"] == (2, 1)
        assert by_topic["Tiền lương"] == (0, 1) and by_topic["Thai sản"] == (1, 0)

    def test_shares_satisfaction_and_unanswered_topics(self, sqlite_store: Store) -> None:
        rows = [
            row(at(1, 9), LEAVE, rating=1),
            row(at(1, 10), LEAVE, verified=True, rating=1),
            row(at(1, 11), OVERTIME, rating=-1),
            row(at(2, 9), SAFETY, abstained=True, escalated=True),
            row(at(2, 10), SAFETY, abstained=True),
            row(at(3, 9), MATERNITY, escalated=True, rating=-1),
            row(at(3, 10), None, abstained=True),
            row(at(40, 10), OVERTIME),  # outside the 30-day window
        ]
        store_rows(sqlite_store, rows)
        report = load_report(sqlite_store.engine, 30, now=NOW)
        assert report.total == 7
        assert (report.answered, report.declined, report.escalated, report.verified) == (4, 3, 2, 1)
        assert report.share(report.declined) == pytest.approx(3 / 7)
        assert (report.rated_up, report.rated_down) == (2, 2) and report.satisfaction == pytest.approx(0.5)
        worst = [(r.topic, r.declined, r.rated_down) for r in report.unanswered]
        assert worst[0] == ("An toàn lao động", 2, 0)  # declined retrieved units still have a topic
        assert ("Tiền lương", 0, 1) in worst and ("Thai sản", 0, 1) in worst
        assert ("Chưa xác định chủ đề", 1, 0) in worst
        assert dict(report.laws)["BLLĐ 2019"] == 3

    def test_csv_export_holds_every_table(self, sqlite_store: Store, tmp_path: Path) -> None:
        store_rows(sqlite_store, [row(at(1, 9), LEAVE), row(at(3, 9), SAFETY, abstained=True)])
        report = load_report(sqlite_store.engine, 7, now=NOW)
        path = write_csv(report, tmp_path / "out" / "thong-ke.csv")
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # opens in a spreadsheet with its diacritics
        with path.open(encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle))
        assert tuple(table[0]) == HEADER
        sections = [r[0] for r in table[1:]]
        assert sections.count("Theo ngày") == 7 and "Chủ đề" in sections and "Văn bản" in sections
        safety = next(r for r in table if r[:2] == ["Chủ đề", "An toàn lao động"])
        assert safety[2:4] == ["1", "1"]


def test_the_dashboard_is_for_leaders_advisors_and_admins() -> None:
    for role in ("leader", "advisor", "admin"):
        assert require_leader(UserInfo(1, "A", role)).role == role
    with pytest.raises(PermissionDeniedError, match="lãnh đạo công đoàn"):
        require_leader(UserInfo(2, "B", "member"))
    with pytest.raises(PermissionDeniedError):
        require_leader(None)


def test_the_report_reads_alike_on_sqlite_and_postgresql(store: Store) -> None:
    """``store`` runs on both backends (conftest): JSON citations, dates and ratings read alike."""
    store_rows(
        store,
        [row(at(1, 9), LEAVE, rating=1), row(at(1, 10), SAFETY, abstained=True), row(at(3, 22), MATERNITY)],
    )
    report = load_report(store.engine, 7, now=NOW)
    assert (report.total, report.declined, report.rated_up) == (3, 1, 1)
    topics = {r.topic for r in report.topics}
    assert topics == {"Thời giờ làm việc, nghỉ ngơi", "An toàn lao động", "Thai sản"}
    assert dict(report.timeline)[(local_day(NOW) - timedelta(days=3)).isoformat()] == 1
