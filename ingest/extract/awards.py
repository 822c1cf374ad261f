"""Awards: one row per issuer and form, with collectives and individuals."""

from __future__ import annotations

import re
from typing import Any

from ingest.extract.text import COUNT, Context, tidy, whole_number

_FORMS = [
    (r"kỷ niệm chương|kỉ niệm chương", "Kỷ niệm chương Vì sự nghiệp Dân vận"),
    (r"bằng khen", "Bằng khen"),
    (r"giấy khen", "Giấy khen"),
    (r"cờ thi đua", "Cờ thi đua"),
    (r"giấy chứng nhận", "Giấy chứng nhận"),
    (r"khen thưởng", "Khen thưởng"),
]
_AWARD_VERB = re.compile(
    r"\b(?:trao tặng|được tặng|tặng|được khen thưởng|khen thưởng|trao)\b", re.I
)


def awards(context: Context) -> list[dict[str, Any]]:
    awards: list[dict[str, Any]] = []
    for paragraph in context.paragraphs:
        if not re.search(r"tập thể|cá nhân", paragraph, re.I):
            continue
        if not re.search(
            r"kỷ niệm chương|kỉ niệm chương|bằng khen|giấy khen|khen thưởng|cờ thi đua",
            paragraph,
            re.I,
        ):
            continue
        for clause in re.split(r";|\.\s", paragraph):
            award = _award(clause)
            if award is not None:
                awards.append(award)
    return awards


def _award(clause: str) -> dict[str, Any] | None:
    verb = _AWARD_VERB.search(clause)
    if verb is None:
        return None
    form = None
    lowered = clause.lower()
    for pattern, label in _FORMS:
        if re.search(pattern, lowered):
            form = label
            break
    if form is None:
        return None
    collectives = re.search(rf"{COUNT}\s+tập thể", clause)
    individuals = re.search(rf"{COUNT}\s+cá nhân", clause)
    if not collectives and not individuals:
        return None
    issuer = None
    before = clause[: verb.start()]
    agent = re.search(r"\bđược\s+(.+)$", before)
    if agent is not None:  # "05 cá nhân được Ban Dân vận Trung ương tặng …"
        candidate = tidy(agent.group(1))
        if candidate and candidate[0].isupper() and len(candidate) < 120:
            issuer = candidate
    elif not verb.group(0).lower().startswith("được"):
        before = re.sub(
            r"^\s*(?:tại hội nghị|dịp này|nhân dịp này|cũng tại hội nghị)\s*,?\s*",
            "",
            before.strip(),
            flags=re.I,
        )
        candidate = tidy(before)
        if (
            candidate
            and candidate[0].isupper()
            and not re.search(r"\d", candidate)
            and len(candidate) < 120
        ):
            issuer = candidate
    return {
        "issuer": issuer,
        "form": form,
        "collectives": whole_number(collectives.group(1)) if collectives else 0,
        "individuals": whole_number(individuals.group(1)) if individuals else 0,
    }
