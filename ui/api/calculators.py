"""Calculator routes under ``/v1``: list the calculators, run one on given inputs.

``GET /v1/calculators`` names each calculator with its inputs (type, Vietnamese label, allowed
range) and legal basis; ``POST /v1/calculators/{name}`` turns inputs into the result, the
formula in words and the cited units. A missing, unreadable or out-of-range input is a 422
whose Vietnamese message names the input and the allowed range.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from assistant.calculators.base import CalculatorInputError, UnknownCalculatorError
from assistant.calculators.registry import CALCULATORS, get_calculator
from ui.api.errors import error_response
from ui.api.responses import errors

router = APIRouter(prefix="/v1", tags=["calculators"])

InputValue = str | int | float | bool | None


class UnitRefModel(BaseModel):
    law_id: str
    article: int
    clause: int | None = None
    point: str | None = None


class ChoiceModel(BaseModel):
    value: str
    label: str


class InputModel(BaseModel):
    name: str
    label: str = Field(description="Tên thông tin bằng tiếng Việt")
    type: str = Field(description="money | duration | int | number | month | choice | bool | text")
    minimum: float | None = None
    maximum: float | None = None
    choices: list[ChoiceModel] = []
    required: bool
    default: Any = None
    allowed: str = Field(description="Giá trị cho phép, bằng tiếng Việt")
    help: str = ""


class CalculatorModel(BaseModel):
    name: str
    title: str
    description: str
    inputs: list[InputModel]
    citations: list[UnitRefModel]


class CalculatorList(BaseModel):
    calculators: list[CalculatorModel]


class CalculationRequest(BaseModel):
    inputs: dict[str, InputValue] = Field(
        default_factory=dict,
        description=(
            'Thông tin theo tên, ví dụ {"thoi_gian_lam_viec": "3 năm 8 tháng", "luong_binh_quan": "9 triệu"}'
        ),
    )


class LabelledValue(BaseModel):
    label: str
    value: str


class FigureModel(BaseModel):
    name: str
    label: str
    value: int | float | str
    text: str


class CalculationResponse(BaseModel):
    calculator: str
    headline: str = Field(description="Kết quả trong một câu")
    inputs: list[LabelledValue]
    formula: list[str]
    figures: list[FigureModel]
    citations: list[UnitRefModel]
    notes: list[str]


@router.get(
    "/calculators",
    summary="Danh sách máy tính (thông tin cần nhập, căn cứ pháp lý)",
    responses=errors(),
)
def list_calculators() -> CalculatorList:
    return CalculatorList.model_validate({"calculators": [c.to_json() for c in CALCULATORS]})


@router.post(
    "/calculators/{name}",
    summary="Tính trợ cấp, tiền lương, thời hạn theo thông tin đã nhập",
    responses=errors(404, 422),
)
def calculate(name: str, body: CalculationRequest) -> Any:
    try:
        calculator = get_calculator(name)
    except UnknownCalculatorError as exc:
        return error_response(404, "unknown_calculator", str(exc))
    try:
        result = calculator.run(body.inputs)
    except CalculatorInputError as exc:
        return _input_error(calculator.name, exc)
    return CalculationResponse.model_validate(result.to_json())


def _input_error(calculator: str, exc: CalculatorInputError) -> JSONResponse:
    spec = next((s for s in get_calculator(calculator).inputs if s.name == exc.name), None)
    return error_response(
        422,
        "invalid_input",
        str(exc),
        input=exc.name,
        allowed=spec.range_text() if spec is not None else None,
    )
