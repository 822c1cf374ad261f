"""Loads the official list of administrative units and the 1 July 2025 reform.

Source: the ``vietnamadminunits`` package, which ships both the current list
(34 provinces, 3,321 communes, with official codes) and the pre-2025 list
(63 provinces, 696 districts, 10,035 communes), plus the mapping from each
former commune to the commune(s) it became. Rows are written in bulk with
treebeard paths computed here, so the national list loads in seconds.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from org.models import Reorganization, ReorganizationLink, Unit, UnitKind, UnitVersion

REFORM_DATE = dt.date(2025, 7, 1)
LAST_DAY_BEFORE_REFORM = REFORM_DATE - dt.timedelta(days=1)
PROVINCE_DECISION = (
    "Nghị quyết của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh năm 2025"
)
DISTRICT_DECISION = (
    "Luật Tổ chức chính quyền địa phương năm 2025: "
    "kết thúc hoạt động của đơn vị hành chính cấp huyện"
)
COMMUNE_DECISION = (
    "Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp "
    "các đơn vị hành chính cấp xã năm 2025"
)

_PROVINCE_KINDS = {"Tỉnh": "tinh", "Thành phố": "thanh-pho-tw"}
_DISTRICT_KINDS = {
    "Huyện": "huyen",
    "Quận": "quan",
    "Thị xã": "thi-xa",
    "Thành phố": "thanh-pho-thuoc-tinh",
}
_COMMUNE_KINDS = {
    "Xã": "xa",
    "Phường": "phuong",
    "Thị trấn": "thi-tran",
    "Đặc khu": "dac-khu",
}


def _dataset_dir() -> Path:
    import vietnamadminunits

    return Path(vietnamadminunits.__file__).parent / "data"


def _rows(table: str) -> list[dict[str, Any]]:
    from vietnamadminunits.database import query

    return query(f"SELECT * FROM [{table}]")  # type: ignore[no-any-return]


@dataclass
class _Node:
    unit: Unit
    children: list[_Node] = field(default_factory=list)


@dataclass
class LoadStats:
    provinces: int = 0
    communes: int = 0
    former_provinces: int = 0
    former_districts: int = 0
    former_communes: int = 0
    reorganizations: int = 0
    links: int = 0
    unmapped: list[str] = field(default_factory=list)


def _kind(kinds: dict[str, UnitKind], code: str) -> UnitKind:
    return kinds[code]


def _prefix(full: str) -> str:
    for word in ("Thành phố", "Thị xã", "Thị trấn", "Đặc khu"):
        if full.startswith(word):
            return word
    return full.split(" ", 1)[0]


def _new_unit(
    kind: UnitKind,
    code: str,
    name: str,
    short: str,
    start: dt.date | None,
    end: dt.date | None,
) -> Unit:
    return Unit(
        code=code,
        name=name,
        short_name=short,
        kind=kind,
        valid_from=start,
        valid_to=end,
        search_key=Unit.make_search_key(code=code, name=name, short_name=short),
    )


def _assign_paths(
    parent_path: str, first_step: int, nodes: Iterable[_Node]
) -> list[Unit]:
    out: list[Unit] = []
    depth = len(parent_path) // Unit.steplen + 1
    for step, node in enumerate(nodes, start=first_step):
        node.unit.path = Unit._get_path(parent_path, depth, step)
        node.unit.depth = depth
        node.unit.numchild = len(node.children)
        out.append(node.unit)
        out.extend(_assign_paths(node.unit.path, 1, node.children))
    return out


def national_root() -> Unit:
    """The root unit "Việt Nam", created on first use."""
    root: Unit | None = Unit.objects.get_root_nodes().filter(code="VN").first()
    if root is None:
        kind = UnitKind.objects.get(code="quoc-gia")
        root = Unit.objects.add_root(
            instance=_new_unit(kind, "VN", "Việt Nam", "Việt Nam", None, None)
        )
        UnitVersion.objects.create(
            unit=root, name=root.name, short_name=root.short_name, kind=kind
        )
    return root


@transaction.atomic
def load_official_units(*, provinces: set[str] | None = None) -> LoadStats:
    """Load current and former units of ``provinces`` (current codes; None = all).

    Provinces already loaded are skipped, so the command can be run again.
    """
    kinds = {k.code: k for k in UnitKind.objects.all()}
    root = national_root()
    converter = json.loads((_dataset_dir() / "converter_2025.json").read_text("utf-8"))
    province_map: dict[str, list[str]] = converter["DICT_PROVINCE"]
    merged_wards: dict[str, dict[str, list[str]]] = converter[
        "DICT_PROVINCE_WARD_NO_DIVIDED"
    ]
    split_wards: dict[str, dict[str, list[dict[str, Any]]]] = converter[
        "DICT_PROVINCE_WARD_DIVIDED"
    ]

    current = _rows("admin_units")
    former = _rows("admin_units_legacy")
    already = set(
        Unit.objects.filter(depth=2, valid_to__isnull=True).values_list(
            "code", flat=True
        )
    )
    wanted = {
        r["provinceKey"]
        for r in current
        if (provinces is None or r["provinceCode"] in provinces)
        and r["provinceCode"] not in already
    }
    stats = LoadStats()
    if not wanted:
        return stats

    # Units of the current list.
    new_provinces: dict[str, _Node] = {}
    new_communes: dict[tuple[str, str], _Node] = {}
    for r in current:
        pkey = r["provinceKey"]
        if pkey not in wanted:
            continue
        if pkey not in new_provinces:
            unchanged = province_map[pkey] == [pkey]
            new_provinces[pkey] = _Node(
                _new_unit(
                    _kind(kinds, _PROVINCE_KINDS[_prefix(r["province"])]),
                    r["provinceCode"],
                    r["province"],
                    r["provinceShort"],
                    None if unchanged else REFORM_DATE,
                    None,
                )
            )
        node = _Node(
            _new_unit(
                _kind(kinds, _COMMUNE_KINDS[r["wardType"]]),
                r["wardCode"],
                r["ward"],
                r["wardShort"],
                REFORM_DATE,
                None,
            )
        )
        new_provinces[pkey].children.append(node)
        new_communes[(pkey, r["wardKey"])] = node

    # Former units, homed under the unit they live on in.
    old_to_new_province = {
        old: new for new, olds in province_map.items() if new in wanted for old in olds
    }
    former_provinces: dict[str, _Node] = {}
    former_districts: dict[str, _Node] = {}
    former_communes: dict[str, _Node] = {}
    historical_parent: dict[int, Unit] = {}
    placed_districts: set[int] = set()
    links: list[
        tuple[str, Unit, Unit, bool, str]
    ] = []  # (group, pred, succ, primary, kind)
    for r in former:
        old_pkey = r["provinceKey"]
        new_pkey = old_to_new_province.get(old_pkey)
        if new_pkey is None:
            continue
        new_province = new_provinces[new_pkey]
        unchanged = province_map[new_pkey] == [old_pkey]
        if old_pkey not in former_provinces:
            if unchanged:
                former_provinces[old_pkey] = new_province
            else:
                node = _Node(
                    _new_unit(
                        _kind(kinds, _PROVINCE_KINDS[_prefix(r["province"])]),
                        r["provinceCode"],
                        r["province"],
                        r["provinceShort"],
                        None,
                        LAST_DAY_BEFORE_REFORM,
                    )
                )
                new_province.children.append(node)
                former_provinces[old_pkey] = node
                links.append(
                    (f"p:{new_pkey}", node.unit, new_province.unit, True, "merge")
                )
        dkey = f"{old_pkey}_{r['districtKey']}"
        if dkey not in former_districts:
            district_kind = _DISTRICT_KINDS[r["districtType"]]
            if district_kind == "thanh-pho-thuoc-tinh" and r["province"].startswith(
                "Thành phố"
            ):
                district_kind = "thanh-pho-thuoc-tp"
            node = _Node(
                _new_unit(
                    _kind(kinds, district_kind),
                    r["districtCode"],
                    r["district"],
                    r["districtShort"],
                    None,
                    LAST_DAY_BEFORE_REFORM,
                )
            )
            former_districts[dkey] = node
            historical_parent[id(node.unit)] = former_provinces[old_pkey].unit
        ward_key = f"{old_pkey}_{r['districtKey']}_{r['wardKey'] or ''}"
        district = former_districts[dkey]
        targets: list[tuple[_Node, bool]] = []
        for new_wkey, olds in merged_wards.get(new_pkey, {}).items():
            if ward_key in olds:
                targets.append((new_communes[(new_pkey, new_wkey)], True))
        for item in split_wards.get(new_pkey, {}).get(ward_key, []):
            targets.append(
                (
                    new_communes[(new_pkey, item["newWardKey"])],
                    bool(item["isDefaultNewWard"]),
                )
            )
        if targets and not any(primary for _, primary in targets):
            targets[0] = (targets[0][0], True)
        if r["ward"] is None:
            # An island district without communes became a special zone itself.
            if targets:
                primary = next(t for t, p in targets if p)
                primary.children.append(district)
                placed_districts.add(id(district))
                for target, is_primary in targets:
                    links.append(
                        (
                            f"c:{id(target)}",
                            district.unit,
                            target.unit,
                            is_primary,
                            "merge",
                        )
                    )
            else:
                stats.unmapped.append(r["district"])
            continue
        node = _Node(
            _new_unit(
                _kind(kinds, _COMMUNE_KINDS[r["wardType"]]),
                r["wardCode"],
                r["ward"],
                r["wardShort"],
                None,
                LAST_DAY_BEFORE_REFORM,
            )
        )
        former_communes[ward_key] = node
        historical_parent[id(node.unit)] = district.unit
        if not targets:
            stats.unmapped.append(f"{r['ward']}, {r['district']}, {r['province']}")
            new_province.children.append(node)
            continue
        for target, is_primary in targets:
            links.append(
                (f"c:{id(target)}", node.unit, target.unit, is_primary, "merge")
            )
            if is_primary:
                target.children.append(node)
    for dkey, district in former_districts.items():
        if id(district) in placed_districts:
            continue
        new_pkey = old_to_new_province[dkey.split("_", 1)[0]]
        new_provinces[new_pkey].children.append(district)
        links.append(
            (
                f"d:{new_pkey}",
                district.unit,
                new_provinces[new_pkey].unit,
                True,
                "dissolve",
            )
        )

    # Paths under the national root, then rows in bulk. The root's children
    # are read from the paths, not from its stored count (which is what
    # treebeard's own helpers trust, and what is being corrected here).
    children = Unit.objects.filter(depth=root.depth + 1, path__startswith=root.path)
    last = children.order_by("-path").first()
    first_step = (Unit._str2int(last.path[-Unit.steplen :]) + 1) if last else 1
    ordered = sorted(new_provinces.values(), key=lambda n: n.unit.code)
    units = _assign_paths(root.path, first_step, ordered)
    Unit.objects.bulk_create(units, batch_size=2000)
    Unit.objects.filter(pk=root.pk).update(numchild=children.count())

    reorgs: dict[str, Reorganization] = {}
    for group, _pred, _succ, _primary, kind in links:
        if group not in reorgs:
            decision = {
                "p": PROVINCE_DECISION,
                "d": DISTRICT_DECISION,
                "c": COMMUNE_DECISION,
            }[group[0]]
            reorgs[group] = Reorganization(
                kind=Reorganization.Kind(kind),
                effective_date=REFORM_DATE,
                decision=decision,
            )
    Reorganization.objects.bulk_create(reorgs.values(), batch_size=2000)
    ReorganizationLink.objects.bulk_create(
        [
            ReorganizationLink(
                reorganization=reorgs[group],
                predecessor=pred,
                successor=succ,
                is_primary=primary,
            )
            for group, pred, succ, primary, _kind_ in links
        ],
        batch_size=5000,
    )
    started_by = {id(succ): reorgs[group] for group, _p, succ, _pr, _k in links}

    versions: list[UnitVersion] = []
    for pnode in ordered:
        province = pnode.unit
        versions.append(_version(province, root, started_by.get(id(province))))
        for child in pnode.children:
            if child.unit.valid_to is None:  # a current commune
                versions.append(
                    _version(child.unit, province, started_by.get(id(child.unit)))
                )
                stats.communes += 1
    for onode in former_provinces.values():
        if onode.unit.valid_to is not None:
            versions.append(_version(onode.unit, root, None))
            stats.former_provinces += 1
    for dnode in former_districts.values():
        versions.append(_version(dnode.unit, historical_parent[id(dnode.unit)], None))
        stats.former_districts += 1
    for cnode in former_communes.values():
        versions.append(_version(cnode.unit, historical_parent[id(cnode.unit)], None))
        stats.former_communes += 1
    UnitVersion.objects.bulk_create(versions, batch_size=5000)
    stats.provinces = len(ordered)
    stats.reorganizations = len(reorgs)
    stats.links = len(links)
    return stats


def _version(
    unit: Unit, parent: Unit | None, reorg: Reorganization | None
) -> UnitVersion:
    return UnitVersion(
        unit=unit,
        name=unit.name,
        short_name=unit.short_name,
        kind=unit.kind,
        parent=parent,
        valid_from=unit.valid_from,
        valid_to=unit.valid_to,
        reorganization=reorg,
    )
