"""Who reads the dashboard: union leaders, advisors and admins (members do not)."""

from __future__ import annotations

from assistant.service.errors import PermissionDeniedError
from assistant.service.results import DASHBOARD_ROLES, UserInfo


def require_leader(user: UserInfo | None) -> UserInfo:
    if user is None or user.role not in DASHBOARD_ROLES:
        raise PermissionDeniedError(
            "Chỉ lãnh đạo công đoàn, tư vấn viên hoặc quản trị viên được xem thống kê. "
            "Hãy đăng nhập bằng mã (token) lãnh đạo do quản trị viên cấp."
        )
    return user
