"""The web UI end to end in Debian's headless Chromium, over the real app on loopback.

The real service (real corpus, index, pipeline and a fresh SQLite file) runs inside
``create_app`` under uvicorn; Playwright drives ``/usr/bin/chromium`` (no browser download).
The tests also write the screenshots in ``docs/screenshots/``.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from corpus.settings import PROJECT_ROOT, Settings

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"
QUESTION = "Người lao động được nghỉ hằng năm bao nhiêu ngày?"
VERIFIED = "Đã được tư vấn viên xác nhận"
# Generous: the first answer loads the embedding model; Chromium shares 2 cores with the server.
ANSWER_TIMEOUT_MS = 180_000
UI_TIMEOUT_MS = 60_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _serving(settings: Settings, service: Any) -> Iterator[str]:
    """``create_app`` with the real service, served by uvicorn on a free loopback port."""
    import uvicorn

    from ui.api.app import create_app

    app = create_app(settings, service=service)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="uvicorn-browser-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start for the browser test")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture
def live_url(service_settings: Settings, service: Any) -> Iterator[str]:
    with _serving(service_settings, service) as url:
        yield url


@pytest.fixture
def publishing_url(service_settings: Settings, service: Any, tmp_path: Path) -> Iterator[str]:
    """The same server over a copy of the built data (publishing rebuilds corpus and index)."""
    data = tmp_path / "data"
    for part in ("corpus", "index", "cache"):
        shutil.copytree(service_settings.data_dir / part, data / part)
    service.settings = replace(service.settings, data_dir=data)
    with _serving(service.settings, service) as url:
        yield url


@pytest.fixture
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        reason = "Debian chromium is not installed at /usr/bin/chromium"
        if os.geteuid() != 0:
            pytest.skip(f"{reason} and installing it needs root (run scripts/test_setup.sh as root)")
        pytest.fail(f"{reason}; run scripts/test_setup.sh (it installs the Debian package)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(400)  # let transitions and plot rendering settle
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def _ask(page: Any, question: str) -> None:
    page.fill("#la-question textarea", question)
    page.click("#la-send")


def _login(page: Any, key: str, token: str) -> None:
    page.fill(f"#la-token-{key} input", token)
    page.click(f"#la-login-{key}")


def _open_tab(page: Any, name: str) -> None:
    page.get_by_role("tab", name=name).click()


LAW_FILE = PROJECT_ROOT / "tests" / "fixtures" / "documents" / "luat-thu-nghiem.txt"
NEW_LAW = "99/2026/QH15"
PUBLISH_TIMEOUT_MS = 600_000  # the rebuild of corpus and index in a child process, on 2 shared cores


def test_legal_staff_publish_a_law_that_is_then_cited(
    browser: Any, publishing_url: str, service: Any
) -> None:
    from assistant.service.auth import create_user

    _, token = create_user(service.store, "Phạm Pháp Chế", "admin")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(publishing_url)
    _open_tab(page, "Văn bản pháp luật")
    assert not page.locator("#la-doc-desk").is_visible(), "the workspace is hidden until an admin logs in"
    _login(page, "documents", token)
    page.wait_for_selector("#la-doc-desk", state="visible", timeout=UI_TIMEOUT_MS)
    page.set_input_files("#la-doc-file input[type=file]", str(LAW_FILE))
    page.wait_for_selector("#la-doc-verdict .la-msg-ok", timeout=UI_TIMEOUT_MS)
    counts = page.inner_text("#la-doc-counts")
    assert "Điều" in counts and "Chương" in counts, counts
    assert page.input_value("#la-doc-law textarea") == NEW_LAW
    assert page.input_value("#la-doc-effective textarea") == "01/06/2026"
    _shot(page, "documents-report.png")
    page.click("#la-doc-publish")
    page.wait_for_selector("#la-doc-status .la-msg-ok", timeout=PUBLISH_TIMEOUT_MS)
    assert f"Đã công bố {NEW_LAW}" in page.inner_text("#la-doc-status")
    history = page.locator("#la-doc-history")
    history.filter(has_text="Đang áp dụng").wait_for(timeout=UI_TIMEOUT_MS)
    assert "Phạm Pháp Chế" in history.inner_text()
    assert NEW_LAW in service.corpus.documents, "the running service answers from the new corpus"

    _open_tab(page, "Hỏi đáp")
    _ask(page, "Tổ trưởng công đoàn được hưởng phụ cấp trách nhiệm thử nghiệm bao nhiêu?")
    page.wait_for_selector("#la-sources summary.la-sources-title", timeout=ANSWER_TIMEOUT_MS)
    page.click("#la-sources summary.la-sources-title")
    page.wait_for_selector("#la-sources .la-card", timeout=UI_TIMEOUT_MS)
    assert NEW_LAW in page.inner_text("#la-sources")
    assert "7%" in page.locator("#la-chat .message").last.inner_text()
    page.close()


def _member_asks_and_requests_an_advisor(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#la-question textarea", timeout=UI_TIMEOUT_MS)
    _ask(page, QUESTION)
    page.wait_for_selector("#la-sources summary.la-sources-title", timeout=ANSWER_TIMEOUT_MS)
    assert not page.locator("#la-sources .la-card").first.is_visible(), "sources start folded on a phone"
    reply = page.locator("#la-chat .message").last.inner_text()
    assert "12 ngày làm việc" in reply.split("Xem thêm")[0], "the rule and its figure come first"
    page.click("#la-sources summary.la-sources-title")
    page.wait_for_selector("#la-sources .la-card", timeout=UI_TIMEOUT_MS)
    sources = page.inner_text("#la-sources")
    assert "Điều 113" in sources, sources
    assert "Còn hiệu lực" in sources
    assert VERIFIED not in sources
    bubbles = page.locator("#la-chat .message")
    assert QUESTION in page.inner_text("#la-chat") and bubbles.count() >= 2
    page.locator("#la-sources .la-source-text summary").first.click()  # show the exact article text
    assert page.locator("#la-sources .la-source-text blockquote").first.inner_text().strip()
    page.click("#la-up")
    page.wait_for_selector("#la-member-status .la-msg-ok", timeout=UI_TIMEOUT_MS)
    assert "Cảm ơn" in page.inner_text("#la-member-status")
    _shot(page, "member-chat.png")
    page.check("#la-share input")
    page.click("#la-ask-advisor")
    page.wait_for_selector("#la-member-status .la-msg-ok >> text=tư vấn viên", timeout=UI_TIMEOUT_MS)


def _advisor_approves(page: Any, token: str) -> None:
    _open_tab(page, "Tư vấn viên")
    _login(page, "advisor", "la_not-a-real-token")
    page.wait_for_selector("#la-login-status-advisor .la-msg-error", timeout=UI_TIMEOUT_MS)
    assert "không hợp lệ" in page.inner_text("#la-login-status-advisor")
    _login(page, "advisor", token)
    page.wait_for_selector("#la-login-status-advisor .la-msg-ok", timeout=UI_TIMEOUT_MS)
    row = page.locator('#la-queue [role="gridcell"]').filter(has_text=QUESTION).first
    row.wait_for(timeout=UI_TIMEOUT_MS)
    assert "Thành viên yêu cầu" in page.inner_text("#la-queue")
    row.click()
    page.wait_for_selector("#la-review-detail .la-card", timeout=UI_TIMEOUT_MS)
    detail = page.inner_text("#la-review-detail")
    assert QUESTION in detail and "Điều 113" in detail and "Văn bản tìm được" in detail
    _shot(page, "advisor-queue.png")
    page.click("#la-reject")  # refused: a rejection needs a comment
    page.wait_for_selector("#la-action-status .la-msg-error", timeout=UI_TIMEOUT_MS)
    assert "lý do" in page.inner_text("#la-action-status")
    page.fill("#la-review-comment textarea", "Đúng Điều 113 Bộ luật Lao động 2019.")
    page.click("#la-approve")
    page.wait_for_selector("#la-action-status .la-msg-ok", timeout=UI_TIMEOUT_MS)
    assert "Đã duyệt mục" in page.inner_text("#la-action-status")


def test_member_question_is_approved_then_served_verified(
    browser: Any, live_url: str, advisor: tuple[Any, str]
) -> None:
    _, token = advisor
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _member_asks_and_requests_an_advisor(page, live_url)
    _advisor_approves(page, token)

    # A new visitor asks the same question and gets the advisor-verified answer.
    page.goto(live_url)
    page.wait_for_selector("#la-question textarea", timeout=UI_TIMEOUT_MS)
    _ask(page, QUESTION)
    page.wait_for_selector("#la-sources .la-badge-verified", timeout=ANSWER_TIMEOUT_MS)
    page.click("#la-sources summary.la-sources-title")  # the cards start folded
    page.wait_for_selector("#la-sources .la-card", timeout=UI_TIMEOUT_MS)
    sources = page.inner_text("#la-sources")
    assert VERIFIED in sources and "Điều 113" in sources

    # The leader's dashboard counts both questions.
    _open_tab(page, "Thống kê")
    _login(page, "dashboard", token)
    page.wait_for_selector("#la-dash-cards .la-stat", timeout=UI_TIMEOUT_MS)
    cards = page.inner_text("#la-dash-cards")
    assert "Câu hỏi trong 30 ngày" in cards
    assert page.locator(".la-stat-value").first.inner_text().strip() == "2"
    assert "lãnh đạo công đoàn" in page.inner_text("#la-token-dashboard")  # a leader's token is asked for
    # Both questions were asked today: the single-day view draws them by hour.
    page.wait_for_selector("#la-dash-note >> text=theo từng giờ", timeout=UI_TIMEOUT_MS)
    for plot in ("#la-plot-days", "#la-plot-topics", "#la-plot-laws"):
        page.wait_for_selector(f"{plot} img", timeout=UI_TIMEOUT_MS)
        box = page.locator(f"{plot} img").bounding_box()
        assert box is not None and box["height"] > 100, (plot, box)
    assert "Thời giờ làm việc, nghỉ ngơi" in page.inner_text("#la-dash-trends")
    page.wait_for_selector("#la-dash-csv a", timeout=UI_TIMEOUT_MS)
    assert ".csv" in (page.locator("#la-dash-csv a").first.get_attribute("href") or "")
    _shot(page, "leader-dashboard.png")
    page.close()


def test_member_chat_fits_a_phone_screen(browser: Any, live_url: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(live_url)
    page.wait_for_selector("#la-question textarea", timeout=UI_TIMEOUT_MS)
    page.get_by_role("button", name="nghi viec co duoc tro cap khong").click()
    page.wait_for_selector("#la-after-answer", timeout=ANSWER_TIMEOUT_MS)
    assert "nghi viec co duoc tro cap khong" in page.inner_text("#la-chat")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a 390px screen"
    for selector in ("#la-send", "#la-up", "#la-down", "#la-ask-advisor"):
        box = page.locator(selector).bounding_box()
        assert box is not None and box["height"] >= 44 and box["width"] >= 44, (selector, box)
    _shot(page, "member-phone.png")
    page.close()


def test_member_fills_the_missing_wage_in_the_short_form(browser: Any, live_url: str) -> None:
    """A severance question without the wage: the chat asks for it and shows a one-field form;
    a wrong wage is explained next to the field, the right one answers in the conversation."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_url)
    page.wait_for_selector("#la-question textarea", timeout=UI_TIMEOUT_MS)
    _ask(page, "Tôi làm 3 năm 8 tháng thì được trợ cấp thôi việc bao nhiêu?")
    page.wait_for_selector("#la-calc-form #la-calc-field-0 input", timeout=ANSWER_TIMEOUT_MS)
    form = page.inner_text("#la-calc-form")
    assert "Tiền lương bình quân" in form and "3 năm 8 tháng" in form, form
    assert not page.locator("#la-calc-field-1").is_visible()
    page.fill("#la-calc-field-0 input", "0")
    page.click("#la-calc-form-send")
    page.wait_for_selector("#la-calc-error-0 .la-msg-error", timeout=UI_TIMEOUT_MS)
    assert "Tiền lương bình quân" in page.inner_text("#la-calc-error-0")
    assert page.input_value("#la-calc-field-0 input") == "0", "what was typed stays"
    _shot(page, "member-calc-form.png")
    page.fill("#la-calc-field-0 input", "9 triệu")
    page.click("#la-calc-form-send")
    page.wait_for_selector("#la-chat .message >> text=18.000.000 đồng", timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_selector("#la-calc-form", state="hidden", timeout=UI_TIMEOUT_MS)
    chat = page.inner_text("#la-chat")
    assert "9.000.000 đồng" in chat, "the values are in the conversation as the member's message"
    page.close()
