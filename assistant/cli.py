"""``legal-assistant ask``: answer one question from the command line."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ask",
        help="Hỏi một câu về pháp luật lao động (answer one question)",
        description="Trả lời một câu hỏi về pháp luật lao động, kèm căn cứ pháp lý.",
    )
    parser.add_argument("question", help='câu hỏi, ví dụ: "Nghỉ phép năm được bao nhiêu ngày?"')
    parser.add_argument("--json", action="store_true", help="print the Answer as JSON")
    parser.add_argument(
        "--generator",
        choices=("extractive", "openai", "gguf"),
        default=None,
        help="answer generator (default: settings.generator, i.e. LEGAL_ASSISTANT_GENERATOR)",
    )
    parser.set_defaults(func=_ask)


def _ask(args: argparse.Namespace) -> int:
    from assistant.stack import build_stack

    stack = build_stack(generator=args.generator)
    try:
        answer = stack.pipeline.ask(args.question)
    finally:
        stack.close()
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
    else:
        print(answer.answer)
        if answer.fallback_reason:
            print(f"\n(generator fallback: {answer.fallback_reason})")
    return 0
