"""The staff login box (advisor token), shared by the advisor and dashboard tabs."""

from __future__ import annotations

from typing import Any

import gradio as gr

from ui.web.format import message_html
from ui.web.service_view import error_text


def build_login(
    service: Any, staff: gr.State, *, key: str, label: str = "Mã đăng nhập (token) của tư vấn viên"
) -> list[Any]:
    """A token field and a button that put the authenticated user (or None) in ``staff``.

    Returns the two login events, for the tab to chain its own loading with ``.then(...)``;
    ``key`` makes the element ids unique per tab.
    """
    with gr.Row(equal_height=False, elem_classes=["la-login"]):
        token = gr.Textbox(
            label=label,
            type="password",
            placeholder="Dán mã do quản trị viên cấp",
            scale=4,
            min_width=200,
            elem_id=f"la-token-{key}",
        )
        button = gr.Button("Đăng nhập", variant="primary", scale=1, min_width=120, elem_id=f"la-login-{key}")
    status = gr.HTML(elem_id=f"la-login-status-{key}")

    def login(raw: str) -> tuple[Any, str]:
        try:
            user = service.authenticate((raw or "").strip())
        except Exception as exc:
            return None, message_html("error", error_text(exc))
        return user, message_html("ok", f"Đã đăng nhập: {user.name}.")

    return [
        button.click(login, [token], [staff, status]),
        token.submit(login, [token], [staff, status]),
    ]
