"""Demo data: a few provinces with their history, bodies, people and users.

Everything here is invented except the administrative units, which come from
the official list. Names of people are generated in Vietnamese order
(``danvan.names``, fixed seed).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from accounts.services import user_create
from danvan.names import vietnamese_name
from org import services
from org.models import Body, BodyKind, Person, Position, Unit, UnitKind
from org.unitdata import REFORM_DATE, load_official_units, national_root
from vn.text import fold
from work.demo import build_work_demo

DEMO_PASSWORD = "danvan-demo"
# Current provinces holding the units named in the seed articles:
# Đà Nẵng (thị xã Điện Bàn), Ninh Bình (huyện Gia Viễn), Đồng Nai (xã Minh Tâm,
# huyện Hớn Quản), Tây Ninh (phường Hiệp Ninh), Gia Lai (phường Tam Quan Nam).
DEMO_PROVINCES = {"48", "37", "75", "80", "52"}
LEGACY_START = dt.date(2021, 6, 1)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    unit: str


def _kinds() -> dict[str, BodyKind]:
    return {k.code: k for k in BodyKind.objects.filter(owner__isnull=True)}


def _unit(name: str, *, active: bool, parent_name: str | None = None) -> Unit:
    units = Unit.objects.filter(name=name, valid_to__isnull=active)
    if parent_name:
        units = units.filter(versions__parent__name=parent_name)
    unit: Unit = units.distinct().get()
    return unit


class _People:
    def __init__(self) -> None:
        self.rng = random.Random(2024)

    def name(self) -> tuple[str, bool]:
        female = self.rng.random() < 0.45
        return vietnamese_name(self.rng, female=female), female

    def person(self, unit: Unit) -> Person:
        name, female = self.name()
        return services.person_create(
            home_unit=unit,
            full_name=name,
            gender=Person.Gender.FEMALE if female else Person.Gender.MALE,
            birth_year=self.rng.randint(1965, 1992),
        )


def _staff(
    people: _People,
    unit: Unit,
    body: Body,
    titles: list[str],
    start: dt.date,
    end: dt.date | None,
) -> list[Person]:
    staff = []
    for title in titles:
        person = people.person(unit)
        services.position_assign(
            person=person, body=body, title=title, start_date=start, end_date=end
        )
        staff.append(person)
    return staff


def _bodies(
    unit: Unit, specs: list[tuple[str, str, str]], start: dt.date | None
) -> dict[str, Body]:
    kinds = _kinds()
    return {
        code: services.body_create(
            unit=unit, kind=kinds[code], name=name, short_name=short, valid_from=start
        )
        for code, name, short in specs
    }


def _end_bodies(bodies: dict[str, Body], last_day: dt.date) -> None:
    for body in bodies.values():
        services.body_update(
            body=body,
            name=body.name,
            short_name=body.short_name,
            kind=body.kind,
            valid_from=body.valid_from,
            valid_to=last_day,
        )


def _seed_units(people: _People) -> dict[str, Unit]:
    """Bodies and people of the units named in the seeds, before and after 2025."""
    last_day = REFORM_DATE - dt.timedelta(days=1)
    units: dict[str, Unit] = {}

    quang_nam = _unit("Tỉnh Quảng Nam", active=False)
    dien_ban = _unit("Thị xã Điện Bàn", active=False)
    gia_vien = _unit("Huyện Gia Viễn", active=False)
    hon_quan = _unit("Huyện Hớn Quản", active=False)
    minh_tam = _unit("Xã Minh Tâm", active=False, parent_name="Huyện Hớn Quản")
    hiep_ninh = _unit("Phường Hiệp Ninh", active=False)
    tam_quan_nam = _unit("Phường Tam Quan Nam", active=False)
    da_nang = _unit("Thành phố Đà Nẵng", active=True)
    phuong_dien_ban = _unit("Phường Điện Bàn", active=True)
    units.update(
        quang_nam=quang_nam,
        dien_ban=dien_ban,
        da_nang=da_nang,
        phuong_dien_ban=phuong_dien_ban,
        minh_tam=minh_tam,
        hiep_ninh=hiep_ninh,
    )

    old = _bodies(
        quang_nam,
        [
            ("dang-uy", "Tỉnh ủy Quảng Nam", "TU"),
            ("ban-dan-van", "Ban Dân vận Tỉnh ủy Quảng Nam", "BDVTU"),
        ],
        LEGACY_START,
    )
    _staff(
        people,
        quang_nam,
        old["ban-dan-van"],
        ["Trưởng ban", "Phó Trưởng ban", "Trưởng phòng Đoàn thể và các Hội tổng hợp"],
        LEGACY_START,
        last_day,
    )
    _end_bodies(old, last_day)

    for district, party, short in [
        (dien_ban, "Thị ủy Điện Bàn", "Thị ủy"),
        (gia_vien, "Huyện ủy Gia Viễn", "Huyện ủy"),
        (hon_quan, "Huyện ủy Hớn Quản", "Huyện ủy"),
    ]:
        place = district.short_name
        level = "thị xã" if district.kind.code == "thi-xa" else "huyện"
        bodies = _bodies(
            district,
            [
                ("dang-uy", party, short),
                ("ban-dan-van", f"Ban Dân vận {party}", "BDV"),
                ("ubnd", f"Ủy ban nhân dân {level} {place}", "UBND"),
                ("hdnd", f"Hội đồng nhân dân {level} {place}", "HĐND"),
                ("mttq", f"Ủy ban MTTQ Việt Nam {level} {place}", "UBMTTQVN"),
                ("cong-an", f"Công an {level} {place}", "CA"),
                ("ban-chqs", f"Ban Chỉ huy Quân sự {level} {place}", "BCHQS"),
                (
                    "bcd-dan-van-kheo",
                    f"Ban Chỉ đạo phong trào thi đua “Dân vận khéo” {level} {place}",
                    "BCĐ DVK",
                ),
            ],
            LEGACY_START,
        )
        leader = _staff(
            people,
            district,
            bodies["dang-uy"],
            ["Phó Bí thư Thường trực"],
            LEGACY_START,
            last_day,
        )[0]
        services.position_assign(
            person=leader,
            body=bodies["hdnd"],
            title="Chủ tịch",
            start_date=LEGACY_START,
            end_date=last_day,
        )
        deputy = _staff(
            people,
            district,
            bodies["dang-uy"],
            ["Ủy viên Ban Thường vụ"],
            LEGACY_START,
            last_day,
        )[0]
        services.position_assign(
            person=deputy,
            body=bodies["ubnd"],
            title="Phó Chủ tịch",
            start_date=LEGACY_START,
            end_date=last_day,
        )
        head = _staff(
            people,
            district,
            bodies["ban-dan-van"],
            ["Trưởng ban"],
            LEGACY_START,
            last_day,
        )[0]
        services.position_assign(
            person=head,
            body=bodies["bcd-dan-van-kheo"],
            title="Trưởng ban Chỉ đạo",
            start_date=LEGACY_START,
            end_date=last_day,
        )
        _staff(
            people,
            district,
            bodies["ban-dan-van"],
            ["Phó Trưởng ban", "Chuyên viên"],
            LEGACY_START,
            last_day,
        )
        _staff(
            people, district, bodies["mttq"], ["Phó Chủ tịch"], LEGACY_START, last_day
        )
        _end_bodies(bodies, last_day)

    def lower(name: str) -> str:
        return name[0].lower() + name[1:]

    for commune, block in [
        (minh_tam, "Khối dân vận xã Minh Tâm"),
        (hiep_ninh, "Khối dân vận phường Hiệp Ninh"),
        (tam_quan_nam, "Khối vận phường Tam Quan Nam"),
    ]:
        bodies = _bodies(
            commune,
            [
                (
                    "dang-uy",
                    f"Đảng ủy {lower(commune.name)}",
                    "ĐU",
                ),
                ("khoi-dan-van", block, "KDV"),
                (
                    "bcd-van-dong-quan-chung",
                    f"Ban Chỉ đạo công tác vận động quần chúng {lower(commune.name)}",
                    "BCĐ",
                ),
            ],
            LEGACY_START,
        )
        _staff(
            people,
            commune,
            bodies["khoi-dan-van"],
            ["Trưởng khối", "Phó Trưởng khối"],
            LEGACY_START,
            last_day,
        )
        _staff(
            people,
            commune,
            bodies["bcd-van-dong-quan-chung"],
            ["Trưởng ban", "Phó Trưởng ban", "Thành viên"],
            LEGACY_START,
            last_day,
        )
        _end_bodies(bodies, last_day)

    # After the reform: the province's new committee and the successor wards.
    province_bodies = _bodies(
        da_nang,
        [
            ("dang-uy", "Thành ủy Đà Nẵng", "TU"),
            (
                "ban-tuyen-giao-dan-van",
                "Ban Tuyên giáo và Dân vận Thành ủy Đà Nẵng",
                "BTGDVTU",
            ),
            ("ubnd", "Ủy ban nhân dân thành phố Đà Nẵng", "UBND"),
            ("mttq", "Ủy ban MTTQ Việt Nam thành phố Đà Nẵng", "UBMTTQVN"),
        ],
        REFORM_DATE,
    )
    _staff(
        people,
        da_nang,
        province_bodies["ban-tuyen-giao-dan-van"],
        ["Trưởng ban", "Phó Trưởng ban", "Phó Trưởng ban", "Trưởng phòng Dân vận"],
        REFORM_DATE,
        None,
    )
    units["da_nang_board"] = da_nang  # for logins
    ward_bodies = _bodies(
        phuong_dien_ban,
        [
            ("dang-uy", "Đảng ủy phường Điện Bàn", "ĐU"),
            ("khoi-dan-van", "Khối dân vận phường Điện Bàn", "KDV"),
            ("ubnd", "Ủy ban nhân dân phường Điện Bàn", "UBND"),
            ("mttq", "Ủy ban MTTQ Việt Nam phường Điện Bàn", "UBMTTQVN"),
            ("cong-an", "Công an phường Điện Bàn", "CA"),
        ],
        REFORM_DATE,
    )
    _staff(
        people,
        phuong_dien_ban,
        ward_bodies["khoi-dan-van"],
        ["Trưởng khối", "Phó Trưởng khối"],
        REFORM_DATE,
        None,
    )
    _staff(
        people, phuong_dien_ban, ward_bodies["mttq"], ["Chủ tịch"], REFORM_DATE, None
    )
    village_kind = UnitKind.objects.get(code="khu-pho")
    for number in range(1, 5):
        services.unit_create(
            parent=phuong_dien_ban,
            code=f"{phuong_dien_ban.code}-KP{number:02d}",
            name=f"Khu phố {number}",
            short_name=f"Khu phố {number}",
            kind=village_kind,
            valid_from=REFORM_DATE,
        )
    return units


def _logins(units: dict[str, Unit]) -> list[DemoLogin]:
    root = national_root()
    specs: list[tuple[str, Role, Unit, str]] = [
        ("admin", Role.ADMINISTRATOR, root, "Quản trị hệ thống"),
    ]
    labels = {
        Role.VIEWER: "xem",
        Role.EDITOR: "capnhat",
        Role.APPROVER: "pheduyet",
        Role.ADMINISTRATOR: "quantri",
    }
    for role, label in labels.items():
        specs.append(
            (f"tinh.{label}", role, units["da_nang"], f"Cán bộ tỉnh ({role.label})")
        )
        specs.append(
            (
                f"xa.{label}",
                role,
                units["phuong_dien_ban"],
                f"Cán bộ phường ({role.label})",
            )
        )
    logins = []
    for username, role, unit, full_name in specs:
        body = unit.bodies.filter(
            kind__code__in=["ban-tuyen-giao-dan-van", "khoi-dan-van"]
        ).first()
        user_create(
            actor=None,
            username=username,
            password=DEMO_PASSWORD,
            full_name=full_name,
            unit=unit,
            body=body,
            role=role,
        )
        logins.append(DemoLogin(username, str(role.label), unit.name))
    return logins


_COMMITTEE = {
    "tinh": "Tỉnh ủy",
    "thanh-pho-tw": "Thành ủy",
    "huyen": "Huyện ủy",
    "quan": "Quận ủy",
    "thi-xa": "Thị ủy",
    "thanh-pho-thuoc-tinh": "Thành ủy",
    "thanh-pho-thuoc-tp": "Thành ủy",
}


def _lower(name: str) -> str:
    return f"{name[0].lower()}{name[1:]}"


def _standard_specs(unit: Unit) -> list[tuple[str, str]]:
    """The usual bodies of a unit: its committee for mass mobilization (the
    Ban Dân vận of the district or province committee before 1 July 2025, the
    merged Ban Tuyên giáo và Dân vận of a province after it, the Khối dân vận
    of a commune), its People's Committee and its Fatherland Front."""
    lower = _lower(unit.name)
    level = unit.kind.level.code
    if level == "xa":
        specs = [("khoi-dan-van", f"Khối dân vận {lower}")]
    elif unit.is_active and level == "tinh":
        specs = [
            ("ban-tuyen-giao-dan-van", f"Ban Tuyên giáo và Dân vận {unit.short_name}")
        ]
    else:
        committee = f"{_COMMITTEE.get(unit.kind.code, 'Huyện ủy')} {unit.short_name}"
        specs = [("ban-dan-van", f"Ban Dân vận {committee}")]
    return [
        *specs,
        ("ubnd", f"Ủy ban nhân dân {lower}"),
        ("mttq", f"Ủy ban MTTQ Việt Nam {lower}"),
    ]


