"""Vietnamese text shown to members (kept in one place so reviewers can read it together)."""

from __future__ import annotations

DISCLAIMER = (
    "Thông tin trên chỉ nhằm tham khảo, trích từ văn bản pháp luật trong kho dữ liệu của trợ lý; "
    "không thay thế ý kiến tư vấn pháp lý cho trường hợp cụ thể."
)
ADVISOR = "Cần hỗ trợ thêm? Bấm 'Hỏi tư vấn viên' hoặc liên hệ công đoàn cơ sở."
COVERAGE = (
    "hợp đồng lao động, tiền lương, thời giờ làm việc và nghỉ ngơi, nghỉ phép, bảo hiểm xã hội, "
    "bảo hiểm thất nghiệp, an toàn vệ sinh lao động, công đoàn và giải quyết tranh chấp lao động"
)
DECLINE_OUT_OF_SCOPE = (
    "Xin lỗi, câu hỏi này nằm ngoài phạm vi của Trợ lý Pháp luật Công đoàn. "
    f"Trợ lý chỉ trả lời các câu hỏi về pháp luật lao động: {COVERAGE}. "
    "Bạn có thể đặt lại câu hỏi về các chủ đề trên, hoặc bấm 'Hỏi tư vấn viên' để được hỗ trợ."
)
DECLINE_INJECTION = (
    "Xin lỗi, trợ lý không thực hiện yêu cầu thay đổi cách hoạt động hay tiết lộ cấu hình. "
    f"Trợ lý chỉ trả lời các câu hỏi về pháp luật lao động: {COVERAGE}."
)
DECLINE_EVASION = (
    "Xin lỗi, trợ lý không hướng dẫn cách né tránh, vi phạm hoặc che giấu vi phạm pháp luật lao động. "
    "Trợ lý có thể giải thích quyền và nghĩa vụ theo luật, mức xử phạt khi vi phạm và cách người lao động "
    "bảo vệ quyền lợi của mình, ví dụ: 'Công ty không đóng bảo hiểm xã hội cho người lao động thì bị xử "
    "phạt thế nào?'"
)
DECLINE_NO_EVIDENCE = (
    "Xin lỗi, trợ lý chưa tìm thấy quy định phù hợp trong kho văn bản pháp luật để trả lời câu hỏi này. "
    "Bạn hãy thử diễn đạt cụ thể hơn (ví dụ: loại hợp đồng, số năm làm việc, tình huống cụ thể), "
    "hoặc bấm 'Hỏi tư vấn viên' hoặc liên hệ công đoàn cơ sở."
)
# Replaces ADVISOR on an answer sent to the advisors: one line that says why and what to do.
ESCALATE_CAVEAT = (
    "Lưu ý: trợ lý chưa chắc các quy định trên đúng trọng tâm câu hỏi của bạn. "
    "Bấm 'Hỏi tư vấn viên' hoặc liên hệ công đoàn cơ sở để được xác nhận."
)
LEGAL_BASIS = "Căn cứ pháp lý:"
# After the legal basis of a rule sentence that is its unit word for word (not quoted twice).
VERBATIM = "(câu trên là nguyên văn quy định)"
# After the legal basis of a rule stated with its list of exceptions, all in the law's own words.
VERBATIM_BLOCK = "(đoạn trên là nguyên văn quy định)"
# After the legal basis of a list whose longer points were cut, each where "…" stands.
LIST_CUT = "(đoạn trên dùng nguyên lời của quy định; dấu … là phần được lược bớt)"
# After the legal basis of a rule sentence that carries its whole unit in the law's own words,
# joined to the lead-in or title that gives it meaning (a point with its clause's lead-in).
OWN_WORDS = "(câu trên dùng nguyên lời của quy định)"
NO_DECISIVE_RULE = (
    "Trợ lý chưa tìm thấy quy định trả lời trực tiếp tình huống của bạn. Quy định gần nhất tìm được là "
    "dưới đây; bạn nên bấm 'Hỏi tư vấn viên' để được tư vấn cụ thể."
)
# After the direct answer to a message that asks several questions: one rule answers one of them.
SEVERAL_QUESTIONS = (
    "Tin nhắn của bạn có {count} câu hỏi; phần trên trả lời theo quy định trợ lý thấy quyết định nhất. "
    "Câu nào chưa được trả lời, bạn hãy gửi riêng từng câu để trợ lý trả lời đầy đủ."
)
SEE_ALSO = "Xem thêm:"
# Before a clause of the same law that the quoted rule takes its figure from ("theo quy định tại
# khoản 1 Điều này"): "Khoản 1 Điều 44 Luật Bảo hiểm xã hội 2024, mà quy định trên dẫn chiếu:".
REFERRED = "{label}, mà quy định trên dẫn chiếu:"
RELATED = "Quy định liên quan:"
NOTES = "Lưu ý:"


def expired_note(law_name: str, law_id: str, expired: str, replaced_by: tuple[str, ...]) -> str:
    note = f"Lưu ý: {law_name} ({law_id}) đã hết hiệu lực từ {expired}"
    if replaced_by:
        note += f", được thay thế bởi {', '.join(replaced_by)}"
    return note + ". Quy định trích dẫn chỉ áp dụng cho các trường hợp phát sinh trước thời điểm đó."


def not_yet_in_force_note(law_name: str, law_id: str, effective: str) -> str:
    return f"Lưu ý: {law_name} ({law_id}) chưa có hiệu lực; có hiệu lực từ {effective}."


def repealed_unit_note(unit: str, since: str, by: str, instead: list[str]) -> str:
    """A clause/appendix repealed by a later provision, and what applies in its place."""
    note = f"Lưu ý: {unit} đã bị bãi bỏ từ {since} theo {by}"
    if instead:
        return note + f"; nay áp dụng {', '.join(instead)}."
    return note + ". Quy định này chỉ áp dụng cho các trường hợp phát sinh trước thời điểm đó."


def amended_unit_note(unit: str, since: str | None, by: str) -> str:
    when = f" từ {since}" if since else ""
    return (
        f"Lưu ý: {unit} đã được sửa đổi, bổ sung{when} theo {by}; nội dung trích dẫn là bản trước khi "
        "sửa đổi, cần đối chiếu văn bản sửa đổi trước khi áp dụng."
    )


# What kind of decline an answer text is (the public JSON carries the message, not its kind).
DECLINE_KINDS: dict[str, str] = {
    "out_of_scope": DECLINE_OUT_OF_SCOPE,
    "injection": DECLINE_INJECTION,
    "evasion": DECLINE_EVASION,
    "no_evidence": DECLINE_NO_EVIDENCE,
}


def decline_kind(answer_text: str) -> str | None:
    """``out_of_scope``, ``injection``, ``evasion`` or ``no_evidence`` for a decline message; else None."""
    text = (answer_text or "").strip()
    for kind, message in DECLINE_KINDS.items():
        if text.startswith(message):
            return kind
    return None
