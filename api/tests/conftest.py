from __future__ import annotations

from typing import Any

import pytest

from api.tokens import token_create


@pytest.fixture
def bearer() -> Any:
    """``bearer(user)``: request headers carrying a new token of ``user``."""

    def make(user: Any, **kwargs: Any) -> dict[str, str]:
        _record, token = token_create(user=user, name="thử nghiệm", **kwargs)
        return {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    return make
