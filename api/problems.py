"""Errors as RFC 9457 problem details: JSON always, never an HTML page.

``{"type", "title", "status", "detail", "errors": [{"field", "code",
"message"}]}`` with ``Content-Type: application/problem+json``; the messages
are the pages' own, in the request's language (Vietnamese by default).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

PROBLEM_TYPE = "application/problem+json"
TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    413: "Content Too Large",
    422: "Unprocessable Content",
    429: "Too Many Requests",
    500: "Internal Server Error",
}


def problem(
    status: int,
    detail: str,
    *,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    response = JsonResponse(
        body,
        status=status,
        content_type=PROBLEM_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def validation_errors(exc: ValidationError) -> list[dict[str, str]]:
    """Each message of a Django ValidationError with its field and code."""
    found: list[dict[str, str]] = []
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                found.append(
                    {
                        "field": "" if field == NON_FIELD_ERRORS else field,
                        "code": error.code or "invalid",
                        "message": " ".join(error.messages),
                    }
                )
    else:
        for error in exc.error_list:
            found.append(
                {
                    "field": "",
                    "code": error.code or "invalid",
                    "message": " ".join(error.messages),
                }
            )
    return found


def from_validation(exc: ValidationError, status: int = 422) -> HttpResponse:
    errors = validation_errors(exc)
    detail = errors[0]["message"] if len(errors) == 1 else _("Dữ liệu không hợp lệ.")
    return problem(status, detail, errors=errors)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return problem(404, _("Không tìm thấy trang hoặc bản ghi."))


class ProblemMiddleware:
    """Below /api/, an error answered by anything but the API itself (405 from
    the router, 413, a refused request) becomes a problem document too."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = self.get_response(request)
        if (
            request.path.startswith("/api/")
            and response.status_code >= 400
            and "json" not in response.get("Content-Type", "")
        ):
            detail = {
                405: _("Phương thức không được hỗ trợ ở địa chỉ này."),
                413: _("Yêu cầu quá lớn."),
            }.get(response.status_code, _("Yêu cầu không thực hiện được."))
            headers = {
                name: response[name]
                for name in ("Allow", "Retry-After")
                if response.has_header(name)
            }
            return problem(response.status_code, detail, headers=headers)
        return response
