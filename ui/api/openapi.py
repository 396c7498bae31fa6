"""The OpenAPI document: optional bearer auth expressed as such for member operations."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi


def install_openapi(app: FastAPI) -> None:
    """Operations marked ``x-auth-optional`` accept no token or a bearer token."""

    def build() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            for operations in document.get("paths", {}).values():
                for operation in operations.values():
                    if operation.pop("x-auth-optional", False):
                        operation["security"] = [{}, {"bearer": []}]
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = build  # type: ignore[method-assign]
