"""Which minimum-wage region a ward or commune is in, read from the appendix of NĐ 293/2025.

The appendix lists, per province, the wards (phường), communes (xã) and special zones (đặc khu)
of each region and ends with "các xã, phường còn lại" (the rest). It is read from the built
corpus once, so the table is the law's own text, never a copy kept in the code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from corpus.text import fold

ND293 = "293/2025/NĐ-CP"
_REGION_LINE = re.compile(r"^-\s*Vùng\s+(I{1,3}|IV),\s*gồm\s+(.*)$")
_KIND = re.compile(r"(?:;|\s+và)?\s*(?:các\s+)?(phường|xã|đặc khu)\s+")
_PROVINCE_PREFIX = re.compile(r"^(?:\d+\.\s*)?(?:tỉnh|thành phố)\s+", re.IGNORECASE)
_NAMED_PLACE = re.compile(r"\b(?:phuong|xa|dac khu)\s+([a-z0-9]+(?:\s[a-z0-9]+){0,3})")


@dataclass(frozen=True)
class ProvinceRegions:
    province: str  # "Thành phố Hà Nội"
    places: dict[str, tuple[str, str]]  # folded place name -> (region, place as written)
    rest: str  # region of "các xã, phường còn lại"


@dataclass(frozen=True)
class RegionMatch:
    region: str
    province: str
    place: str


def parse_province(title: str, text: str) -> ProvinceRegions:
    places: dict[str, tuple[str, str]] = {}
    rest = ""
    for line in text.splitlines():
        match = _REGION_LINE.match(line.strip())
        if match is None:
            continue
        region, body = match.groups()
        if "còn lại" in body:
            rest = region
            continue
        pieces = _KIND.split(" " + body.rstrip(". "))
        for kind, names in zip(pieces[1::2], pieces[2::2], strict=False):
            for name in re.split(r",|\s+và\s+", names):
                name = name.strip(" .")
                if name:
                    places[fold(name)] = (region, f"{kind} {name}")
    return ProvinceRegions(title.strip(), places, rest)


def provinces_from_units(rows: list[tuple[str, str]]) -> tuple[ProvinceRegions, ...]:
    """(title, text) of each appendix row -> the parsed provinces."""
    return tuple(parse_province(title, text) for title, text in rows)


@lru_cache(maxsize=1)
def load_provinces(data_dir: Path | None = None) -> tuple[ProvinceRegions, ...]:
    from corpus.model import UnitKind
    from corpus.settings import Settings
    from corpus.store import load_corpus

    directory = data_dir or Settings.from_env().data_dir
    corpus = load_corpus(Path(directory) / "corpus")
    rows = [
        (u.title, u.text)
        for u in corpus.iter_units(UnitKind.APPENDIX_ROW)
        if u.law_id == corpus.resolve_law(ND293)
    ]
    return provinces_from_units(rows)


def _contains(haystack: str, needle: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(needle)}(?![a-z0-9])", haystack) is not None


def match_region(query: str, provinces: tuple[ProvinceRegions, ...]) -> RegionMatch | None:
    """The region of the place named in ``query``, or None when it is unknown or ambiguous."""
    text = fold(query)
    named = [p for p in provinces if _contains(text, fold(_PROVINCE_PREFIX.sub("", p.province)))]
    candidates = named or list(provinces)
    hits = []
    for province in candidates:
        for key, (region, place) in province.places.items():
            if _contains(text, key):
                hits.append((len(key), province, region, place))
    if hits:
        best = max(h[0] for h in hits)
        top = {(h[1].province, h[2], h[3]) for h in hits if h[0] == best}
        if len({region for _, region, _ in top}) == 1:
            province_name, region, place = sorted(top)[0]
            return RegionMatch(region, province_name, place)
        return None
    named_place = _NAMED_PLACE.search(text)
    if len(named) == 1 and named_place is not None:
        # a ward or commune named, not listed in the province: "các xã, phường còn lại"
        return RegionMatch(named[0].rest, named[0].province, named_place.group(0))
    return None


def find_region(query: str) -> RegionMatch | None:
    return match_region(query, load_provinces())


def province_named(query: str) -> ProvinceRegions | None:
    """The one province named in ``query`` (to say which regions its wards fall in)."""
    text = fold(query)
    named = [p for p in load_provinces() if _contains(text, fold(_PROVINCE_PREFIX.sub("", p.province)))]
    return named[0] if len(named) == 1 else None
