"""The platform's API, version 1 (``/api/v1/``), with django-ninja.

Every endpoint acts as the user of the request's token and goes through the
platform's one permission rule (``accounts.scope``): lists hold only records
of the user's subtree, a record outside it is "not found", writes need the
role the pages need and go through the same services, so the same rules and
the same Vietnamese messages apply. Errors are problem details (``problems``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Literal

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field as SchemaField
from ninja import File, Form, NinjaAPI, Query, Router, Schema, UploadedFile
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as RequestError
from ninja.renderers import JSONRenderer
from ninja.responses import Status

from accounts.models import User
from accounts.scope import Action, require, scoped
from api import problems
from api.auth import RateLimited, TokenAuth
from danvan.versioning import StaleEditError
from ingest.models import Document
from org.models import Body, Person, Unit
from reports.api import rollup_data, row_data
from reports.models import Report
from reports.periods import PeriodError, parse_period
from reports.rollup import rollup
from work.listing import filtered
from work.models import (
    Award,
    AwardRecipient,
    Campaign,
    Conference,
    CoordinationProgram,
    Dialogue,
    Field,
    Indicator,
    IndicatorValue,
    Initiative,
    Target,
)
from work.services import conferences as conference_services
from work.services import indicators as indicator_services
from work.services import initiatives as initiative_services
from work.services.common import BatchError


class Utf8Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}


PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "code", "message"],
                "properties": {
                    "field": {"type": "string"},
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                },
            },
        },
    },
}
PROBLEMS = {
    "400": "The body is not JSON.",
    "401": "No token, or a wrong, revoked or expired one.",
    "403": "The token's user lacks the role for this.",
    "404": "Nothing there within the token's scope.",
    "409": "The version sent is stale: someone changed the record since.",
    "422": "The request or the record's rules refused it; see errors.",
    "429": "Too many requests with this token; see Retry-After.",
}


class DanvanAPI(NinjaAPI):
    """NinjaAPI whose document lists, on every operation, the problem
    documents it may answer with."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["Problem"] = PROBLEM_SCHEMA
        problem_ref = {"$ref": "#/components/schemas/Problem"}
        for methods in schema["paths"].values():
            for operation in methods.values():
                responses = operation.setdefault("responses", {})
                for code, text in PROBLEMS.items():
                    responses.setdefault(
                        code,
                        {
                            "description": text,
                            "content": {
                                "application/problem+json": {"schema": problem_ref}
                            },
                        },
                    )
        return schema


api = DanvanAPI(
    renderer=Utf8Renderer(),
    title="Nền tảng công tác dân vận — API",
    version="1",
    description=(
        "Every request carries a personal token (`Authorization: Bearer dv_…`), "
        "made on the user's page “Mã truy cập API” or by `danvan api_token USER`. "
        "It sees and changes exactly what its user sees and changes on the pages. "
        "Errors are RFC 9457 problem details."
    ),
    urls_namespace="api_v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
    auth=TokenAuth(),
)

MAX_PER_PAGE = 200
BULK_MAX_ROWS = 20_000


# ---------------------------------------------------------------- errors