def _bulk_standard_bodies() -> int:
    """The usual bodies of every province, district and commune without bodies,
    current and former (a former unit's bodies ended with it)."""
    kinds = _kinds()
    bodies: list[Body] = []
    units = Unit.objects.filter(
        kind__level__code__in=["tinh", "huyen", "xa"], bodies__isnull=True
    )
    for unit in units.select_related("kind__level"):
        for code, name in _standard_specs(unit):
            bodies.append(
                Body(
                    unit=unit,
                    kind=kinds[code],
                    name=name,
                    valid_from=unit.valid_from,
                    valid_to=unit.valid_to,
                    search_key=Body.make_search_key(name=name, short_name=""),
                )
            )
    Body.objects.bulk_create(bodies, batch_size=5000)
    return len(bodies)


def _bulk_heads(people: _People) -> int:
    """A head for every Ban/Khối dân vận created in bulk."""
    heads = list(
        Body.objects.filter(
            kind__code__in=["ban-tuyen-giao-dan-van", "ban-dan-van", "khoi-dan-van"],
            positions__isnull=True,
        ).select_related("unit__kind__level", "kind")
    )
    persons = []
    for body in heads:
        name, female = people.name()
        persons.append(
            Person(
                home_unit=body.unit,
                full_name=name,
                gender=Person.Gender.FEMALE if female else Person.Gender.MALE,
                search_key=fold(name),
            )
        )
    Person.objects.bulk_create(persons, batch_size=5000)
    Position.objects.bulk_create(
        [
            Position(
                person=person,
                body=body,
                title="Trưởng khối"
                if body.kind.code == "khoi-dan-van"
                else "Trưởng ban",
                start_date=body.valid_from or LEGACY_START,
                end_date=body.valid_to,
            )
            for person, body in zip(persons, heads, strict=True)
        ],
        batch_size=5000,
    )
    return len(persons)


