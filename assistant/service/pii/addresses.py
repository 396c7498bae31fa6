"""Street-level addresses: "45 Nguyễn Trãi, Thanh Xuân", "ngõ 34 phố Huế", "xã Yên Phong"...

An address is a chain of parts joined by commas. It starts with a house number after a place
word ("ở", "tại", "số"...) or before a street word, or with a street-level word (ngõ, hẻm,
phường, xã, thôn...) followed by a number or a capitalised name; then district, city and
province parts may follow. "quận 7" or "Hà Nội" alone are not an address (too coarse to identify
anyone), nor is "Điều 113 Bộ luật" (no place word before the number). Everything after
"địa chỉ:" up to the end of the clause is an address.
Rules run on the folded text (no diacritics, lower case); capitals are read from the original.
"""

from __future__ import annotations

import re

from assistant.service.pii.spans import Span, is_capitalised

NUM = r"\d+[a-z]?(?:/\d+[a-z]?)*(?![\w/])"
STRONG = (
    r"so nha|ngo|ngach|hem|kiet|duong so|duong|pho|to dan pho|khu pho|thon|xom|ap|xa|phuong|"
    r"chung cu|khu tap the|ktx|ban|phong"
)
WEAK = r"quan|huyen|thi xa|thi tran|thanh pho|tp|tinh"
LEAD = r"\b(?:o|tai|nha|tro|song|ve|den|so|cua (?:em|toi|minh)|nha (?:em|toi|minh)|dia chi)[ \t]*:?[ \t]*$"
NEEDS_NUMBER = {"phong", "duong so", "xom", "khu pho", "to dan pho", "ban"}
LINE_RE = re.compile(
    r"\bdia chi(?:[ \t]+(?:nha|thuong tru|tam tru|lien he|cua (?:toi|em|minh)))?[ \t]*+(?:la\b|:)?[ \t]*+"
    r"(?!email|mail|e-mail)(?P<body>[^\s.;?!][^.;?!\n]*)"
)
TYPE_RE = re.compile(rf"(?:{STRONG}|{WEAK})\b")
NUM_RE = re.compile(NUM)
WORD_RE = re.compile(r"[^\W\d_]+")


class _Reader:
    """Reads address parts left to right over the folded text, capitals from the original."""

    def __init__(self, text: str, folded: str) -> None:
        self.text = text
        self.folded = folded

    def _space(self, pos: int) -> int:
        while pos < len(self.folded) and self.folded[pos] in " \t":
            pos += 1
        return pos

    def cap_words(self, pos: int, limit: int = 5) -> int:
        """End of a run of capitalised words starting at ``pos`` (``pos`` if none)."""
        end = pos
        for _ in range(limit):
            at = self._space(end)
            match = WORD_RE.match(self.folded, at)
            if match is None or not is_capitalised(self.text[at:]):
                break
            end = match.end()
        return end

    def part(self, pos: int) -> tuple[int, bool] | None:
        """(end, strong) of one part at ``pos``: [type] [number] [capitalised name] ..."""
        end, strong, progressed, bare = pos, False, False, False
        for _ in range(4):
            at = self._space(end)
            typed = TYPE_RE.match(self.folded, at)
            if typed is not None and (at == pos or progressed):
                kind = typed.group(0)
                after = self._space(typed.end())
                number = NUM_RE.match(self.folded, after)
                name_end = self.cap_words(after)
                if (kind in NEEDS_NUMBER or is_capitalised(self.text[at:])) and number is None:
                    break
                if number is None and name_end == after:
                    break
                strong = strong or kind in STRONG.split("|")
                end = number.end() if number is not None else name_end
                progressed, bare = True, False
                continue
            number = NUM_RE.match(self.folded, at)
            if number is not None and progressed is False and at == pos:
                end, progressed, strong, bare = number.end(), True, True, True
                continue
            name_end = self.cap_words(at)
            if name_end > at and progressed:
                end, bare = name_end, False
                continue
            break
        return (end, strong) if progressed and not bare else None

    def chain(self, start: int) -> int:
        """End of the chain of comma-joined parts starting with the part at ``start``."""
        first = self.part(start)
        if first is None:
            return start
        end = first[0]
        while True:
            comma = re.match(r"[ \t]*,[ \t]*", self.folded[end:])
            if comma is None:
                return end
            at = end + comma.end()
            nxt = self.part(at)
            name_end = self.cap_words(at, 4)
            if nxt is not None:
                end = nxt[0]
            elif name_end > at:
                end = name_end
            else:
                return end


# A house number, a street of capitalised words, a comma and a district: "12 Phan Đình Phùng, Ba Đình".
BARE_STREET_RE = re.compile(
    rf"{NUM}[ \t]+(?:[A-ZÀ-Ỹ][^\W\d_]*[ \t]+){{1,4}}[A-ZÀ-Ỹ][^\W\d_]*[ \t]*,[ \t]*[A-ZÀ-Ỹ]"
)
NOT_ADDRESS_BEFORE = re.compile(
    r"(?:dieu|khoan|diem|chuong|muc|nam|ngay|thang|so hieu|nghi dinh|luat)[ \t]+$"
)


def _starts(folded: str, text: str) -> list[int]:
    """Positions where an address may start: a strong type word, or a number after a place word."""
    found = [
        m.start()
        for m in re.finditer(rf"\b(?:{STRONG})\b", folded)
        if not folded[: m.start()].endswith(("thanh ", "khu ", "to dan "))
    ]
    for match in re.finditer(rf"(?<![\w/.,]){NUM}", folded):
        before = folded[max(0, match.start() - 20) : match.start()]
        after = folded[match.end() : match.end() + 12]
        if (
            re.search(LEAD, before)
            or re.match(rf"[ \t]+(?:{STRONG})\b", after)
            or (BARE_STREET_RE.match(text, match.start()) and not NOT_ADDRESS_BEFORE.search(before))
        ):
            found.append(match.start())
    return sorted(set(found))


def address_spans(text: str, folded: str) -> list[Span]:
    reader = _Reader(text, folded)
    spans = [Span(m.start("body"), m.end("body"), "address") for m in LINE_RE.finditer(folded)]
    covered = 0
    for start in _starts(folded, text):
        if start < covered:
            continue
        part = reader.part(start)
        if part is None or not part[1]:
            continue
        end = reader.chain(start)
        if folded[:start].endswith("so "):
            start -= 3
        text_part = text[start:end].rstrip(" ,")
        if end > start and re.search(r"\d|[A-ZÀ-Ỹ]", text_part):
            spans.append(Span(start, start + len(text_part), "address"))
            covered = end
    return spans
