"""The text of a report's sections, drafted from what was recorded.

Each drafter takes the period's ``Facts`` and returns the section's text in
the report markup (a paragraph per line, "- " for a bullet, **bold**), or an
empty string when the records say nothing: that section then carries its
prompt for the writer, never "…". No sentence states a zero: empty items are
left out, or said in words. Names of units are written in lower case inside
a sentence ("thành phố Đà Nẵng"), numbers and percentages the Vietnamese way.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from org.lineage import name_on
from reports.facts import CampaignFacts, Facts
from reports.figures import row_label
from reports.rollup import TargetResult
from vn.numbers import format_percent, format_quantity
from vn.prose import (
    capitalize,
    change,
    count,
    date_range,
    join,
    lower_first,
    short_date,
    unit_in_sentence,
)
from work.models import Award, Conference, Field, Target

Drafter = Callable[[Facts], str]
DVK_PREFIX = "dvk-"
_CONFERENCE_NOUNS: dict[str, str] = {
    Conference.Kind.YEAR_END_REVIEW: "hội nghị tổng kết",
    Conference.Kind.MIDYEAR_REVIEW: "hội nghị sơ kết",
    Conference.Kind.PLAN_LAUNCH: "hội nghị triển khai",
    Conference.Kind.BRIEFING: "hội nghị giao ban",
    Conference.Kind.THEMATIC: "hội nghị chuyên đề",
    Conference.Kind.DIALOGUE: "hội nghị đối thoại",
}


def _place(facts: Facts) -> str:
    """The unit as a sentence names it: "huyện Gia Viễn"."""
    day = min(facts.period.end, facts.unit.valid_to or facts.period.end)
    return unit_in_sentence(name_on(facts.unit, day))


def _whole(facts: Facts) -> str:
    """ "toàn huyện", "toàn thành phố"; "cả nước" for the nation."""
    place = _place(facts)
    if place == "Việt Nam":
        return "cả nước"
    for kind in ("thành phố", "thị xã", "thị trấn", "đặc khu", "khu phố"):
        if place.startswith(kind + " "):
            return f"toàn {kind}"
    return f"toàn {place.split(' ', 1)[0]}"


def _leaders(facts: Facts) -> str:
    """Who leads the work: in a commune its committee and organizations, above
    it the committees and bodies of every level."""
    if facts.unit.kind.level.code == "xa":
        return f"cấp ủy và các tổ chức trong hệ thống chính trị {_place(facts)}"
    return f"cấp ủy, cơ quan dân vận các cấp {_whole(facts)}"


def _opening(facts: Facts) -> str:
    return capitalize(facts.period.during)


def _compared(facts: Facts) -> str:
    return facts.period.compared


def _moved(facts: Facts, now: int | Decimal, before: int | Decimal) -> str:
    """ "tăng 5 so với năm 2022"."""
    return change(now, before, compared=_compared(facts))


def _pct(value: Decimal | None) -> str:
    return format_percent(value)


def _field_names() -> dict[str, str]:
    return {f.code: f.name for f in Field.objects.all()}


# --- I. results ---------------------------------------------------------------


def leadership(facts: Facts) -> str:
    now, before = facts.now, facts.before
    lines = []
    if now.conferences:
        kinds = [
            count(n, _CONFERENCE_NOUNS.get(kind, "hội nghị"))
            for kind, n in now.conferences_by_kind.items()
        ]
        compared = (
            f" ({_moved(facts, now.conferences, before.conferences)})"
            if before.conferences
            else ""
        )
        held = (
            join(kinds)
            if len(kinds) == 1
            else f"{count(now.conferences, 'hội nghị')}{compared}, gồm {join(kinds)}"
        )
        if len(kinds) == 1:
            held += compared
        lines.append(f"{_opening(facts)}, {_leaders(facts)} đã tổ chức {held}.")
    launched = [c for c in facts.campaigns if c.start >= facts.period.start]
    if launched:
        names = [f"{c.name} ({date_range(c.start, c.end)})" for c in launched[:4]]
        more = len(launched) - len(names)
        tail = f" và {count(more, 'đợt khác')}" if more else ""
        what = count(len(launched), "đợt, cuộc vận động")
        lines.append(f"Ban hành kế hoạch, phát động {what}: {'; '.join(names)}{tail}.")
    return "\n".join(lines)


def state(facts: Facts) -> str:
    dialogues = facts.dialogues
    if not dialogues.held:
        return ""
    compared = (
        f" ({change(dialogues.held, dialogues.held_before, compared=_compared(facts))})"
        if dialogues.held_before
        else ""
    )
    sentence = (
        f"{_opening(facts)}, chính quyền các cấp {_whole(facts)} đã tổ chức "
        f"{count(dialogues.held, 'buổi đối thoại')} với Nhân dân{compared}"
    )
    if dialogues.participants:
        sentence += (
            f", với {format_quantity(dialogues.participants)} lượt người tham dự"
        )
    sentence += "."
    lines = [sentence]
    if dialogues.raised:
        if dialogues.resolved:
            share = Decimal(dialogues.resolved) / dialogues.raised * 100
            lines.append(
                f"Tiếp nhận {count(dialogues.raised, 'ý kiến, kiến nghị')}, đã giải "
                f"quyết {format_quantity(dialogues.resolved)} ý kiến "
                f"(đạt {format_percent(share.quantize(Decimal('0.01')))})."
            )
        else:
            lines.append(
                f"Tiếp nhận {count(dialogues.raised, 'ý kiến, kiến nghị')}, đang "
                "được xem xét, giải quyết."
            )
    if dialogues.topics:
        topics = join(
            [
                lower_first(re.sub(r"^(?i:đối thoại)\s+(?i:về)\s+", "", t).rstrip("."))
                for t in dialogues.topics
            ]
        )
        lines.append(f"Nội dung đối thoại tập trung vào: {topics}.")
    return "\n".join(lines)


def front(facts: Facts) -> str:
    """Indicators other than the counts of "Dân vận khéo", one bullet each."""
    lines = []
    for code, total in facts.now.indicators.items():
        if code.startswith(DVK_PREFIX) or not total.value:
            continue
        earlier = facts.before.indicators.get(code)
        if total.denominator:
            text = (
                f"{total.name}: {format_quantity(total.value)}/"
                f"{format_quantity(total.denominator)} "
                f"({format_percent(total.percent)})"
            )
            if earlier is not None and earlier.percent is not None:
                text += f"; {_compared(facts)} là {format_percent(earlier.percent)}"
        else:
            measure = f" {total.measure}" if total.measure else ""
            text = f"{total.name}: {format_quantity(total.value)}{measure}"
            if earlier is not None and earlier.value:
                text += f" ({_moved(facts, total.value, earlier.value)})"
        lines.append(f"- {text}.")
    if not lines:
        return ""
    return "\n".join([f"{_opening(facts)}, kết quả một số chỉ tiêu chủ yếu:", *lines])


def _dvk_counts(facts: Facts) -> tuple[int, dict[str, int]]:
    """The models of the period: from the records, or else from the counts
    an article gave ("dvk-…" indicator values)."""
    now = facts.now
    if now.initiatives:
        return now.initiatives, now.initiatives_by_field
    total = now.indicators.get(f"{DVK_PREFIX}tong-so")
    by_field = {
        code.removeprefix(DVK_PREFIX): int(t.value)
        for code, t in now.indicators.items()
        if code.startswith(DVK_PREFIX) and code != f"{DVK_PREFIX}tong-so"
    }
    return (int(total.value) if total else 0), by_field


def dan_van_kheo(facts: Facts) -> str:
    now, before = facts.now, facts.before
    total, by_field = _dvk_counts(facts)
    lines = []
    if total:
        names = _field_names()
        parts = [
            f"{lower_first(names[code])} {format_quantity(n)}"
            for code, n in sorted(
                by_field.items(),
                key=lambda item: list(names).index(item[0]) if item[0] in names else 99,
            )
            if n and code in names
        ]
        compared = (
            f" ({_moved(facts, total, before.initiatives)})"
            if before.initiatives and now.initiatives
            else ""
        )
        sentence = (
            f"{_opening(facts)}, {_whole(facts)} có "
            f"{count(total, 'mô hình, điển hình “Dân vận khéo”')} được đăng ký"
            f"{compared}"
        )
        if parts:
            sentence += f", trong đó lĩnh vực {'; '.join(parts)}"
        extras = [
            count(now.initiatives_replicated, "mô hình được nhân rộng"),
            count(now.recognized, "mô hình, điển hình được công nhận tiêu biểu"),
        ]
        extras = [e for e in extras if e]
        if extras:
            sentence += "; " + "; ".join(extras)
        lines.append(sentence + ".")
    if facts.standouts:
        named = [
            f"mô hình “{s.name}” của {s.holder}"
            + (f" ({unit_in_sentence(s.unit)})" if s.unit != facts.unit.name else "")
            for s in facts.standouts[:5]
        ]
        lines.append(f"Tiêu biểu như: {'; '.join(named)}.")
    awards = _awards(facts)
    if awards:
        lines.append(awards)
    return "\n".join(lines)


def _awards(facts: Facts) -> str:
    now = facts.now
    collectives = sum(c for c, _i in now.awards_by_form.values())
    individuals = sum(i for _c, i in now.awards_by_form.values())
    who = join([count(collectives, "tập thể"), count(individuals, "cá nhân")])
    if not who:
        return ""
    forms = dict(Award.Form.choices)
    kinds = join([str(forms.get(form, form)) for form in now.awards_by_form])
    levels = [
        f"{lower_first(level.level)} "
        + join(
            [count(level.collectives, "tập thể"), count(level.individuals, "cá nhân")]
        )
        for level in now.awards_by_level
        if level.level and (level.collectives or level.individuals)
    ]
    detail = f" ({'; '.join(levels)})" if len(levels) > 1 else ""
    return (
        f"Các cấp đã khen thưởng ({kinds}) {who} có thành tích trong công tác dân "
        f"vận và phong trào thi đua “Dân vận khéo”{detail}."
    )


def coordination(facts: Facts) -> str:
    programmes = facts.programmes
    if not programmes:
        return ""
    shown = programmes[:5]
    items = []
    for programme in shown:
        parties = programme.parties
        between = (
            f" giữa {parties[0]} với {join(parties[1:])}" if len(parties) > 1 else ""
        )
        items.append(
            f"“{programme.title}”{between} (ký ngày {short_date(programme.signed_on)})"
        )
    more = len(programmes) - len(shown)
    tail = f" và {count(more, 'chương trình khác')}" if more else ""
    return (
        f"{_opening(facts)}, đã ký kết "
        f"{count(len(programmes), 'chương trình phối hợp')}: {'; '.join(items)}{tail}."
    )


def _targets_text(targets: list[TargetResult]) -> list[str]:
    """One clause per target description: how many units met it, how much."""
    grouped: dict[tuple[str, str, str, Decimal], list[TargetResult]] = defaultdict(list)
    for target in targets:
        key = (target.description, target.measure, target.comparison, target.quantity)
        grouped[key].append(target)
    comparisons = dict(Target.Comparison.choices)
    clauses = []
    for (description, measure, comparison, quantity), results in grouped.items():
        met = sum(1 for r in results if r.met)
        goal = (
            f"{comparisons.get(comparison, '')} {format_quantity(quantity)} {measure}"
        )
        achieved = sum((r.achieved or Decimal(0) for r in results), Decimal(0))
        clause = f"chỉ tiêu “{lower_first(description)}” ({goal.strip()} mỗi đơn vị): "
        if met:
            clause += f"{met}/{len(results)} đơn vị đạt"
        else:
            clause += "chưa đơn vị nào đạt" if len(results) > 1 else "chưa đạt"
        if achieved:
            clause += f", tổng cộng {format_quantity(achieved)} {measure}".rstrip()
        clauses.append(clause)
    return clauses


def _campaign_line(campaign: CampaignFacts) -> str:
    text = f"- {campaign.name} ({date_range(campaign.start, campaign.end)})"
    clauses = _targets_text(campaign.targets)
    if clauses:
        text += ": " + "; ".join(clauses)
    return text + "."


def campaigns(facts: Facts) -> str:
    if not facts.campaigns:
        return ""
    lines = [
        f"{_opening(facts)}, {_whole(facts)} tổ chức "
        f"{count(len(facts.campaigns), 'đợt ra quân, cuộc vận động')}:"
    ]
    lines += [_campaign_line(c) for c in facts.campaigns]
    return "\n".join(lines)


# --- II. assessment -----------------------------------------------------------


def strengths(facts: Facts) -> str:
    now, before = facts.now, facts.before
    lines = []
    if now.initiatives and now.initiatives > before.initiatives and before.initiatives:
        lines.append(
            "- Phong trào thi đua “Dân vận khéo” tiếp tục lan tỏa: số mô hình, "
            f"điển hình {_moved(facts, now.initiatives, before.initiatives)}."
        )
    if now.recognized:
        lines.append(
            f"- {capitalize(count(now.recognized, 'mô hình, điển hình'))} được công "
            "nhận tiêu biểu, có sức lan tỏa."
        )
    if now.targets and now.targets_met == len(now.targets):
        lines.append(
            f"- Hoàn thành {now.targets_met}/{len(now.targets)} chỉ tiêu của các đợt "
            "ra quân."
        )
    children = now.children
    if children and all(c.reported for c in children):
        lines.append("- Tất cả đơn vị trực thuộc đều có số liệu trong kỳ.")
    for code, total in now.indicators.items():
        earlier = facts.before.indicators.get(code)
        if (
            total.percent is not None
            and earlier is not None
            and earlier.percent is not None
            and total.percent > earlier.percent
        ):
            lines.append(
                f"- Tỷ lệ {lower_first(total.name)} tăng từ "
                f"{_pct(earlier.percent)} lên {_pct(total.percent)}."
            )
    dialogues = facts.dialogues
    if dialogues.raised and dialogues.resolved * 5 >= dialogues.raised * 4:
        lines.append(
            "- Phần lớn ý kiến, kiến nghị của Nhân dân qua đối thoại đã được giải "
            "quyết."
        )
    return "\n".join(lines)


def shortcomings(facts: Facts) -> str:
    now, before = facts.now, facts.before
    lines = []
    missed = [t for t in now.targets if not t.met]
    if missed:
        units = join(sorted({unit_in_sentence(t.unit) for t in missed})[:8])
        lines.append(
            f"- Còn {len(missed)}/{len(now.targets)} chỉ tiêu chưa đạt ({units})."
        )
    if before.initiatives and now.initiatives < before.initiatives:
        lines.append(
            "- Số mô hình, điển hình “Dân vận khéo” "
            f"{_moved(facts, now.initiatives, before.initiatives)}."
        )
    silent = [c for c in now.children if not c.reported]
    if silent:
        names = [unit_in_sentence(row_label(c, facts.period)) for c in silent[:8]]
        more = len(silent) - len(names)
        tail = f" và {count(more, 'đơn vị khác')}" if more else ""
        lines.append(
            f"- {capitalize(count(len(silent), 'đơn vị'))} chưa có số liệu trong kỳ: "
            f"{', '.join(names)}{tail}."
        )
    for code, total in now.indicators.items():
        earlier = before.indicators.get(code)
        if (
            total.percent is not None
            and earlier is not None
            and earlier.percent is not None
            and total.percent < earlier.percent
        ):
            lines.append(
                f"- Tỷ lệ {lower_first(total.name)} giảm từ "
                f"{_pct(earlier.percent)} xuống {_pct(total.percent)}."
            )
    return "\n".join(lines)


# --- III. directions ----------------------------------------------------------


def directions(facts: Facts) -> str:
    lines = [_campaign_line(c) for c in facts.next_campaigns]
    for task in facts.open_tasks:
        content = task.content.strip().rstrip(".")
        lines.append(
            f"- {task.owner}: {lower_first(content)}, hoàn thành trước ngày "
            f"{short_date(task.deadline)}."
        )
    if not lines:
        return ""
    return "\n".join(
        [f"Trong {facts.next_period.label}, tập trung thực hiện các nhiệm vụ:", *lines]
    )


DRAFTERS: dict[str, Drafter] = {
    "lanh-dao": leadership,
    "chinh-quyen": state,
    "mat-tran": front,
    "dan-van-kheo": dan_van_kheo,
    "phoi-hop": coordination,
    "chien-dich": campaigns,
    "uu-diem": strengths,
    "han-che": shortcomings,
    "phuong-huong": directions,
}


def draft(key: str, facts: Facts) -> str:
    """The drafted text of section ``key``; empty when there is none."""
    drafter = DRAFTERS.get(key)
    return drafter(facts) if drafter is not None else ""