def demo_loaded() -> bool:
    return User.objects.filter(username="admin").exists()


def build_demo(*, national: bool, say: Callable[[str], None]) -> list[DemoLogin]:
    """Build the demo. ``national`` loads all 34 provinces instead of five."""
    provinces = None if national else DEMO_PROVINCES
    with transaction.atomic():
        stats = load_official_units(provinces=provinces)
        say(
            f"Đơn vị: {stats.provinces} tỉnh, {stats.communes} xã hiện nay; "
            f"{stats.former_provinces} tỉnh, {stats.former_districts} huyện, "
            f"{stats.former_communes} xã trước 01/7/2025."
        )
        people = _People()
        units = _seed_units(people)
        bodies = _bulk_standard_bodies()
        heads = _bulk_heads(people)
        say(f"Cơ quan tạo hàng loạt: {bodies}; cán bộ phụ trách: {heads}.")
        if not national:
            build_work_demo(say=say)
        logins = _logins(units)
        if not national:
            _demo_reports(units, say)
            _demo_article(units, say)
        return logins


def _demo_reports(units: dict[str, Unit], say: Callable[[str], None]) -> None:
    """A ward's six-month report of this year waiting for the province's
    approval, and the province's year-end report of 2025 as a draft."""
    from accounts.models import User
    from reports.periods import parse_period
    from reports.services import report_create, report_submit, report_update

    editor = User.objects.get(username="xa.capnhat")
    year = timezone.localdate().year
    ward = report_create(
        unit=units["phuong_dien_ban"], period=parse_period(f"{year}H1"), by=editor
    )
    written = {
        "uu-diem": (
            "Các mô hình “Dân vận khéo” gắn với nhiệm vụ chính trị của phường, "
            "được Nhân dân đồng tình hưởng ứng."
        ),
        "han-che": "Việc nhân rộng mô hình ở một số khu phố còn chậm.",
        "phuong-huong": (
            "- Tiếp tục đăng ký, xây dựng và nhân rộng các mô hình tiêu biểu.\n"
            "- Sơ kết, khen thưởng kịp thời các tập thể, cá nhân tiêu biểu."
        ),
    }
    drafted = {s.key: s.text for s in ward.sections.all()}
    ward = report_update(
        report=ward,
        data={
            "sections": {
                **{k: v for k, v in written.items() if not drafted.get(k)},
                "nguyen-nhan": (
                    "Cấp ủy quan tâm lãnh đạo; các đoàn thể phối hợp chặt chẽ.\n"
                    "Một số chi bộ chưa quan tâm đúng mức đến công tác dân vận."
                ),
                "bai-hoc": "Lãnh đạo phải sâu sát cơ sở, lắng nghe ý kiến Nhân dân.",
                "de-xuat": (
                    "Đề nghị cấp trên hỗ trợ kinh phí nhân rộng các mô hình tiêu biểu."
                ),
            }
        },
        expected_version=ward.version,
        by=editor,
    )
    report_submit(report=ward, by=editor)
    report_create(
        unit=units["da_nang"],
        period=parse_period("2025"),
        by=User.objects.get(username="tinh.capnhat"),
    )
    say("Báo cáo: 1 báo cáo phường đang chờ phê duyệt, 1 dự thảo của thành phố.")


