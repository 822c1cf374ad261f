"""Awards: one row per issuer and form, with collectives and individuals.

As the real corpus is labelled (LABELING.md): "19 tập thể, 14 cá nhân" gives
the two counts; "30 tập thể và cá nhân" is not split, so both are unknown;
an award stated without a number is kept with unknown counts; a proposal
("đề xuất khen thưởng") is not an award; whoever only hands it over
("đại diện lãnh đạo …") is not the issuer; a medal goes to individuals
only, so its collectives are 0.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.extract.text import COUNT, UY, Context, tidy, whole_number

_MEDAL = re.compile(
    r"(?i:k[ỷỉ] niệm chương)\s*[“\"]?\s*(Vì sự nghiệp[^”\"]{2,40})[”\"]?"
)
_FORMS = [
    (r"bằng khen", "Bằng khen"),
    (r"giấy khen", "Giấy khen"),
    (r"cờ thi đua", "Cờ thi đua"),
    (r"giấy chứng nhận", "Giấy chứng nhận"),
    (r"tuyên dương,? khen thưởng", "Tuyên dương khen thưởng"),
    (r"biểu dương,? khen thưởng", "Biểu dương khen thưởng"),
    (r"khen thưởng", "Khen thưởng"),
    (r"biểu dương", "Biểu dương"),
    (r"tuyên dương", "Tuyên dương"),
]
_AWARD_VERB = re.compile(
    r"\b(?:trao tặng|được tặng|tặng|được khen thưởng|khen thưởng|trao|được nhận|nhận"
    r"|tuyên dương|biểu dương)\b",
    re.I,
)
_PROPOSAL = re.compile(r"(?i:đề xuất|đề nghị|xét|sẽ\s+(?:trao|tặng|khen))")
_COLLECTIVES = re.compile(rf"{COUNT}\s+tập thể(?!\s*(?:và|,)\s*cá nhân)")
_INDIVIDUALS = re.compile(rf"{COUNT}\s+cá nhân")
_TOGETHER = re.compile(rf"{COUNT}\s+tập thể\s*(?:và|,)\s*cá nhân")
_HANDS_OVER = re.compile(
    r"(?i:^(?:đại diện|lãnh đạo|thay mặt|hội nghị|tại|đồng chí|ông|bà)\b)"
)


def awards(context: Context, title: str | None = None) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for paragraph in context.paragraphs:
        if paragraph == title or not re.search(r"tập thể|cá nhân", paragraph, re.I):
            continue
        for clause in re.split(r";|\.\s", paragraph):
            for part in _parts(clause):
                found.extend(_award(part))
    unique: list[dict[str, Any]] = []
    for row in found:
        if (
            row["collectives"] is None
            and row["individuals"] is None
            and re.match(r"(?i:ảnh\s*:|đồng chí\b|ông\b|bà\b)", row["issuer"] or "")
        ):
            continue  # a photo caption: a person handing over, nothing counted
        if row not in unique:
            unique.append(row)
    # A row without counts adds nothing beside a row of the same issuer that
    # is counted or names the award more precisely ("Tuyên dương khen thưởng").
    kept = [row for row in unique if not _covered(row, unique)]
    for row in kept:
        if row["form"].startswith("Kỷ niệm chương") and row["collectives"] is None:
            row["collectives"] = 0  # to individuals, even uncounted ("cho các cá nhân")
    return kept


def _covered(row: dict[str, Any], rows: list[dict[str, Any]]) -> bool:
    if row["collectives"] is not None or row["individuals"] is not None:
        return False
    for other in rows:
        if other is row:
            continue
        if row["issuer"] is None and other["form"] == row["form"]:
            return True  # a caption repeating an award the text states in full
        if (
            row["issuer"] is None
            and row["form"] == "Khen thưởng"
            and (other["collectives"] is not None or other["individuals"] is not None)
        ):
            return True  # "khen thưởng các tập thể": the counted award, said generally
        if other["issuer"] != row["issuer"]:
            continue
        counted = other["collectives"] is not None or other["individuals"] is not None
        if (counted and other["form"] == row["form"]) or (
            other["form"] != row["form"]
            and row["form"].lower() in other["form"].lower()
        ):
            return True
    return False


def _parts(clause: str) -> list[str]:
    """ "3 cá nhân nhận Kỷ niệm chương A và 1 cá nhân nhận Kỷ niệm chương B":
    two awards in one clause."""
    pieces = re.split(r"\s+và\s+(?=\d[\d.]*\s+(?:tập thể|cá nhân)\b)", clause)
    if len(pieces) > 1 and all(_AWARD_VERB.search(p) for p in pieces):
        return pieces
    return [clause]


def _form(clause: str) -> str | None:
    medal = _MEDAL.search(clause)
    if medal:
        return "Kỷ niệm chương " + " ".join(medal.group(1).split())
    if re.search(r"(?i:k[ỷỉ] niệm chương)", clause):
        return "Kỷ niệm chương Vì sự nghiệp Dân vận"
    lowered = clause.lower()
    for pattern, label in _FORMS:
        if re.search(pattern, lowered):
            return label
    return None


_RECIPIENT_BODY = (
    rf"(?:Ủy ban|Uỷ ban|UBND|Ban|Hội|Đảng\s*{UY}|Đảng bộ|Chi bộ|Công an|Đoàn"
    r"|Mặt trận|Khối|Phòng|Trường)\b"
)


def _award(clause: str) -> list[dict[str, Any]]:
    verb = _AWARD_VERB.search(clause)
    if verb is None or _PROPOSAL.search(clause):
        return []
    form = _form(clause)
    if form is None:
        return []
    together = _TOGETHER.search(clause)
    collectives = _COLLECTIVES.search(clause)
    individuals = _INDIVIDUALS.search(clause)
    if together:
        counts: tuple[int | None, int | None] = (None, None)
    elif collectives or individuals:
        counts = (
            whole_number(collectives.group(1)) if collectives else 0,
            whole_number(individuals.group(1)) if individuals else 0,
        )
    elif re.search(r"(?i:\bcác\s+(?:tập thể|cá nhân))", clause):
        counts = (None, None)  # "khen thưởng các tập thể …": no number printed
    elif re.search(rf"\bcho\s+{_RECIPIENT_BODY}", clause[verb.end() :]):
        # "tặng Cờ thi đua cho Ủy ban MTTQ xã": one body, uncounted
        counts = (None, None)
    else:
        return []
    if form.startswith("Kỷ niệm chương") and counts[1] is not None:
        counts = (0, counts[1])
    return [
        {
            "issuer": issuer,
            "form": form,
            "collectives": counts[0],
            "individuals": counts[1],
        }
        for issuer in _issuers(clause, verb)
    ]


# A body opening a clause, before "đã": the subject of every verb that follows.
_SUBJECT = re.compile(
    r"(?:[^,;]{0,40},\s*)?((?:UBND|Ủy ban|Uỷ ban|Ban|Đảng ủy|Đảng uỷ|Hội|Công an|Huyện ủy|Thành ủy"
    r"|Tỉnh ủy|Quận ủy|Thị ủy)\b[^,;\d]{0,60}?)\s+(?:đã|vừa|cũng)\s"
)


_FORM_OF = re.compile(
    r"(?i:bằng khen|giấy khen|cờ thi đua|giấy chứng nhận)\s+của\s+"
    rf"((?:Ban|Bộ|Ủy ban|Uỷ ban|UBND|Hội|Chủ tịch|Thủ tướng"
    rf"|(?:Đảng|Tỉnh|Huyện|Thành|Quận|Thị)\s*{UY})[^,;]{{2,60}}?)(?=\s+cho\b|,|$)"
)


def _issuers(clause: str, verb: re.Match[str]) -> list[str | None]:
    """Who gave it: "được Ban Dân vận Trung ương tặng", "UBND phường X đã
    tặng", "Kỷ niệm chương … của Ban Dân vận Trung ương"; two bodies joined
    by "và" gave one award each."""
    of = re.search(
        r"\bcủa\s+((?:Ban|Bộ|Ủy ban|Uỷ ban|UBND|Hội|Trung ương)[^,;]{2,60}?)(?=\s+cho\b|,|$)",
        clause,
    )
    if of is not None and _MEDAL.search(clause):
        return [tidy(of.group(1))]
    # "Đảng ủy xã trao Giấy khen của Ban Thường vụ Đảng ủy xã cho …": the
    # award names who gave it; the subject only hands it over.
    named = _FORM_OF.search(clause)
    if named is not None:
        return [tidy(named.group(1))]
    person = re.match(r"(?i:\s*(?:đồng chí|ông|bà)\s)", clause[: verb.start()])
    if person is not None:
        # "Đồng chí … – Phó Bí thư Huyện ủy trao giấy khen của Ban Thường vụ
        # Huyện ủy cho …": the person hands over what the body gave.
        return [tidy(of.group(1)) if of is not None else None]
    before = clause[: verb.start()]
    candidate = None
    agent = re.search(r"\bđược\s+(.+)$", before)
    if agent is not None:  # "05 cá nhân được Ban Dân vận Trung ương tặng …"
        candidate = agent.group(1)
    elif not verb.group(0).lower().startswith(("được", "nhận")):
        candidate = re.sub(
            # "Tại ngày hội, Ủy ban MTTQ … tặng": the occasion, then the issuer
            r"^\s*(?:(?:cũng\s+)?(?:tại|trong|nhân)\s+[^,]{2,40},"
            r"|tại hội nghị|dịp này|nhân dịp này|cũng tại hội nghị|tại buổi lễ)\s*,?\s*",
            "",
            before.strip(),
            flags=re.I,
        )
    if candidate is None:
        return [None]
    candidate = re.sub(r"(?:\s+(?:đã|vừa|cũng|sẽ))+\s*$", "", tidy(candidate))
    subject = _SUBJECT.match(candidate)
    if subject is not None and (len(candidate) >= 120 or re.search(r"\d", candidate)):
        # "Tại buổi họp mặt, Đảng ủy phường đã cùng các đại biểu ôn lại …,
        # phát động … và tuyên dương 45 tập thể": the clause's subject gave it.
        candidate = subject.group(1)
    if (
        not candidate
        or not candidate[0].isupper()
        or re.search(r"\d", candidate)
        or len(candidate) >= 120
        or _HANDS_OVER.search(candidate)
    ):
        return [None]
    bodies = re.split(
        r"\s+và\s+(?=(?:UBND|Ủy ban|Uỷ ban|Ban|Đảng ủy|Hội|Công an)\b)", candidate
    )
    return [tidy(b) for b in bodies]
