"""Who ends the contract: the employer or the worker.

Điều 35 and 40 of the Labour Code are about a worker who ends the contract (the right to quit,
the obligations of one who quits unlawfully), Điều 36, 37 and 41 about an employer who does
(and the 2012 code's Điều 37-43 likewise). A member dismissed unlawfully ("Tòa xử công ty đuổi
việc tôi trái luật") read "Không được trợ cấp thôi việc." from Điều 40, a rule for the other
side. Texts are read folded (``corpus.text.fold``).
"""

from __future__ import annotations

import re

# Who ends the contract in the member's story: the employer ("bị đuổi việc", "cty cho em nghỉ việc",
# "cty bắt em nghỉ việc",
# "công ty đơn phương chấm dứt hợp đồng") or the worker ("em nghỉ ngang", "tôi muốn nghỉ việc").
_EMPLOYER_ENDS = re.compile(
    r"\b(?:duoi viec|sa thai|cho (?:\w+ ){0,5}?(?:nghi viec|thoi viec|nghi luon)"
    r"|(?:bat|ep|buoc) (?:\w+ ){0,2}?(?:nghi viec|thoi viec|nghi luon)"
    r"|bi (?:\w+ ){0,2}?(?:cho )?(?:nghi viec|thoi viec)|bi (?:\w+ ){0,2}?(?:don phuong )?cham dut"
    r"|(?:cty|cong ty|sep|giam doc|chu|ben kia) (?:\w+ ){0,3}?(?:don phuong )?cham dut (?:hop dong|hd)"
    r"|cat hop dong|thong bao (?:don phuong )?cham dut)\b"
)
_WORKER_ENDS = re.compile(
    r"\b(?:(?:em|toi|minh|e|t|anh|chi|tui) (?:\w+ ){0,2}?(?:nghi ngang|nghi viec|nghi luon|bo viec"
    r"|don phuong cham dut)|nghi ngang|tu nghi|xin nghi viec|nop don (?:xin )?nghi|bo viec)\b"
)


def who_ends(folded: str) -> str | None:
    """The side that ends the contract in the story, "employer" or "worker"; None if unsaid."""
    employer = _EMPLOYER_ENDS.search(folded) is not None
    worker = _WORKER_ENDS.search(_EMPLOYER_ENDS.sub(" ", folded)) is not None
    return "employer" if employer and not worker else "worker" if worker and not employer else None


def ended_by(title_folded: str) -> str | None:
    """Whose ending of the contract an article's title is about, if it says."""
    if "don phuong cham dut" not in title_folded:
        return None
    if "nguoi su dung lao dong" in title_folded:
        return "employer"
    return "worker" if re.search(r"cua (?:nguoi lao dong|lao dong nu)\b", title_folded) else None