# Written for the demo: an article of 2023 about the former town of Điện Bàn.
DEMO_ARTICLE = """Điện Bàn tổng kết công tác dân vận năm 2023

Chiều 27/12/2023, Ban Dân vận Thị ủy Điện Bàn (tỉnh Quảng Nam) tổ chức hội nghị \
tổng kết công tác dân vận năm 2023, triển khai nhiệm vụ năm 2024. Dự hội nghị có \
đồng chí Trần Thị Thu Hà, Phó Trưởng Ban Dân vận Tỉnh ủy.

Năm 2023, toàn thị xã có 58 mô hình “Dân vận khéo”, trong đó lĩnh vực kinh tế 20 \
mô hình, văn hóa - xã hội 25 mô hình, quốc phòng - an ninh 8 mô hình, xây dựng hệ \
thống chính trị 5 mô hình. Nhân dân hiến 4.200 m2 đất làm đường giao thông nông thôn.

Dịp này, Ban Thường vụ Thị ủy tặng giấy khen cho 6 tập thể và 9 cá nhân.

Minh Châu
"""


def _demo_article(units: dict[str, Unit], say: Callable[[str], None]) -> None:
    """An article waiting for review, uploaded for the city: the review page
    proposes the former town it is about, as it was on 27/12/2023."""
    from accounts.models import User
    from ingest.services import document_read

    document_read(
        unit=units["da_nang"],
        name="dien-ban-tong-ket-2023.txt",
        data=DEMO_ARTICLE.encode("utf-8"),
        by=User.objects.get(username="tinh.capnhat"),
    )
    say("Bài viết: 1 bài về Thị xã Điện Bàn năm 2023 đang chờ duyệt.")
