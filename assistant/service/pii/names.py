"""Vietnamese personal names, however they are written.

Rules over the folded text (so capitals and diacritics are optional), reading capitals and
diacritics from the original where they decide:
- after a self-introduction ("tôi tên là", "họ tên:"), the name that follows; after the
  weaker "tôi là", "em là" only when it starts with a family name or is capitalised;
- a family name, a middle name and a given name ("nguyễn văn hùng", "Tran Thi Mai"), anywhere;
  family names that are also everyday words ("lương", "lễ", "làm") need "văn"/"thị" after them;
- a capitalised family name followed by capitalised words ("Trịnh Thu Hà");
- a form of address ("anh", "chị", "ông"...) before a capitalised given name ("chị Hoa"), or
  in lower case before a common given name that ends the phrase ("chị hạnh bị ...").
Streets and places named after people ("45 Lê Lợi", "Thành phố Hồ Chí Minh") are excluded:
address spans are taken first, and a place word before a name rules it out.
"""

from __future__ import annotations

import re

from assistant.service.pii.spans import Span, is_capitalised
from corpus.text import fold_aligned


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SURNAMES = _words(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh doan lam mai "
    "cao ta trinh kieu trieu dao luong quach tong thai chau luu ton giang tang lai vuong khuc diep "
    "au thach quan mac ong hua phung to nghiem bach dam thieu chu nong banh giap lo tat lieu han ha "
    "kim"
)
# Family names that are also everyday words: in lower case only before "văn" or "thị".
AMBIGUOUS = _words(
    "le luong ly ha mai cao lam to thai chu han ong dam bach kim doan do ho quan tong giang tang lai "
    "au lo ta mac dao chau ton hua tat lieu nong"
)
MIDDLE = _words(
    "văn thị đức hữu ngọc minh thanh quốc công xuân hồng kim thu thùy thuỳ đình quang trọng tuấn "
    "hoàng bảo gia hải mỹ bích thảo phương tiến khánh nhật mạnh đăng thế việt tấn tú diệu tường phúc "
    "hà lan hoài trung hiếu uyên mai quỳnh chí thiên anh như kiều diễm lệ trí khắc đắc bá phi thúy "
    "thuý duy"
)
STRICT_MIDDLE = frozenset({"văn", "thị"})
GIVEN = _words(
    "hạnh lan hoa mai hùng tuấn nam linh hương trang hằng nga thu hà tâm bình long hải sơn dũng thảo "
    "quỳnh yến vy ngọc hiếu phương thanh trung đức huy khoa minh tiến đạt loan nhung huyền"
)
# Given names that are not also common words without diacritics ("dung" is "dùng", "đúng").
GIVEN_UNACCENTED = _words("hanh lan hoa mai hung tuan linh huong trang hang nga quynh yen vy ngoc")
# Words that end a lower-case name (verbs, function words, time words).
STOP = _words(
    "la lam o bi da dang muon hoi cho va voi cung tuoi sinh so sdt cccd cmnd email dia nha tai day a "
    "nhe oi xin cam on thi ma nhung con tu ve khong co duoc phai can em anh toi minh chau ben nu ca "
    "dem ngay thang gio hien nghi hop dong luong sao gi hay roi nay kia"
)
STOP_ACCENTED = _words(
    "là làm ở bị đã đang muốn hỏi cho và với cùng tuổi sinh số sđt cccd cmnd email địa nhà tại đây ạ "
    "nhé ơi xin cảm ơn thì mà nhưng còn từ về không có được phải cần em anh tôi mình cháu bên nữ ca "
    "đêm ngày tháng giờ hiện nghỉ hợp đồng lương sao gì hay rồi này kia năm"
)
# Pronouns that are also given names: part of the name after two name words ("Ngọc Anh").
LATE_GIVEN = frozenset({"anh", "minh"})
STOP_BIGRAMS = re.compile(
    r"(?:bao ve|ke toan|lai xe|tap vu|phuc vu|cong nhan|cong ty|giam doc|to truong|truong phong|"
    r"nhan vien|sinh vien|nam nay)\b"
)
# Capitalised words that start no name: law, organisations, holidays, identifiers.
CAP_STOP = _words(
    "dieu bo luat nghi cong nha ngan phong so toa benh truong tong lien quyet thong khoan diem "
    "chuong muc tet quoc bhxh bhyt cccd cmnd sdt zalo stk email giam to"
)
HONORIFICS = r"anh|chi|em|co|chu|bac|ong|ba|ban|thim"
STRONG_CUES = (
    r"toi ten la|ten toi la|ten toi|toi ten|minh ten la|ten minh la|minh ten|em ten la|ten em la|"
    r"ten em|em ten|chau ten la|ten chau la|chau ten|con ten la|ho va ten|ho ten|ten la|ten chu tai khoan"
)
WEAK_CUES = r"toi la|em la|minh la|chau la|con la|day la|chong toi la|vo toi la|ban toi la|con gai toi la"
CUE_RE = re.compile(
    rf"\b(?:(?P<strong>{STRONG_CUES})|(?P<weak>{WEAK_CUES}))[ \t]*:?[ \t]+"
    rf"(?:(?:{HONORIFICS})[ \t]+)?(?=\w)"
)
HONORIFIC_RE = re.compile(rf"\b(?:{HONORIFICS}|giam doc|to truong|truong phong)[ \t]+(?=\w)")
WORD_RE = re.compile(r"[^\W\d_]+")
NOT_NAME_BEFORE = re.compile(
    r"(?:cong ty|doanh nghiep|nha may|truong|benh vien|duong|pho|ngo|hem|quan|huyen|tinh|thanh pho|"
    r"phuong|xa|tp|chung cu|luat|bo luat|nghi dinh|ngan hang|khu cong nghiep|tap doan|so)[ \t]+$"
)


