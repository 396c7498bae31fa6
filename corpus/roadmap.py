"""Retirement-age roadmap tables (135/2020/NĐ-CP Phụ lục I–II) as data a calculator can use.

The appendix text holds one Markdown pipe table per group ("Lao động nam", "Lao động nữ"):
``Tháng sinh | Năm sinh | Tuổi nghỉ hưu | Tháng hưởng lương hưu | Năm hưởng lương hưu``, closed by
a rule row ("Từ tháng 5/1975 trở đi | 60 tuổi | Tháng liền kề sau tháng ... đủ 60 tuổi |").

Pure functions: ``parse_roadmap`` reads an appendix unit, ``retirement`` looks a birth month up,
``roadmap_row_units`` turns the one giant table row into one unit per group and birth year so
that retrieval finds "nữ sinh năm 1970" and a citation shows the lines that answer it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from corpus.model import LegalUnit, UnitKind

_HEADER = re.compile(r"^Tháng sinh\s*\|\s*Năm sinh\s*\|")
_GROUP = re.compile(r"^Lao động (nam|nữ)\s*$")
_ROW = re.compile(
    r"^(\d{1,2})\s*\|\s*(\d{4})\s*\|\s*(\d{2}) tuổi(?: (\d{1,2}) tháng)?\s*\|\s*(\d{1,2})\s*\|\s*(\d{4})"
)
_RULE = re.compile(r"^Từ tháng (\d{1,2})/(\d{4}) trở đi\s*\|\s*(\d{2}) tuổi")


@dataclass(frozen=True)
class RoadmapRow:
    birth_month: int
    birth_year: int
    age_years: int
    age_months: int
    pension_month: int
    pension_year: int


@dataclass(frozen=True)
class RoadmapTable:
    appendix_id: str  # "135/2020/NĐ-CP:pl1"
    title: str  # the appendix title
    group: str  # "nam" | "nữ"
    rows: tuple[RoadmapRow, ...]
    # "Từ tháng M/Y trở đi": (M, Y, age in years) for everyone born from that month on.
    rule: tuple[int, int, int] | None = None


@dataclass(frozen=True)
class Retirement:
    """Result of a lookup: the age and the first month of pension, with the table it came from."""

    group: str
    birth_month: int
    birth_year: int
    age_years: int
    age_months: int
    pension_month: int
    pension_year: int
    appendix_id: str
    from_rule: bool  # computed from the closing rule row rather than read from a row

    def describe(self) -> str:
        age = f"{self.age_years} tuổi" + (f" {self.age_months} tháng" if self.age_months else "")
        return (
            f"Lao động {self.group} sinh tháng {self.birth_month}/{self.birth_year}: tuổi nghỉ hưu {age}; "
            f"hưởng lương hưu từ tháng {self.pension_month}/{self.pension_year}."
        )


def is_roadmap(unit: LegalUnit) -> bool:
    return unit.kind is UnitKind.APPENDIX and any(_HEADER.match(ln) for ln in unit.text.split("\n"))


def parse_roadmap(appendix: LegalUnit) -> list[RoadmapTable]:
    """Every group table of one appendix; raises ValueError naming a row that does not parse."""
    tables: list[RoadmapTable] = []
    group: str | None = None
    rows: list[RoadmapRow] = []
    rule: tuple[int, int, int] | None = None

    def close() -> None:
        if group is not None and rows:
            tables.append(RoadmapTable(appendix.id, appendix.title, group, tuple(rows), rule))

    for number, line in enumerate(appendix.text.split("\n"), 1):
        line = line.strip()
        if _GROUP.match(line):
            close()
            group, rows, rule = _GROUP.match(line).group(1), [], None  # type: ignore[union-attr]
        elif (match := _ROW.match(line)) is not None:
            m, y, age, months, pm, py = match.groups()
            rows.append(RoadmapRow(int(m), int(y), int(age), int(months or 0), int(pm), int(py)))
        elif (match := _RULE.match(line)) is not None:
            rule = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
        elif "|" in line and not _HEADER.match(line) and not set(line) <= set("-| "):
            raise ValueError(f"{appendix.id}: table line {number} not understood: {line[:80]!r}")
    close()
    return tables


def _months(year: int, month: int) -> int:
    return year * 12 + month - 1


def check_rows(table: RoadmapTable) -> list[str]:
    """Rows whose pension month is not the month after the birth month plus the age."""
    problems = []
    for row in table.rows:
        reached = _months(row.birth_year, row.birth_month) + row.age_years * 12 + row.age_months
        if _months(row.pension_year, row.pension_month) != reached + 1:
            problems.append(f"{table.appendix_id} ({table.group}) {row.birth_month}/{row.birth_year}")
    return problems


def retirement(
    tables: list[RoadmapTable], group: str, birth_month: int, birth_year: int
) -> Retirement | None:
    """Look up the retirement age and first pension month; None when the tables do not cover it."""
    if not 1 <= birth_month <= 12:
        raise ValueError(f"birth_month must be 1..12, got {birth_month}")
    for table in (t for t in tables if t.group == group):
        for row in table.rows:
            if (row.birth_month, row.birth_year) == (birth_month, birth_year):
                return Retirement(
                    group,
                    birth_month,
                    birth_year,
                    row.age_years,
                    row.age_months,
                    row.pension_month,
                    row.pension_year,
                    table.appendix_id,
                    False,
                )
        if table.rule and (birth_year, birth_month) >= (table.rule[1], table.rule[0]):
            age = table.rule[2]
            month = _months(birth_year, birth_month) + age * 12 + 1
            return Retirement(
                group, birth_month, birth_year, age, 0, month % 12 + 1, month // 12, table.appendix_id, True
            )
    return None


def _row_text(table: RoadmapTable, year: int) -> str:
    lines = []
    for row in (r for r in table.rows if r.birth_year == year):
        age = f"{row.age_years} tuổi" + (f" {row.age_months} tháng" if row.age_months else "")
        lines.append(
            f"Lao động {table.group} sinh tháng {row.birth_month}/{year}: tuổi nghỉ hưu {age}, "
            f"hưởng lương hưu từ tháng {row.pension_month}/{row.pension_year}."
        )
    return "\n".join(lines)


def roadmap_row_units(appendix: LegalUnit, tables: list[RoadmapTable]) -> list[LegalUnit]:
    """One appendix-row unit per group and birth year, plus one for each closing rule."""
    out: list[LegalUnit] = []
    for table in tables:
        for year in sorted({r.birth_year for r in table.rows}):
            title = f"Lao động {table.group} sinh năm {year}"
            out.append(_row_unit(appendix, len(out) + 1, title, _row_text(table, year)))
        if table.rule:
            m, y, age = table.rule
            title = f"Lao động {table.group} sinh từ tháng {m}/{y} trở đi"
            text = (
                f"{title}: tuổi nghỉ hưu {age} tuổi; hưởng lương hưu từ tháng liền kề sau tháng "
                f"người lao động đủ {age} tuổi."
            )
            out.append(_row_unit(appendix, len(out) + 1, title, text))
    return out


def _row_unit(appendix: LegalUnit, number: int, title: str, text: str) -> LegalUnit:
    return LegalUnit(
        id=f"{appendix.id}:r{number}",
        law_id=appendix.law_id,
        kind=UnitKind.APPENDIX_ROW,
        number=str(number),
        title=title,
        text=text,
        parent_id=appendix.id,
        path=(appendix.title,),
    )


def split_roadmap_rows(units: list[LegalUnit]) -> tuple[list[LegalUnit], list[str]]:
    """Replace the single whole-table row of each roadmap appendix by per-year rows."""
    out: list[LegalUnit] = []
    warnings: list[str] = []
    roadmaps = {u.id: u for u in units if is_roadmap(u)}
    for unit in units:
        if unit.kind is UnitKind.APPENDIX_ROW and unit.parent_id in roadmaps:
            continue  # replaced below, right after its appendix
        out.append(unit)
        if unit.id in roadmaps:
            tables = parse_roadmap(unit)
            for table in tables:
                warnings += [
                    f"{p}: pension month is not the month after the age is reached" for p in check_rows(table)
                ]
            out += [replace(r, sources=unit.sources) for r in roadmap_row_units(unit, tables)]
    return out, warnings


def roadmap_tables(units: list[LegalUnit] | dict[str, LegalUnit]) -> list[RoadmapTable]:
    """Every roadmap table of a corpus (``Corpus.units``), in document order."""
    values = units.values() if isinstance(units, dict) else units
    return [table for unit in values if is_roadmap(unit) for table in parse_roadmap(unit)]
