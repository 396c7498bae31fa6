"""Calculators for members' money and time questions, exact and cited.

Each calculator is a small pure module with its legal basis as data (``UnitRef``: law,
article, clause, point), the law's own edge rules, and a worked example; ``registry`` lists
them; ``answer_calculation`` is the conversation's entry point.

Figure formats (the dev set's expected facts are written in exactly these, and they appear
verbatim in ``direct_answer``):

- money: whole đồng with dots, "16.500.000 đồng";
- days: "12 ngày" (working days "3 ngày làm việc"; a fraction with a comma, "5,83 ngày");
- months: "6 tháng"; years and months: "3 năm 8 tháng";
- an age: "60 tuổi 9 tháng", or "62 tuổi" when the months are 0;
- the retirement month: "tháng 9/2030" (the month the age is reached, and the pension month
  after it, are both given);
- percentages: "75%"; hours: "8 giờ".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from assistant.calculators.base import (
    CalculationResult,
    Calculator,
    CalculatorInputError,
    InputSpec,
    UnitRef,
)
from assistant.calculators.reply import ASK_PREFIX, CalculationReply, ask_reply, result_reply

__all__ = [
    "CalculationReply",
    "CalculationResult",
    "Calculator",
    "CalculatorInputError",
    "InputSpec",
    "UnitRef",
    "answer_calculation",
    "reply_for",
]


def reply_for(
    calculator: Calculator, raw: Mapping[str, object], require: tuple[str, ...] = ()
) -> CalculationReply:
    """The result, or a request for what is missing or out of range, for ``raw`` inputs;
    ``require`` names optional inputs this question cannot do without (an amount asked for)."""
    # the inputs the member stated: only these are listed as understood when asking for more
    stated = frozenset(name for name, value in raw.items() if value is not None)
    try:
        values = calculator.validate(raw)
    except CalculatorInputError as exc:
        usable = {k: v for k, v in raw.items() if k != exc.name}
        try:
            values = calculator.validate(usable)
        except CalculatorInputError:
            values = {}
        return ask_reply(calculator, values, (exc.name,), error=str(exc), given=stated)
    missing = calculator.missing(values) + tuple(n for n in require if values.get(n) is None)
    if missing:
        return ask_reply(calculator, values, missing, given=stated)
    try:
        result = calculator.compute(values)
    except CalculatorInputError as exc:  # a value the law does not cover (a birth before the roadmap)
        return ask_reply(
            calculator, {k: v for k, v in values.items() if k != exc.name}, (exc.name,), str(exc), stated
        )
    return result_reply(calculator, values, result)


def _pending(history: Sequence[tuple[str, str]]) -> tuple[Calculator, dict[str, object]] | None:
    """The calculator whose inputs the assistant asked for last, with the inputs given so far."""
    from assistant.calculators.intent import extract, read_answer_to
    from assistant.calculators.registry import CALCULATORS

    if not history or ASK_PREFIX not in history[-1][1]:
        return None
    answer = history[-1][1]
    calculator = next((c for c in CALCULATORS if f"{ASK_PREFIX}{c.title.lower()}," in answer), None)
    if calculator is None:
        return None
    # the member questions since the calculation started, oldest first
    turns = []
    for question, reply in reversed(history):
        turns.append(question)
        if f"{ASK_PREFIX}{calculator.title.lower()}," not in reply:
            break
    turns.reverse()
    values: dict[str, object] = {}
    for i, question in enumerate(turns):
        if i == 0:
            values.update({k: v for k, v in extract(calculator, question).items() if not k.startswith("_")})
            continue
        values.update(read_answer_to(calculator, _still_missing(calculator, values), question))
    return calculator, values


def _still_missing(calculator: Calculator, values: dict[str, object]) -> tuple[str, ...]:
    try:
        return calculator.missing(calculator.validate(values))
    except CalculatorInputError as exc:
        return (exc.name,)


def answer_calculation(question: str, history: Sequence[tuple[str, str]] = ()) -> CalculationReply | None:
    """A calculation reply for ``question`` (given the conversation so far), or None when the
    message is not a calculation question about the member's own case."""
    from assistant.calculators.intent import read_answer_to, read_intent

    intent = read_intent(question)
    pending = _pending(history)
    if pending is not None and (intent is None or intent.calculator is pending[0]):
        calculator, values = pending
        given = read_answer_to(calculator, _still_missing(calculator, values), question)
        if given:
            return reply_for(calculator, {**values, **given})
    if intent is None:
        return None
    reply = reply_for(intent.calculator, intent.values, intent.require)
    if intent.explained and reply.result is not None:
        headline, _, rest = reply.direct_answer.partition("\n")
        reply = dataclasses.replace(reply, direct_answer=f"{headline}\n{intent.explained}\n{rest}")
    if intent.subject in _RELATIVE and reply.result is not None and reply.direct_answer.startswith("Bạn "):
        # a relative's case: "Bố bạn đủ tuổi nghỉ hưu ...", not "Bạn đủ ..."
        relative = _RELATIVE[intent.subject]
        text = relative + reply.direct_answer[3:]
        text = text.replace("năm bạn đạt", f"năm {relative[0].lower()}{relative[1:]} đạt")
        return dataclasses.replace(reply, direct_answer=text)
    return reply


# The relative a figure is about, as the answer names them to the member.
_RELATIVE = {"bo": "Bố bạn", "cha": "Cha bạn", "me": "Mẹ bạn", "chong": "Chồng bạn", "vo": "Vợ bạn"}