class _Names:
    def __init__(self, text: str, folded: str) -> None:
        self.text = text
        self.folded = folded
        self.unaccented = fold_aligned(text) == text.lower()

    def _word(self, at: int) -> re.Match[str] | None:
        return WORD_RE.match(self.folded, at)

    def _next(self, end: int) -> re.Match[str] | None:
        gap = re.match(r"[ \t]+", self.folded[end:])
        return None if gap is None else self._word(end + gap.end())

    def run(self, start: int, *, limit: int = 5, need_caps: bool = False) -> int:
        """End of a run of name-like words from ``start`` (``start`` if none)."""
        word, end, count = self._word(start), start, 0
        while word is not None and count < limit:
            token, at = word.group(0), word.start()
            capital = is_capitalised(self.text[at:])
            if need_caps and not capital:
                break
            if not capital and count and self._stops(word, count):
                break
            if len(token) > 7:
                break
            end, count = word.end(), count + 1
            word = self._next(end)
        return end

    def _stops(self, word: re.Match[str], count: int) -> bool:
        """Whether a lower-case word ends the name ("thì" does, "thị" does not)."""
        token = word.group(0)
        if STOP_BIGRAMS.match(self.folded, word.start()):
            return True
        if count >= 2 and token in LATE_GIVEN:
            return False
        if not self.unaccented:
            return self.text[word.start() : word.end()].lower() in STOP_ACCENTED
        return token in STOP and not (count == 1 and token in {"thi", "van"})

    def _given(self, word: re.Match[str]) -> bool:
        original = self.text[word.start() : word.end()].lower()
        return original in GIVEN or (self.unaccented and original in GIVEN_UNACCENTED)

    def _middle(self, word: re.Match[str], strict: bool) -> bool:
        original = self.text[word.start() : word.end()].lower()
        allowed = STRICT_MIDDLE if strict else MIDDLE
        if original in allowed:
            return True
        return self.unaccented and fold_aligned(original) in {fold_aligned(m) for m in allowed}

    def cue_spans(self) -> list[Span]:
        spans = []
        for match in CUE_RE.finditer(self.folded):
            start = match.end()
            first = self._word(start)
            if first is None or first.group(0) in CAP_STOP:
                continue
            capital = is_capitalised(self.text[start:])
            if not capital and (first.group(0) in STOP or STOP_BIGRAMS.match(self.folded, start)):
                continue
            if match.group("weak") and not capital and first.group(0) not in SURNAMES:
                continue
            end = self.run(start, need_caps=capital)
            if end > start:
                spans.append(Span(start, end, "name"))
        return spans

    def surname_spans(self) -> list[Span]:
        spans = []
        for word in WORD_RE.finditer(self.folded):
            token, start = word.group(0), word.start()
            if token not in SURNAMES or NOT_NAME_BEFORE.search(self.folded[max(0, start - 20) : start]):
                continue
            nxt = self._next(word.end())
            if nxt is None:
                continue
            capital = is_capitalised(self.text[start:])
            next_capital = is_capitalised(self.text[nxt.start() :])
            if capital and next_capital and token not in AMBIGUOUS:
                end = self.run(start, limit=4, need_caps=True)
            elif capital == next_capital and self._middle(nxt, strict=token in AMBIGUOUS and not capital):
                end = self.run(start, need_caps=capital)
                if not capital and end <= nxt.end():
                    continue  # "lễ thì": a lower-case name needs its given name too
            else:
                continue
            if end > nxt.start():
                spans.append(Span(start, end, "name"))
        return spans

    def _address_form_ok(self, match: re.Match[str]) -> bool:
        """A form of address in lower case, or capitalised at the start of a sentence."""
        if not is_capitalised(self.text[match.start() :]):
            return True
        return not self.text[: match.start()].strip() or self.text[: match.start()].rstrip()[-1] in ".!?:;\n"

    def honorific_spans(self) -> list[Span]:
        spans = []
        for match in HONORIFIC_RE.finditer(self.folded):
            start = match.end()
            word = self._word(start)
            if word is None or not self._address_form_ok(match) or word.group(0) in CAP_STOP:
                continue
            if is_capitalised(self.text[start:]):
                end = self.run(start, limit=4, need_caps=True)
            elif self._given(word) and self._ends_phrase(word.end()):
                end = word.end()
            else:
                continue
            spans.append(Span(start, end, "name"))
        return spans

    def _ends_phrase(self, end: int) -> bool:
        nxt = self._next(end)
        return nxt is None or nxt.group(0) in STOP


def name_spans(text: str, folded: str) -> list[Span]:
    names = _Names(text, folded)
    return names.cue_spans() + names.surname_spans() + names.honorific_spans()