@api.exception_handler(AuthenticationError)
def _unauthorized(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problems.problem(
        401,
        _("Thiếu mã truy cập, mã sai, đã thu hồi hoặc đã hết hạn."),
        headers={"WWW-Authenticate": 'Bearer realm="danvan"'},
    )


@api.exception_handler(RateLimited)
def _rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    return problems.problem(
        429,
        _("Quá nhiều yêu cầu với mã truy cập này; hãy thử lại sau %(n)d giây.")
        % {"n": exc.retry_after},
        headers={"Retry-After": str(exc.retry_after)},
    )


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problems.not_found(request)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problems.problem(403, _("Tài khoản không có quyền thực hiện việc này."))


@api.exception_handler(StaleEditError)
def _stale(request: HttpRequest, exc: StaleEditError) -> HttpResponse:
    return problems.from_validation(exc, status=409)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return problems.from_validation(exc)


@api.exception_handler(RequestError)
def _bad_request(request: HttpRequest, exc: RequestError) -> HttpResponse:
    errors = [
        {
            "field": ".".join(str(p) for p in error.get("loc", [])[1:]) or "",
            "code": str(error.get("type", "invalid")),
            "message": str(error.get("msg", "")),
        }
        for error in exc.errors
    ]
    return problems.problem(
        422, _("Yêu cầu không hợp lệ: xem danh sách lỗi."), errors=errors
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problems.problem(exc.status_code, str(exc))


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    import logging

    logging.getLogger("django.request").exception("API error", exc_info=exc)
    return problems.problem(500, _("Lỗi máy chủ; lỗi đã được ghi lại."))


# ---------------------------------------------------------------- lists


class Page(Schema):
    count: int
    page: int
    per_page: int
    next_page: int | None
    items: list[Any]


class ListParams(Schema):
    page: int = SchemaField(1, ge=1, le=100_000)
    per_page: int = SchemaField(50, ge=1, le=MAX_PER_PAGE)
    unit: int | None = SchemaField(
        None, description="Id of a unit: its records and those of units under it."
    )
    q: str | None = SchemaField(
        None, max_length=100, description="Words, with or without diacritics."
    )
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    updated_since: dt.datetime | None = SchemaField(
        None, description="Only records changed at or after this moment (sync)."
    )


def _user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


def _unit(request: HttpRequest, unit_id: int) -> Unit:
    unit: Unit | None = (
        scoped(_user(request), Unit.objects.all()).filter(pk=unit_id).first()
    )
    if unit is None:
        raise Http404
    return unit


def page_of(
    request: HttpRequest,
    queryset: QuerySet[Any],
    params: ListParams,
    out: Callable[[Any], dict[str, Any]],
    *,
    date_field: str | None = None,
    unit_path: str = "unit__path",
    searchable: bool = True,
) -> dict[str, Any]:
    """One page of ``queryset`` in the user's scope, filtered like the lists
    of the pages, in a stable order (by id)."""
    rows = scoped(_user(request), queryset)
    unit = _unit(request, params.unit) if params.unit is not None else None
    # A former unit's dated records are those of its units of the time (the
    # pages' rule, in ``filtered``); undated kinds follow the lineage path.
    by_path = unit is not None and not unit.is_active and date_field is None
    rows = filtered(
        rows,
        {
            "q": params.q if searchable else "",
            "unit": None if by_path else unit,
            "date_from": params.date_from if date_field else None,
            "date_to": params.date_to if date_field else None,
        },
        date_field=date_field or "",
        unit_path=unit_path,
    )
    if by_path:
        assert unit is not None
        rows = rows.filter(**{f"{unit_path}__startswith": unit.path})
    if params.updated_since is not None:
        if not any(f.name == "updated_at" for f in queryset.model._meta.fields):
            raise HttpError(
                400, _("Loại bản ghi này không lọc được theo updated_since.")
            )
        rows = rows.filter(updated_at__gte=_utc(params.updated_since))
    rows = rows.order_by("pk")
    count = rows.count()
    start = (params.page - 1) * params.per_page
    items = [out(row) for row in rows[start : start + params.per_page]]
    more = start + params.per_page < count
    return {
        "count": count,
        "page": params.page,
        "per_page": params.per_page,
        "next_page": params.page + 1 if more else None,
        "items": items,
    }


def _utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC (a naive one is read in the platform's time zone):
    PostgreSQL refuses offsets beyond ±16 hours, which ISO 8601 allows."""
    from django.utils import timezone

    try:
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment.astimezone(dt.UTC)
    except (OverflowError, ValueError) as exc:
        raise ValidationError({"updated_since": _("Thời điểm không hợp lệ.")}) from exc


def one(request: HttpRequest, queryset: QuerySet[Any], pk: int) -> Any:
    found = scoped(_user(request), queryset).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _number(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _ref(unit: Unit) -> dict[str, Any]:
    return {"id": unit.pk, "code": unit.code, "name": unit.name}


def _stamp(record: Any) -> dict[str, Any]:
    return {
        "version": record.version,
        "updated_at": record.updated_at.isoformat() if record.updated_at else None,
    }


# ---------------------------------------------------------------- units

units = Router(tags=["units"])


def unit_out(unit: Unit) -> dict[str, Any]:
    return {
        "id": unit.pk,
        "code": unit.code,
        "name": unit.name,
        "short_name": unit.short_name,
        "kind": unit.kind.code,
        "level": unit.kind.level.code,
        "valid_from": _day(unit.valid_from),
        "valid_to": _day(unit.valid_to),
    }


@units.get("", response=Page, summary="Units in scope")
def unit_list(
    request: HttpRequest,
    params: Query[ListParams],
    as_of: dt.date | None = None,
) -> dict[str, Any]:
    """Units of the user's subtree; ``as_of`` keeps those that existed that day
    (the tree as it was); ``unit`` keeps a unit and those under it."""
    rows = Unit.objects.select_related("kind__level")
    if as_of is not None:
        rows = rows.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=as_of),
            Q(valid_to__isnull=True) | Q(valid_to__gte=as_of),
        )
    return page_of(request, rows, params, unit_out, unit_path="path")


@units.get("/{unit_id}", summary="A unit, with its history and successors")
def unit_detail(request: HttpRequest, unit_id: int) -> dict[str, Any]:
    unit = one(request, Unit.objects.select_related("kind__level"), unit_id)
    versions = unit.versions.select_related("kind", "parent").order_by(
        "valid_from", "pk"
    )
    return {
        **unit_out(unit),
        "history": [
            {
                "name": v.name,
                "short_name": v.short_name,
                "kind": v.kind.code,
                "parent": _ref(v.parent) if v.parent else None,
                "valid_from": _day(v.valid_from),
                "valid_to": _day(v.valid_to),
            }
            for v in versions
        ],
        "successors": [
            {**_ref(link.successor), "primary": link.is_primary}
            for link in unit.successor_links.select_related("successor")
        ],
        "predecessors": [
            {**_ref(link.predecessor), "primary": link.is_primary}
            for link in unit.predecessor_links.select_related("predecessor")
        ],
    }


# ---------------------------------------------------------------- bodies, people

org = Router(tags=["bodies and people"])


def body_out(body: Body) -> dict[str, Any]:
    return {
        "id": body.pk,
        "unit": _ref(body.unit),
        "kind": body.kind.code,
        "name": body.name,
        "short_name": body.short_name,
        "valid_from": _day(body.valid_from),
        "valid_to": _day(body.valid_to),
        "version": body.version,
    }


@org.get("/bodies", response=Page, summary="Bodies (Ban, Khối, UBND, …)")
def body_list(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    return page_of(
        request, Body.objects.select_related("unit", "kind"), params, body_out
    )


@org.get("/bodies/{body_id}", summary="A body with its positions")
def body_detail(request: HttpRequest, body_id: int) -> dict[str, Any]:
    body = one(request, Body.objects.select_related("unit", "kind"), body_id)
    return {
        **body_out(body),
        "positions": [
            {
                "person_id": p.person_id,
                "name": p.person.full_name,
                "title": p.title,
                "start_date": _day(p.start_date),
                "end_date": _day(p.end_date),
            }
            for p in body.positions.select_related("person").order_by(
                "start_date", "pk"
            )
        ],
    }


def person_out(person: Person) -> dict[str, Any]:
    return {
        "id": person.pk,
        "full_name": person.full_name,
        "home_unit": _ref(person.home_unit) if person.home_unit else None,
        "version": person.version,
    }


@org.get("/people", response=Page, summary="People (cán bộ)")
def person_list(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    return page_of(
        request,
        Person.objects.select_related("home_unit"),
        params,
        person_out,
        unit_path="home_unit__path",
    )


@org.get("/people/{person_id}", summary="A person with their positions")
def person_detail(request: HttpRequest, person_id: int) -> dict[str, Any]:
    person = one(request, Person.objects.select_related("home_unit"), person_id)
    return {
        **person_out(person),
        "positions": [
            {
                "body_id": p.body_id,
                "body": p.body.name,
                "title": p.title,
                "start_date": _day(p.start_date),
                "end_date": _day(p.end_date),
            }
            for p in person.positions.select_related("body").order_by(
                "start_date", "pk"
            )
        ],
    }


class BodyIn(Schema):
    unit_id: int
    kind: str = SchemaField(
        ..., max_length=40, description="Body kind code, e.g. khoi-dan-van."
    )
    name: str = SchemaField(..., min_length=1, max_length=250)
    short_name: str = SchemaField("", max_length=60)
    valid_from: dt.date | None = None


class BodyChange(Schema):
    version: int = SchemaField(..., ge=1)
    kind: str | None = SchemaField(None, max_length=40)
    name: str | None = SchemaField(None, min_length=1, max_length=250)
    short_name: str | None = SchemaField(None, max_length=60)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


def _body_kind(code: str) -> Any:
    from org.models import BodyKind

    found = BodyKind.objects.filter(code=code).first()
    if found is None:
        raise ValidationError(
            {"kind": _("Không có loại cơ quan “%(code)s”.") % {"code": code}}
        )
    return found


@org.post("/bodies", response={201: dict}, summary="Add a body to a unit")
def body_create(request: HttpRequest, payload: BodyIn) -> Any:
    from org import services as org_services

    user = _user(request)
    unit = _unit(request, payload.unit_id)
    require(user, Action.CHANGE, unit)
    with set_actor(user), transaction.atomic():
        body = org_services.body_create(
            unit=unit,
            kind=_body_kind(payload.kind),
            name=payload.name,
            short_name=payload.short_name,
            valid_from=payload.valid_from,
        )
    return Status(201, body_detail(request, body.pk))


@org.patch("/bodies/{body_id}", summary="Change a body (409 when stale)")
def body_change(
    request: HttpRequest, body_id: int, payload: BodyChange
) -> dict[str, Any]:
    from org import services as org_services

    user = _user(request)
    body = one(request, Body.objects.select_related("unit", "kind"), body_id)
    require(user, Action.CHANGE, body.unit)
    changes = payload.dict(exclude_unset=True)
    with set_actor(user), transaction.atomic():
        org_services.body_update(
            body=body,
            name=_kept(changes, "name", body.name),
            short_name=_kept(changes, "short_name", body.short_name),
            kind=_body_kind(changes["kind"]) if changes.get("kind") else body.kind,
            valid_from=changes.get("valid_from", body.valid_from),
            valid_to=changes.get("valid_to", body.valid_to),
            expected_version=payload.version,
        )
    return body_detail(request, body.pk)


class PersonIn(Schema):
    home_unit_id: int
    full_name: str = SchemaField(..., min_length=1, max_length=150)
    gender: Person.Gender | Literal[""] = ""
    birth_year: int | None = SchemaField(None, ge=1900, le=2100)
    phone: str = SchemaField("", max_length=30)
    email: str = SchemaField("", max_length=254)


class PersonChange(Schema):
    version: int = SchemaField(..., ge=1)
    full_name: str | None = SchemaField(None, min_length=1, max_length=150)
    gender: Person.Gender | Literal[""] | None = None
    birth_year: int | None = SchemaField(None, ge=1900, le=2100)
    phone: str | None = SchemaField(None, max_length=30)
    email: str | None = SchemaField(None, max_length=254)


@org.post("/people", response={201: dict}, summary="Add a person")
def person_create(request: HttpRequest, payload: PersonIn) -> Any:
    from org import services as org_services

    user = _user(request)
    unit = _unit(request, payload.home_unit_id)
    require(user, Action.CHANGE, unit)
    with set_actor(user), transaction.atomic():
        person = org_services.person_create(
            home_unit=unit,
            full_name=payload.full_name,
            gender=payload.gender,
            birth_year=payload.birth_year,
            phone=payload.phone,
            email=payload.email,
        )
    return Status(201, person_detail(request, person.pk))


@org.patch("/people/{person_id}", summary="Change a person (409 when stale)")
def person_change(
    request: HttpRequest, person_id: int, payload: PersonChange
) -> dict[str, Any]:
    from org import services as org_services

    user = _user(request)
    person = one(request, Person.objects.select_related("home_unit"), person_id)
    require(user, Action.CHANGE, person.home_unit)
    changes = payload.dict(exclude_unset=True)
    with set_actor(user), transaction.atomic():
        org_services.person_update(
            person=person,
            full_name=_kept(changes, "full_name", person.full_name),
            gender=_kept(changes, "gender", person.gender),
            birth_year=changes.get("birth_year", person.birth_year),
            phone=_kept(changes, "phone", person.phone),
            email=_kept(changes, "email", person.email),
            expected_version=payload.version,
        )
    return person_detail(request, person.pk)


class PositionIn(Schema):
    body_id: int
    title: str = SchemaField(..., min_length=1, max_length=150)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    decision: str = SchemaField("", max_length=200)


@org.post(
    "/people/{person_id}/positions",
    response={201: dict},
    summary="Record a position a person holds in a body",
)
def position_create(request: HttpRequest, person_id: int, payload: PositionIn) -> Any:
    from org import services as org_services

    user = _user(request)
    person = one(request, Person.objects.select_related("home_unit"), person_id)
    body = _body(request, payload.body_id, "body_id")
    require(user, Action.CHANGE, body.unit)
    with set_actor(user), transaction.atomic():
        org_services.position_assign(
            person=person,
            body=body,
            title=payload.title,
            start_date=payload.start_date,
            end_date=payload.end_date,
            decision=payload.decision,
        )
    return Status(201, person_detail(request, person.pk))


# ---------------------------------------------------------------- initiatives

work = Router(tags=["work records"])


def initiative_out(i: Initiative) -> dict[str, Any]:
    return {
        "id": i.pk,
        "unit": _ref(i.unit),
        "name": i.name,
        "kind": i.kind,
        "field": i.field.code,
        "holder_kind": i.holder_kind,
        "holder_name": i.holder_label,
        "registered_on": _day(i.registered_on),
        "period_end": _day(i.period_end),
        "origin": i.origin,
        "replicates_id": i.replicates_id,
        "status": i.status,
        "description": i.description,
        "results": i.results,
        **_stamp(i),
    }


class InitiativeFilters(ListParams):
    status: Initiative.Status | None = None
    field: str | None = SchemaField(None, max_length=40)


@work.get("/initiatives", response=Page, summary="“Dân vận khéo” models")
def initiative_list(
    request: HttpRequest, params: Query[InitiativeFilters]
) -> dict[str, Any]:
    rows = Initiative.objects.select_related(
        "unit", "field", "holder_body", "holder_person"
    )
    if params.status:
        rows = rows.filter(status=params.status)
    if params.field:
        rows = rows.filter(field__code=params.field)
    return page_of(request, rows, params, initiative_out, date_field="registered_on")


@work.get("/initiatives/{initiative_id}", summary="A model")
def initiative_detail(request: HttpRequest, initiative_id: int) -> dict[str, Any]:
    rows = Initiative.objects.select_related(
        "unit", "field", "holder_body", "holder_person"
    )
    return initiative_out(one(request, rows, initiative_id))


class InitiativeIn(Schema):
    unit_id: int
    name: str = SchemaField(..., min_length=1, max_length=300)
    field: str = SchemaField(
        ..., max_length=40, description="Field code, e.g. kinh-te."
    )
    registered_on: dt.date
    kind: Initiative.Kind = Initiative.Kind.MODEL
    holder_kind: Initiative.Holder = Initiative.Holder.COLLECTIVE
    holder_name: str = SchemaField("", max_length=250)
    period_end: dt.date | None = None
    origin: Initiative.Origin = Initiative.Origin.NEW
    replicates_id: int | None = None
    description: str = SchemaField("", max_length=20_000)
    results: str = SchemaField("", max_length=20_000)


class InitiativeChange(Schema):
    version: int = SchemaField(
        ..., ge=1, description="The version read; a stale one is refused with 409."
    )
    unit_id: int | None = None
    name: str | None = SchemaField(None, min_length=1, max_length=300)
    field: str | None = SchemaField(None, max_length=40)
    registered_on: dt.date | None = None
    kind: Initiative.Kind | None = None
    holder_kind: Initiative.Holder | None = None
    holder_name: str | None = SchemaField(None, max_length=250)
    period_end: dt.date | None = None
    origin: Initiative.Origin | None = None
    replicates_id: int | None = None
    description: str | None = SchemaField(None, max_length=20_000)
    results: str | None = SchemaField(None, max_length=20_000)


def _field(code: str) -> Field:
    found = Field.objects.filter(code=code).first()
    if found is None:
        raise ValidationError(
            {"field": _("Không có lĩnh vực “%(code)s”.") % {"code": code}}
        )
    return found


def _initiative_data(request: HttpRequest, values: dict[str, Any]) -> Any:
    user = _user(request)
    unit = _unit(request, values["unit_id"])
    require(user, Action.CHANGE, unit)
    replicates = None
    if values.get("replicates_id"):
        replicates = (
            scoped(user, Initiative.objects.all())
            .filter(pk=values["replicates_id"])
            .first()
        )
        if replicates is None:
            raise ValidationError(
                {
                    "replicates_id": _(
                        "Không có mô hình số %(n)s trong phạm vi của bạn."
                    )
                    % {"n": values["replicates_id"]}
                }
            )
    return initiative_services.InitiativeData(
        unit=unit,
        name=values["name"],
        field=_field(values["field"]),
        registered_on=values["registered_on"],
        kind=values["kind"],
        holder_kind=values["holder_kind"],
        holder_name=values["holder_name"],
        period_end=values["period_end"],
        origin=values["origin"],
        replicates=replicates,
        description=values["description"],
        results=values["results"],
    )


@work.post("/initiatives", response={201: dict}, summary="Register a model")
def initiative_create(request: HttpRequest, payload: InitiativeIn) -> Any:
    data = _initiative_data(request, payload.dict())
    with set_actor(_user(request)), transaction.atomic():
        initiative = initiative_services.initiative_register(data=data)
    return Status(201, initiative_detail(request, initiative.pk))


@work.patch("/initiatives/{initiative_id}", summary="Change a model (409 when stale)")
def initiative_change(
    request: HttpRequest, initiative_id: int, payload: InitiativeChange
) -> dict[str, Any]:
    user = _user(request)
    initiative = one(
        request, Initiative.objects.select_related("unit", "field"), initiative_id
    )
    require(user, Action.CHANGE, initiative.unit)
    current = {
        "unit_id": initiative.unit_id,
        "name": initiative.name,
        "field": initiative.field.code,
        "registered_on": initiative.registered_on,
        "kind": initiative.kind,
        "holder_kind": initiative.holder_kind,
        "holder_name": initiative.holder_name,
        "period_end": initiative.period_end,
        "origin": initiative.origin,
        "replicates_id": initiative.replicates_id,
        "description": initiative.description,
        "results": initiative.results,
    }
    changes = payload.dict(exclude_unset=True)
    version = changes.pop("version")
    data = _initiative_data(request, {**current, **changes})
    if initiative.holder_kind == data.holder_kind and not changes.get("holder_name"):
        data = initiative_services.InitiativeData(
            **{
                **data.__dict__,
                "holder_body": initiative.holder_body,
                "holder_person": initiative.holder_person,
            }
        )
    with set_actor(user), transaction.atomic():
        initiative_services.initiative_update(
            initiative=initiative, data=data, expected_version=version
        )
    return initiative_detail(request, initiative.pk)


# ---------------------------------------------------------------- other records


def conference_out(c: Conference) -> dict[str, Any]:
    return {
        "id": c.pk,
        "unit": _ref(c.unit),
        "kind": c.kind,
        "title": c.title,
        "date": _day(c.date),
        "start_time": c.start_time.isoformat() if c.start_time else None,
        "place": c.place,
        "organizer_id": c.organizer_id,
        "review_start": _day(c.review_start),
        "review_end": _day(c.review_end),
        "plan_start": _day(c.plan_start),
        "plan_end": _day(c.plan_end),
        **_stamp(c),
    }


class KindFilters(ListParams):
    kind: str | None = SchemaField(None, max_length=20)


@work.get("/conferences", response=Page, summary="Conferences")
def conference_list(request: HttpRequest, params: Query[KindFilters]) -> dict[str, Any]:
    rows = Conference.objects.select_related("unit")
    if params.kind:
        rows = rows.filter(kind=params.kind)
    return page_of(request, rows, params, conference_out, date_field="date")


@work.get(
    "/conferences/{conference_id}",
    summary="A conference with attendees, commitments and tasks",
)
def conference_detail(request: HttpRequest, conference_id: int) -> dict[str, Any]:
    c = one(request, Conference.objects.select_related("unit"), conference_id)
    return {
        **conference_out(c),
        "conclusions": c.conclusions,
        "attendees": [
            {
                "name": a.name,
                "position": a.position,
                "is_guest": a.is_guest,
                "spoke": a.spoke,
                "speech": a.speech,
                "person_id": a.person_id,
            }
            for a in c.attendances.order_by("order", "pk")
        ],
        "commitments": [
            {"body_id": m.body_id, "signer_name": m.signer_name, "content": m.content}
            for m in c.commitments.order_by("pk")
        ],
        "tasks": [
            {
                "id": t.pk,
                "owner_id": t.owner_id,
                "content": t.content,
                "deadline": _day(t.deadline),
                "status": t.status,
                "done_on": _day(t.done_on),
            }
            for t in c.tasks.order_by("deadline", "pk")
        ],
    }


class AttendeeIn(Schema):
    name: str = SchemaField(..., min_length=1, max_length=150)
    position: str = SchemaField("", max_length=300)
    is_guest: bool = False
    speech: str = SchemaField("", max_length=20_000)


class ConferenceIn(Schema):
    unit_id: int
    kind: Conference.Kind
    title: str = SchemaField(..., min_length=1, max_length=400)
    date: dt.date
    organizer_id: int = SchemaField(..., description="Id of a body in scope.")
    start_time: dt.time | None = None
    place: str = SchemaField("", max_length=250)
    review_start: dt.date | None = None
    review_end: dt.date | None = None
    plan_start: dt.date | None = None
    plan_end: dt.date | None = None
    conclusions: str = SchemaField("", max_length=20_000)
    attendees: list[AttendeeIn] = SchemaField([], max_length=500)


class ConferenceChange(Schema):
    version: int = SchemaField(..., ge=1)
    kind: Conference.Kind | None = None
    title: str | None = SchemaField(None, min_length=1, max_length=400)
    date: dt.date | None = None
    organizer_id: int | None = None
    start_time: dt.time | None = None
    place: str | None = SchemaField(None, max_length=250)
    review_start: dt.date | None = None
    review_end: dt.date | None = None
    plan_start: dt.date | None = None
    plan_end: dt.date | None = None
    conclusions: str | None = SchemaField(None, max_length=20_000)


CONFERENCE_FIELDS = (
    "kind",
    "title",
    "date",
    "start_time",
    "place",
    "review_start",
    "review_end",
    "plan_start",
    "plan_end",
    "conclusions",
)


def _body(request: HttpRequest, body_id: int, field: str) -> Body:
    """A body of the user's scope, or a field error on ``field``."""
    body: Body | None = (
        scoped(_user(request), Body.objects.all()).filter(pk=body_id).first()
    )
    if body is None:
        raise ValidationError(
            {
                field: _("Không có cơ quan số %(n)s trong phạm vi của bạn.")
                % {"n": body_id}
            }
        )
    return body


@work.post(
    "/conferences",
    response={201: dict},
    summary="Record a conference with its attendees",
)
def conference_create(request: HttpRequest, payload: ConferenceIn) -> Any:
    user = _user(request)
    unit = _unit(request, payload.unit_id)
    require(user, Action.CHANGE, unit)
    values = payload.dict()
    data = conference_services.ConferenceData(
        unit=unit,
        organizer=_body(request, payload.organizer_id, "organizer_id"),
        **{name: values[name] for name in CONFERENCE_FIELDS},
    )
    with set_actor(user), transaction.atomic():
        conference = conference_services.conference_create(data=data)
        for attendee in payload.attendees:
            conference_services.attendance_add(
                conference=conference,
                name=attendee.name,
                position=attendee.position,
                is_guest=attendee.is_guest,
                speech=attendee.speech,
            )
    return Status(201, conference_detail(request, conference.pk))


@work.patch(
    "/conferences/{conference_id}", summary="Change a conference (409 when stale)"
)
def conference_change(
    request: HttpRequest, conference_id: int, payload: ConferenceChange
) -> dict[str, Any]:
    user = _user(request)
    conference = one(
        request, Conference.objects.select_related("unit", "organizer"), conference_id
    )
    require(user, Action.CHANGE, conference.unit)
    changes = payload.dict(exclude_unset=True)
    version = changes.pop("version")
    organizer = (
        _body(request, changes.pop("organizer_id"), "organizer_id")
        if changes.get("organizer_id") is not None
        else conference.organizer
    )
    changes.pop("organizer_id", None)
    current = {name: getattr(conference, name) for name in CONFERENCE_FIELDS}
    data = conference_services.ConferenceData(
        unit=conference.unit,
        organizer=organizer,
        article_title=conference.article_title,
        article_url=conference.article_url,
        article_author=conference.article_author,
        article_published_on=conference.article_published_on,
        **{**current, **{k: v for k, v in changes.items() if k in CONFERENCE_FIELDS}},
    )
    with set_actor(user):
        conference_services.conference_update(
            conference=conference, data=data, expected_version=version
        )
    return conference_detail(request, conference.pk)


def programme_out(p: CoordinationProgram) -> dict[str, Any]:
    return {
        "id": p.pk,
        "unit": _ref(p.unit),
        "title": p.title,
        "signed_on": _day(p.signed_on),
        "start": _day(p.start),
        "end": _day(p.end),
        "status": p.status,
        "parties": [b.pk for b in p.parties.all()],
        **_stamp(p),
    }


@work.get("/programmes", response=Page, summary="Coordination programmes")
def programme_list(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    rows = CoordinationProgram.objects.select_related("unit").prefetch_related(
        "parties"
    )
    return page_of(request, rows, params, programme_out, date_field="signed_on")


@work.get("/programmes/{programme_id}", summary="A coordination programme")
def programme_detail(request: HttpRequest, programme_id: int) -> dict[str, Any]:
    p = one(request, CoordinationProgram.objects.select_related("unit"), programme_id)
    return {**programme_out(p), "content": p.content}


def dialogue_out(d: Dialogue) -> dict[str, Any]:
    return {
        "id": d.pk,
        "unit": _ref(d.unit),
        "topic": d.topic,
        "date": _day(d.date),
        "host_id": d.host_id,
        "participants": d.participants,
        "issues_raised": d.issues_raised,
        "issues_resolved": d.issues_resolved,
        **_stamp(d),
    }


@work.get("/dialogues", response=Page, summary="Dialogues with the people")
def dialogue_list(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    rows = Dialogue.objects.select_related("unit")
    return page_of(request, rows, params, dialogue_out, date_field="date")


@work.get("/dialogues/{dialogue_id}", summary="A dialogue")
def dialogue_detail(request: HttpRequest, dialogue_id: int) -> dict[str, Any]:
    return dialogue_out(
        one(request, Dialogue.objects.select_related("unit"), dialogue_id)
    )


class ProgrammeIn(Schema):
    unit_id: int
    title: str = SchemaField(..., min_length=1, max_length=400)
    party_ids: list[int] = SchemaField(..., min_length=2, max_length=50)
    signed_on: dt.date
    start: dt.date
    end: dt.date | None = None
    content: str = SchemaField("", max_length=20_000)


@work.post(
    "/programmes", response={201: dict}, summary="Record a coordination programme"
)
def programme_create(request: HttpRequest, payload: ProgrammeIn) -> Any:
    from work.services import programmes as programme_services

    user = _user(request)
    unit = _unit(request, payload.unit_id)
    require(user, Action.CHANGE, unit)
    parties = [_body(request, pk, "party_ids") for pk in payload.party_ids]
    with set_actor(user):
        programme = programme_services.program_create(
            unit=unit,
            title=payload.title,
            parties=parties,
            signed_on=payload.signed_on,
            start=payload.start,
            end=payload.end,
            content=payload.content,
        )
    return Status(201, programme_detail(request, programme.pk))


class DialogueIn(Schema):
    unit_id: int
    host_id: int
    topic: str = SchemaField(..., min_length=1, max_length=400)
    date: dt.date
    issues_raised: int = SchemaField(..., ge=0, le=1_000_000)
    issues_resolved: int = SchemaField(0, ge=0, le=1_000_000)
    participants: int | None = SchemaField(None, ge=0, le=10_000_000)


class DialogueChange(Schema):
    version: int = SchemaField(..., ge=1)
    host_id: int | None = None
    topic: str | None = SchemaField(None, min_length=1, max_length=400)
    date: dt.date | None = None
    issues_raised: int | None = SchemaField(None, ge=0, le=1_000_000)
    issues_resolved: int | None = SchemaField(None, ge=0, le=1_000_000)
    participants: int | None = SchemaField(None, ge=0, le=10_000_000)


@work.post(
    "/dialogues", response={201: dict}, summary="Record a dialogue with the people"
)
def dialogue_create(request: HttpRequest, payload: DialogueIn) -> Any:
    from work.services import programmes as programme_services

    user = _user(request)
    unit = _unit(request, payload.unit_id)
    require(user, Action.CHANGE, unit)
    with set_actor(user), transaction.atomic():
        dialogue = programme_services.dialogue_record(
            unit=unit,
            host=_body(request, payload.host_id, "host_id"),
            topic=payload.topic,
            date=payload.date,
            issues_raised=payload.issues_raised,
            issues_resolved=payload.issues_resolved,
            participants=payload.participants,
        )
    return Status(201, dialogue_detail(request, dialogue.pk))


def _kept(changes: dict[str, Any], name: str, current: Any) -> Any:
    """The changed value, or the current one when left out or null."""
    value = changes.get(name)
    return current if value is None else value


@work.patch("/dialogues/{dialogue_id}", summary="Change a dialogue (409 when stale)")
def dialogue_change(
    request: HttpRequest, dialogue_id: int, payload: DialogueChange
) -> dict[str, Any]:
    from work.services import programmes as programme_services

    user = _user(request)
    dialogue = one(
        request, Dialogue.objects.select_related("unit", "host"), dialogue_id
    )
    require(user, Action.CHANGE, dialogue.unit)
    changes = payload.dict(exclude_unset=True)
    host = (
        _body(request, changes["host_id"], "host_id")
        if changes.get("host_id") is not None
        else dialogue.host
    )
    with set_actor(user), transaction.atomic():
        programme_services.dialogue_update(
            dialogue=dialogue,
            host=host,
            topic=changes.get("topic") or dialogue.topic,
            date=changes.get("date") or dialogue.date,
            issues_raised=_kept(changes, "issues_raised", dialogue.issues_raised),
            issues_resolved=_kept(changes, "issues_resolved", dialogue.issues_resolved),
            participants=changes.get("participants", dialogue.participants),
            expected_version=payload.version,
        )
    return dialogue_detail(request, dialogue.pk)


def campaign_out(c: Campaign) -> dict[str, Any]:
    return {
        "id": c.pk,
        "unit": _ref(c.unit),
        "kind": c.kind,
        "name": c.name,
        "start": _day(c.start),
        "end": _day(c.end),
        **_stamp(c),
    }


@work.get("/campaigns", response=Page, summary="Campaigns and drives")
def campaign_list(request: HttpRequest, params: Query[KindFilters]) -> dict[str, Any]:
    rows = Campaign.objects.select_related("unit")
    if params.kind:
        rows = rows.filter(kind=params.kind)
    return page_of(request, rows, params, campaign_out, date_field="start")


@work.get(
    "/campaigns/{campaign_id}", summary="A campaign with its targets and progress"
)
def campaign_detail(request: HttpRequest, campaign_id: int) -> dict[str, Any]:
    c = one(request, Campaign.objects.select_related("unit"), campaign_id)
    return {
        **campaign_out(c),
        "description": c.description,
        "targets": [
            {
                "id": t.pk,
                "unit": _ref(t.unit),
                "description": t.description,
                "comparison": t.comparison,
                "quantity": _number(t.quantity),
                "measure": t.measure,
                "progress": [
                    {
                        "date": _day(p.date),
                        "achieved": _number(p.achieved),
                        "note": p.note,
                    }
                    for p in t.progress.order_by("date", "pk")
                ],
            }
            for t in c.targets.select_related("unit").order_by("pk")
        ],
    }


class TargetIn(Schema):
    unit_id: int
    description: str = SchemaField(..., min_length=1, max_length=300)
    comparison: Target.Comparison = Target.Comparison.AT_LEAST
    quantity: Decimal = SchemaField(..., ge=0, max_digits=14, decimal_places=2)
    measure: str = SchemaField(..., min_length=1, max_length=50)


class CampaignIn(Schema):
    unit_id: int
    kind: Campaign.Kind
    name: str = SchemaField(..., min_length=1, max_length=400)
    start: dt.date
    end: dt.date
    participant_ids: list[int] = SchemaField([], max_length=5000)
    organizer_id: int | None = None
    description: str = SchemaField("", max_length=20_000)
    targets: list[TargetIn] = SchemaField([], max_length=5000)


@work.post(
    "/campaigns", response={201: dict}, summary="Launch a campaign with its targets"
)
def campaign_create(request: HttpRequest, payload: CampaignIn) -> Any:
    from work.services import campaigns as campaign_services

    user = _user(request)
    unit = _unit(request, payload.unit_id)
    require(user, Action.CHANGE, unit)
    participants = [_unit(request, pk) for pk in payload.participant_ids]
    organizer = (
        _body(request, payload.organizer_id, "organizer_id")
        if payload.organizer_id is not None
        else None
    )
    with set_actor(user), transaction.atomic():
        campaign = campaign_services.campaign_create(
            unit=unit,
            kind=payload.kind,
            name=payload.name,
            start=payload.start,
            end=payload.end,
            participants=participants,
            organizer=organizer,
            description=payload.description,
        )
        for target in payload.targets:
            campaign_services.target_set(
                campaign=campaign,
                unit=_unit(request, target.unit_id),
                description=target.description,
                quantity=target.quantity,
                measure=target.measure,
                comparison=target.comparison,
            )
    return Status(201, campaign_detail(request, campaign.pk))


class ProgressIn(Schema):
    date: dt.date
    achieved: Decimal = SchemaField(..., ge=0, max_digits=14, decimal_places=2)
    note: str = SchemaField("", max_length=300)


@work.post(
    "/campaigns/{campaign_id}/targets/{target_id}/progress",
    response={201: dict},
    summary="Record what a target has reached by a date",
)
def progress_create(
    request: HttpRequest, campaign_id: int, target_id: int, payload: ProgressIn
) -> Any:
    from work.services import campaigns as campaign_services

    user = _user(request)
    campaign = one(request, Campaign.objects.all(), campaign_id)
    target = campaign.targets.select_related("unit").filter(pk=target_id).first()
    if target is None:
        raise Http404
    require(user, Action.CHANGE, target.unit)
    with set_actor(user), transaction.atomic():
        campaign_services.progress_record(
            target=target,
            date=payload.date,
            achieved=payload.achieved,
            note=payload.note,
        )
    return Status(201, campaign_detail(request, campaign.pk))


def award_out(a: Award) -> dict[str, Any]:
    return {
        "id": a.pk,
        "unit": _ref(a.unit),
        "issuer_id": a.issuer_id,
        "issuer_name": a.issuer_name,
        "form": a.form,
        "date": _day(a.date),
        "decision": a.decision,
        "reason": a.reason,
        "collective_count": a.collective_count,
        "individual_count": a.individual_count,
        "conference_id": a.conference_id,
        "initiative_id": a.initiative_id,
        **_stamp(a),
    }


@work.get("/awards", response=Page, summary="Awards")
def award_list(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    return page_of(
        request,
        Award.objects.select_related("unit"),
        params,
        award_out,
        date_field="date",
    )


class RecipientIn(Schema):
    kind: AwardRecipient.Kind
    name: str = SchemaField(..., min_length=1, max_length=250)


class AwardIn(Schema):
    unit_id: int
    form: Award.Form
    date: dt.date
    issuer_id: int | None = SchemaField(
        None, description="A body in scope, or issuer_name."
    )
    issuer_name: str = SchemaField("", max_length=250)
    form_other: str = SchemaField("", max_length=150)
    collective_count: int | None = SchemaField(None, ge=0, le=1_000_000)
    individual_count: int | None = SchemaField(None, ge=0, le=1_000_000)
    recipients: list[RecipientIn] = SchemaField([], max_length=2000)
    reason: str = SchemaField("", max_length=20_000)
    decision: str = SchemaField("", max_length=100)
    conference_id: int | None = None
    initiative_id: int | None = None


@work.post(
    "/awards", response={201: dict}, summary="Record an award and its recipients"
)
def award_create(request: HttpRequest, payload: AwardIn) -> Any:
    from work.services import awards as award_services

    user = _user(request)
    unit = _unit(request, payload.unit_id)
    require(user, Action.CHANGE, unit)
    issuer = (
        _body(request, payload.issuer_id, "issuer_id")
        if payload.issuer_id is not None
        else None
    )
    conference = (
        one(request, Conference.objects.all(), payload.conference_id)
        if payload.conference_id is not None
        else None
    )
    initiative = (
        one(request, Initiative.objects.all(), payload.initiative_id)
        if payload.initiative_id is not None
        else None
    )
    with set_actor(user), transaction.atomic():
        award = award_services.award_record(
            unit=unit,
            form=payload.form,
            date=payload.date,
            issuer=issuer,
            issuer_name=payload.issuer_name,
            form_other=payload.form_other,
            collective_count=payload.collective_count,
            individual_count=payload.individual_count,
            recipients=[
                award_services.Recipient(kind=r.kind, name=r.name)
                for r in payload.recipients
            ],
            reason=payload.reason,
            decision=payload.decision,
            conference=conference,
            initiative=initiative,
        )
    return Status(201, award_detail(request, award.pk))


@work.get("/awards/{award_id}", summary="An award")
def award_detail(request: HttpRequest, award_id: int) -> dict[str, Any]:
    award = one(request, Award.objects.select_related("unit"), award_id)
    return {
        **award_out(award),
        "recipients": [
            {
                "kind": r.kind,
                "name": r.name,
                "body_id": r.body_id,
                "person_id": r.person_id,
            }
            for r in award.recipients.order_by("pk")
        ],
    }


# ---------------------------------------------------------------- indicators

indicators = Router(tags=["indicators"])


@indicators.get(
    "/indicators", summary="Indicators (what is measured and how it adds up)"
)
def indicator_list(request: HttpRequest) -> list[dict[str, Any]]:
    user = _user(request)
    own = scoped(user, Unit.objects.all())
    rows = Indicator.objects.filter(Q(owner__isnull=True) | Q(owner__in=own)).order_by(
        "pk"
    )
    return [
        {
            "code": i.code,
            "name": i.name,
            "measure": i.measure,
            "aggregation": i.aggregation,
            "whole_numbers": i.whole_numbers,
            "denominator_label": i.denominator_label,
        }
        for i in rows
    ]


def value_out(v: IndicatorValue) -> dict[str, Any]:
    return {
        "id": v.pk,
        "indicator": v.indicator.code,
        "unit": _ref(v.unit),
        "period_start": _day(v.period_start),
        "period_end": _day(v.period_end),
        "value": _number(v.value),
        "denominator": _number(v.denominator),
        "source": v.source,
        **_stamp(v),
    }


class ValueFilters(ListParams):
    indicator: str | None = SchemaField(None, max_length=60)


@indicators.get("/indicator-values", response=Page, summary="Indicator values")
def value_list(request: HttpRequest, params: Query[ValueFilters]) -> dict[str, Any]:
    rows = IndicatorValue.objects.select_related("unit", "indicator")
    if params.indicator:
        rows = rows.filter(indicator__code=params.indicator)
    return page_of(request, rows, params, value_out, date_field="period_end")


class ValueIn(Schema):
    indicator: str = SchemaField(..., max_length=60, description="Indicator code.")
    unit: int = SchemaField(..., description="Unit id.")
    period_start: dt.date
    period_end: dt.date
    value: Decimal = SchemaField(..., max_digits=16, decimal_places=2)
    denominator: Decimal | None = SchemaField(None, max_digits=16, decimal_places=2)
    source: str = SchemaField(..., max_length=400)


class ValueSet(Schema):
    values: list[ValueIn] = SchemaField(..., min_length=1, max_length=BULK_MAX_ROWS)


class RowReport(Schema):
    row: int
    status: Literal["created", "invalid", "not saved"]
    id: int | None = None
    errors: list[dict[str, str]] = []


class ValueSetReport(Schema):
    saved: bool
    created: int
    rows: list[RowReport]


@indicators.post(
    "/indicator-values/bulk",
    response={201: ValueSetReport, 422: ValueSetReport},
    summary="Many values at once: all or nothing, with a report per row",
)
def value_bulk(request: HttpRequest, payload: ValueSet) -> Any:
    """Like DHIS2's data value sets: values for many units and periods in one
    request. Every row is checked by the same rules as one value typed on the
    page; if any row is invalid nothing is saved and each row says why."""
    user = _user(request)
    codes = {row.indicator for row in payload.values}
    known = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
    unit_ids = {row.unit for row in payload.values}
    in_scope = {u.pk: u for u in scoped(user, Unit.objects.filter(pk__in=unit_ids))}
    errors: dict[int, list[dict[str, str]]] = {}
    items: list[indicator_services.ValueData] = []
    positions: list[int] = []
    for index, row in enumerate(payload.values):
        problems_of_row = []
        indicator = known.get(row.indicator)
        unit = in_scope.get(row.unit)
        if indicator is None:
            problems_of_row.append(
                {
                    "field": "indicator",
                    "code": "unknown",
                    "message": _("Không có chỉ số “%(code)s”.")
                    % {"code": row.indicator},
                }
            )
        if unit is None:
            problems_of_row.append(
                {
                    "field": "unit",
                    "code": "not_found",
                    "message": _("Không có đơn vị số %(n)s trong phạm vi của bạn.")
                    % {"n": row.unit},
                }
            )
        elif not user.has_role(Action.CHANGE.value):
            raise PermissionDenied
        if problems_of_row:
            errors[index] = problems_of_row
            continue
        assert indicator is not None and unit is not None
        items.append(
            indicator_services.ValueData(
                indicator=indicator,
                unit=unit,
                period_start=row.period_start,
                period_end=row.period_end,
                value=row.value,
                source=row.source,
                denominator=row.denominator,
            )
        )
        positions.append(index)
    created: list[IndicatorValue] = []
    if not errors:
        try:
            created = indicator_services.values_record_many(items=items, actor=user)
        except BatchError as exc:
            for item_index, error in exc.errors.items():
                errors[positions[item_index]] = problems.validation_errors(error)
    if errors:
        return Status(
            422,
            {
                "saved": False,
                "created": 0,
                "rows": [
                    {"row": i, "status": "invalid", "errors": errors[i]}
                    if i in errors
                    else {"row": i, "status": "not saved"}
                    for i in range(len(payload.values))
                ],
            },
        )
    return Status(
        201,
        {
            "saved": True,
            "created": len(created),
            "rows": [
                {"row": i, "status": "created", "id": record.pk}
                for i, record in enumerate(created)
            ],
        },
    )


# ------------------------------------------- periods, roll-ups, reports

figures = Router(tags=["periods, roll-ups and reports"])


def period_out(period: Any) -> dict[str, Any]:
    return {
        "code": period.code,
        "kind": period.kind.value,
        "label": period.label,
        "start": _day(period.start),
        "end": _day(period.end),
    }


@figures.get(
    "/periods", summary="The named periods of a year: year, halves, quarters, months"
)
def period_list(request: HttpRequest, year: int) -> list[dict[str, Any]]:
    from reports.periods import period_choices

    if not 1945 <= year <= 2100:
        raise ValidationError({"year": _("Năm phải từ 1945 đến 2100.")})
    [(_year, periods)] = period_choices(dt.date(year, 1, 1), years=1)
    return [period_out(p) for p in periods]


@figures.get(
    "/periods/{code}",
    summary="A period from its code (2025, 2025H1, 2025Q3, 2025-07, a..b)",
)
def period_detail(request: HttpRequest, code: str) -> dict[str, Any]:
    try:
        period = parse_period(code)
    except PeriodError as exc:
        raise ValidationError({"code": str(exc)}) from exc
    return period_out(period)


@figures.get(
    "/rollups", summary="Totals of a unit for a period, as it was, per child unit"
)
def rollup_detail(request: HttpRequest, unit: int, period: str) -> dict[str, Any]:
    found = _unit(request, unit)
    try:
        parsed = parse_period(period)
    except PeriodError as exc:
        raise ValidationError({"period": str(exc)}) from exc
    totals = rollup(found, parsed, rows=True)
    return {**rollup_data(totals), "rows": [row_data(r) for r in totals.rows]}


def report_out(r: Report) -> dict[str, Any]:
    return {
        "id": r.pk,
        "unit": _ref(r.unit),
        "kind": r.kind,
        "period": r.period.value.code,
        "status": r.status,
        "subject": r.subject,
        "issued_on": _day(r.issued_on),
        "downloads": {fmt: f"/bao-cao/{r.pk}/tai/{fmt}/" for fmt in ("docx", "xlsx")},
    }


@figures.get("/reports", response=Page, summary="Reports (metadata)")
def report_list(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    rows = Report.objects.select_related("unit", "period")
    return page_of(request, rows, params, report_out, searchable=False)


@figures.get("/reports/{report_id}", summary="A report with its sections")
def report_detail(request: HttpRequest, report_id: int) -> dict[str, Any]:
    r = one(request, Report.objects.select_related("unit", "period"), report_id)
    return {
        **report_out(r),
        "sections": [
            {"key": s.key, "title": str(s), "text": s.text}
            for s in r.sections.order_by("pk")
        ],
    }


@figures.get(
    "/reports/{report_id}/files/{fmt}",
    summary="The report as DOCX (Party layout) or its figures as XLSX",
    openapi_extra={
        "responses": {
            "200": {
                "description": "The file.",
                "content": {
                    "application/vnd.openxmlformats-officedocument"
                    ".wordprocessingml.document": {},
                    "application/vnd.openxmlformats-officedocument"
                    ".spreadsheetml.sheet": {},
                },
            }
        }
    },
)
def report_file_download(
    request: HttpRequest, report_id: int, fmt: Literal["docx", "xlsx"]
) -> HttpResponse:
    from reports.documents import report_file

    report = one(request, Report.objects.select_related("unit", "period"), report_id)
    content, name, content_type = report_file(report, fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# ---------------------------------------------------------------- documents

documents = Router(tags=["documents read"])


def document_out(d: Document) -> dict[str, Any]:
    return {
        "id": d.pk,
        "unit": _ref(d.unit),
        "name": d.name,
        "kind": d.kind,
        "encoding": d.encoding,
        "status": d.status,
        "uploaded_at": d.uploaded_at.isoformat(),
        "accepted_at": d.accepted_at.isoformat() if d.accepted_at else None,
    }


@documents.get("/documents", response=Page, summary="Articles and reports read")
def document_list(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    rows = Document.objects.select_related("unit").defer("text", "cleaned")
    return page_of(request, rows, params, document_out, searchable=False)


@documents.get("/documents/{document_id}", summary="A document with the facts read")
def document_detail(request: HttpRequest, document_id: int) -> dict[str, Any]:
    from ingest.locate import propose_unit

    d = one(request, Document.objects.select_related("unit"), document_id)
    proposal = (
        propose_unit(request.user, d.facts, d.unit)
        if d.facts and d.conference_id is None
        else None
    )
    return {
        **document_out(d),
        "facts": d.facts,
        "accepted_facts": d.accepted_facts,
        "proposed_unit": {
            "id": proposal.unit.pk,
            "code": proposal.unit.code,
            "name": proposal.unit.name,
            "reason": proposal.reason,
            "from_text": proposal.found,
        }
        if proposal
        else None,
    }


@documents.post(
    "/documents",
    response={201: dict, 200: dict},
    summary="Read a file (TXT, HTML, DOCX, PDF) into facts for review",
)
def document_upload(
    request: HttpRequest, unit: Form[int], file: File[UploadedFile]
) -> Any:
    """The same reading as the page's: the file's facts come back for review;
    nothing becomes a record until it is accepted. The same content sent
    again answers 200 with the document already there."""
    from ingest.reading import MAX_BYTES, ReadError
    from ingest.services import document_read

    user = _user(request)
    target = _unit(request, unit)
    require(user, Action.CHANGE, target)
    if file.size is not None and file.size > MAX_BYTES:
        raise ValidationError(
            {
                "file": _("Tệp quá lớn; chỉ nhận tệp đến %(mb)d MB.")
                % {"mb": MAX_BYTES // 2**20}
            }
        )
    try:
        with set_actor(user):
            document, created = document_read(
                unit=target, name=file.name or "", data=file.read(), by=user
            )
    except ReadError as exc:
        raise ValidationError({"file": str(exc)}) from exc
    return Status(201 if created else 200, document_detail(request, document.pk))


class AcceptIn(Schema):
    facts: dict[str, Any] | None = SchemaField(
        None, description="The reviewed facts; the facts read when left out."
    )
    unit: int | None = SchemaField(
        None,
        description="The unit the records go to (its id); the unit the "
        "document was read for when left out. See proposed_unit.",
    )


@documents.post(
    "/documents/{document_id}/accept",
    response={201: dict},
    summary="Turn a document's reviewed facts into records (all or nothing)",
)
def document_accept(request: HttpRequest, document_id: int, payload: AcceptIn) -> Any:
    from ingest.services import document_accept as accept

    user = _user(request)
    document = one(request, Document.objects.select_related("unit"), document_id)
    require(user, Action.CHANGE, document.unit)
    target = _unit(request, payload.unit) if payload.unit else document.unit
    require(user, Action.CHANGE, target)
    with set_actor(user), transaction.atomic():
        conference = accept(
            document=document,
            facts=payload.facts or document.facts,
            by=user,
            unit=target,
        )
    return Status(
        201,
        {
            "document": document_detail(request, document.pk),
            "conference_id": conference.pk,
        },
    )


api.add_router("/units", units)
api.add_router("/", org)
api.add_router("/", work)
api.add_router("/", indicators)
api.add_router("/", figures)
api.add_router("/", documents)


fallback = Router()


@fallback.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"],
    "/{path:rest}",
    auth=None,
    include_in_schema=False,
)
def unknown(request: HttpRequest, rest: str) -> HttpResponse:
    """Anything else below /api/v1/: a problem document, never a page."""
    return problems.not_found(request)


api.add_router("/", fallback)  # last: after every real route


def urls() -> tuple[Sequence[Any], str, str]:
    """The API's URL patterns, open to the login-required middleware: the
    token decides, and a request without one gets a 401 problem, not the
    login page."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback.login_required = False  # type: ignore[union-attr]
    return patterns, app_name, namespace


__all__ = ["api", "urls"]
