"""Issue 14 in Debian's headless Chromium: a member escalates, an advisor answers, the member sees
the reply after a reload (and rates it); a browser that cleared its storage starts over.

Same real stack as ``test_browser_ui`` (its fixtures): the real app under uvicorn on loopback,
the real service and a fresh SQLite file. Writes ``docs/screenshots/member-advisor-reply.png``.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.ui.test_browser_ui import (  # noqa: F401  (fixtures)
    ANSWER_TIMEOUT_MS,
    UI_TIMEOUT_MS,
    _ask,
    _login,
    _open_tab,
    _shot,
    browser,
    live_url,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUESTION = "Người lao động được nghỉ hằng năm bao nhiêu ngày?"
REPLY = "Bạn làm đủ 12 tháng thì được nghỉ 12 ngày làm việc, hưởng nguyên lương (Điều 113)."


def _member_escalates(page: Any, url: str) -> str:
    page.goto(url)
    page.wait_for_selector("#la-question textarea", timeout=UI_TIMEOUT_MS)
    _ask(page, QUESTION)
    page.wait_for_selector("#la-after-answer #la-ask-advisor", timeout=ANSWER_TIMEOUT_MS)
    page.click("#la-ask-advisor")
    page.wait_for_selector("#la-member-status .la-msg-ok >> text=Mã yêu cầu", timeout=UI_TIMEOUT_MS)
    found = re.search(r"TV-\d{4}-\d{6}", page.inner_text("#la-member-status"))
    assert found is not None, page.inner_text("#la-member-status")
    return found.group(0)


def _advisor_answers(page: Any, url: str, token: str, reference: str) -> None:
    page.goto(url)
    _open_tab(page, "Tư vấn viên")
    _login(page, "advisor", token)
    page.wait_for_selector("#la-login-status-advisor .la-msg-ok", timeout=UI_TIMEOUT_MS)
    row = page.locator('#la-queue [role="gridcell"]').filter(has_text=reference).first
    row.wait_for(timeout=UI_TIMEOUT_MS)
    row.click()
    page.wait_for_selector("#la-review-detail .la-card", timeout=UI_TIMEOUT_MS)
    editor = page.locator("#la-edit textarea")
    start = editor.input_value()
    whole = page.inner_text("#la-review-detail")
    assert start and len(start) < len(whole), "the editor starts from the direct answer, not the whole text"
    editor.fill(REPLY)
    page.click("#la-save-draft")
    page.wait_for_selector("#la-action-status .la-msg-ok >> text=nháp", timeout=UI_TIMEOUT_MS)
    page.click("#la-edit-btn")
    page.wait_for_selector("#la-action-status .la-msg-ok >> text=Đã sửa và duyệt", timeout=UI_TIMEOUT_MS)


def test_member_sees_the_advisors_reply_after_a_reload(browser: Any, live_url: str, advisor: Any) -> None:  # noqa: F811
    member = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    reference = _member_escalates(member, live_url)
    staff = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _advisor_answers(staff, live_url, advisor[1], reference)

    member.reload()
    member.wait_for_selector("#la-chat >> text=Tư vấn viên trả lời", timeout=UI_TIMEOUT_MS)
    chat = member.inner_text("#la-chat")
    assert QUESTION in chat and REPLY in chat and reference in chat and "Mới" in chat
    assert "trả lời mới" in member.inner_text("#la-member-status")
    _shot(member, "member-advisor-reply.png")
    member.click("#la-reply-up")
    member.wait_for_selector("#la-member-status .la-msg-ok >> text=đánh giá", timeout=UI_TIMEOUT_MS)

    member.reload()  # read once: the "Mới" mark is gone, the reply stays
    member.wait_for_selector(f"#la-chat >> text={REPLY}", timeout=UI_TIMEOUT_MS)
    assert "Mới" not in member.inner_text("#la-chat")

    member.evaluate("() => window.localStorage.clear()")  # the member cleared their browser
    member.reload()
    member.wait_for_selector("#la-question textarea", timeout=UI_TIMEOUT_MS)
    member.wait_for_timeout(1500)  # give the load event time to (wrongly) restore anything
    assert QUESTION not in member.inner_text("#la-chat") and REPLY not in member.inner_text("#la-chat")
    member.context.close()
    staff.context.close()
