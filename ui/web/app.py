"""The Gradio web UI: five tabs over ``assistant.service.application.AssistantService``.

``build_ui`` lays out the Blocks; ``mount_ui`` mounts them on a FastAPI app with the UI's CSS
and theme (Gradio 6 takes ``css``/``theme`` at mount/launch time, not in ``gr.Blocks``, and
``gr.mount_gradio_app`` resets them, so mounting without them loses the mobile layout).
The UI holds no business logic: every decision is the service's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from corpus.settings import Settings
from ui.web.advisor_tab import build_advisor_tab
from ui.web.calculator_tab import build_calculator_tab
from ui.web.dashboard_tab import build_dashboard_tab
from ui.web.documents_tab import build_documents_tab
from ui.web.member_tab import build_member_tab

TITLE = "Trợ lý Pháp luật Công đoàn"
CSS_PATH = Path(__file__).with_name("style.css")
HEAD = '<meta name="viewport" content="width=device-width, initial-scale=1">'


def ui_css() -> str:
    return CSS_PATH.read_text(encoding="utf-8")


def ui_theme() -> gr.themes.Base:
    return gr.themes.Soft(primary_hue="red", secondary_hue="amber", neutral_hue="slate")


def build_ui(service: Any, settings: Settings | None = None) -> gr.Blocks:
    """The Blocks of the web UI. Cheap: builds the layout only; the service is called on events."""
    settings = settings or Settings.from_env()
    with gr.Blocks(title=TITLE, fill_width=False, analytics_enabled=False) as demo:
        gr.HTML(
            f'<header class="la-header"><h1>⚖️ {TITLE}</h1>'
            "<p>Tra cứu quyền lợi người lao động theo văn bản pháp luật hiện hành</p></header>"
        )
        staff = gr.State(None)  # the advisor/leader/admin logged in with a token, shared by two tabs
        with gr.Tabs(elem_id="la-tabs"):
            with gr.Tab("Hỏi đáp", id="member", elem_id="la-tab-member"):
                build_member_tab(service, settings)
            with gr.Tab("Tính toán", id="calc", elem_id="la-tab-calc"):
                build_calculator_tab()
            with gr.Tab("Tư vấn viên", id="advisor", elem_id="la-tab-advisor"):
                build_advisor_tab(service, staff)
            with gr.Tab("Thống kê", id="dashboard", elem_id="la-tab-dashboard") as dashboard:
                build_dashboard_tab(service, dashboard, staff)
            with gr.Tab("Văn bản pháp luật", id="documents", elem_id="la-tab-documents") as documents:
                build_documents_tab(service, documents, staff)
        gr.HTML(
            '<footer class="la-footer">Thông tin chỉ mang tính tham khảo, không thay thế tư vấn pháp lý '
            "chính thức. Hãy liên hệ công đoàn cơ sở khi cần hỗ trợ.</footer>"
        )
    return demo


def mount_ui(app: Any, service: Any, settings: Settings | None = None, *, path: str = "/") -> Any:
    """Mount the web UI on a FastAPI ``app`` at ``path``, with its CSS, theme and viewport tag."""
    demo = build_ui(service, settings)
    return gr.mount_gradio_app(
        app,
        demo,
        path=path,
        css=ui_css(),
        theme=ui_theme(),
        head=HEAD,
        footer_links=[],
        show_error=False,
        ssr_mode=False,
    )
