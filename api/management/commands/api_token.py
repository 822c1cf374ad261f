"""``danvan api_token USER``: a personal API token for USER, printed alone on
the last line (shown once; only its hash is kept)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from api.tokens import token_create


class Command(BaseCommand):
    help = "Tạo mã truy cập API cho một người dùng; mã in ở dòng cuối, chỉ một lần."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="Dòng lệnh", help="Tên gợi nhớ.")
        parser.add_argument(
            "--days", type=int, default=None, help="Hết hạn sau số ngày."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username__iexact=options["username"]).first()
        if user is None:
            raise CommandError(f"Không có người dùng “{options['username']}”.")
        try:
            record, token = token_create(
                user=user, name=options["name"], days=options["days"]
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        expiry = (
            f", hết hạn {record.expires_at:%d/%m/%Y %H:%M}" if record.expires_at else ""
        )
        self.stderr.write(
            f"Mã truy cập “{record.name}” của {user.username}{expiry}. "
            "Hãy lưu lại ngay: mã chỉ hiện một lần."
        )
        self.stdout.write(token)
