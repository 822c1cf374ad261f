"""The OpenAPI document run against the application by schemathesis: no
server error, no response outside its documented schema, whatever the input.

Bounded: at most CONTRACT_EXAMPLES generated requests per operation (90 by
default: more than 2,000 in all; operations with few possible inputs take
fewer)."""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from api.tokens import token_create
from danvan.tests.test_every_url import hidden_records

EXAMPLES = int(os.environ.get("CONTRACT_EXAMPLES", "90"))


@pytest.fixture
def api_schema(db: None) -> Any:
    """The schema, called through the WSGI application in this process. As
    Django's test client does, requests must not close the test database's
    connection when they finish."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from danvan.wsgi import application

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def token(world: Any) -> str:
    hidden_records(world.commune)
    _record, secret = token_create(user=world.province_officer, name="schemathesis")
    return secret


def test_the_api_keeps_its_contract(api_schema: Any, token: str, settings: Any) -> None:
    # The per-token limit is tested on its own; here it would answer 429.
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": "1000000/m"}
    from schemathesis.checks import not_a_server_error, response_schema_conformance

    calls: dict[str, int] = {}
    for found in api_schema.get_all_operations():
        operation = found.ok()
        label = operation.label

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case: Any) -> None:
            case.call_and_validate(
                headers={"Authorization": f"Bearer {token}"},
                checks=[not_a_server_error, response_schema_conformance],
            )
            calls[label] = calls.get(label, 0) + 1  # noqa: B023 (run at once)

        run()
    print(f"schemathesis: {sum(calls.values())} requests, {len(calls)} operations")
    assert len(calls) >= 25
    if EXAMPLES >= 90:
        assert sum(calls.values()) >= 2000
