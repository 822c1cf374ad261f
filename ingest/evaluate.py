"""Scoring extracted facts against gold files, as ../shared/ingest/SCHEMA.md says.

- Scalars (dates, kind, counts, author, title, organizer, locality, place,
  periods): exact match after normalisation (NFC, one tone placement, case and
  surrounding whitespace ignored). A value where the gold has ``null`` is a
  false positive; a wrong value is a false positive and a false negative.
- Lists (attendees, awards, indicators, targets, named initiatives,
  coordination partners): items are paired one to one; precision, recall and
  F1 over items. Attendee names match exactly after normalisation, positions
  by a token overlap of at least 0.8. Awards, named initiatives and partners
  match exactly after normalisation. Indicators and targets match on every
  number exactly, the unit when the gold gives one ("m²" is "m2"), and a
  label covering at least 60 % of the gold label's words (SCHEMA.md leaves
  label matching open; gold labels paraphrase the text).
- Per field: precision, recall, F1; overall: micro F1 over every field of
  every document.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from vn.text import canonical

SCALARS = (
    "source.title",
    "source.published_on",
    "source.author",
    "event.kind",
    "event.date",
    "event.place",
    "event.organizer",
    "event.locality",
    "event.review_period",
    "event.plan_period",
    "initiatives.total",
    "initiatives.by_field.economy",
    "initiatives.by_field.culture_society",
    "initiatives.by_field.defense_security",
    "initiatives.by_field.political_system",
    "initiatives.new",
    "initiatives.replicated",
    "initiatives.recognized",
    "initiatives.cumulative_total",
)
LISTS = (
    "attendees",
    "initiatives.by_unit",
    "named_initiatives",
    "awards",
    "indicators",
    "targets",
    "coordination_partners",
)
POSITION_OVERLAP = 0.8


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Count) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocumentScore:
    name: str
    fields: dict[str, Count] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)


def _get(data: Any, path: str) -> Any:
    for key in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def norm(value: Any) -> Any:
    """The comparison form of a scalar: text canonical, numbers as numbers,
    periods as (start, end)."""
    if value is None:
        return None
    if isinstance(value, str):
        return canonical(value) or None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return round(float(value), 4)
    if isinstance(value, dict):
        return tuple(sorted((k, norm(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(norm(v) for v in value)
    return value


_PUNCTUATION = str.maketrans({c: " " for c in ",;:.-–—()[]“”\"'‘’/"})


def _tokens(text: Any) -> list[str]:
    return canonical(str(text or "")).translate(_PUNCTUATION).split()


def position_overlap(a: Any, b: Any) -> float:
    """Shared tokens over the longer of the two positions (1.0 when both empty)."""
    left, right = _tokens(a), _tokens(b)
    if not left and not right:
        return 1.0
    shared = 0
    pool = list(right)
    for token in left:
        if token in pool:
            pool.remove(token)
            shared += 1
    return shared / max(len(left), len(right))


def _same_attendee(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (
        norm(a.get("name")) == norm(b.get("name"))
        and position_overlap(a.get("position"), b.get("position")) >= POSITION_OVERLAP
    )


def _same_item(a: Any, b: Any) -> bool:
    return bool(norm(a) == norm(b))


LABEL_COVERAGE = 0.6


def label_coverage(predicted: Any, gold: Any) -> float:
    """Share of the gold label's words found in the predicted label."""
    want, got = _tokens(gold), _tokens(predicted)
    if not want:
        return 1.0
    pool = list(got)
    found = 0
    for token in want:
        if token in pool:
            pool.remove(token)
            found += 1
    return found / len(want)


def _unit(value: Any) -> Any:
    """A unit's comparison form: "m²" and "m2" are one unit (compatibility
    folding turns the superscript into its digit)."""
    return norm(
        unicodedata.normalize("NFKC", value) if isinstance(value, str) else value
    )


def _same_measure(predicted: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Indicators and targets: every number exact; the label, which gold files
    word freely ("hội viên phát triển" for "phát triển được 312 hội viên"),
    must cover LABEL_COVERAGE of the gold label's words; the unit must match
    when the gold states one."""
    for key in gold:
        if key in {"label", "unit"}:
            continue
        if norm(predicted.get(key)) != norm(gold.get(key)):
            return False
    if gold.get("unit") is not None and _unit(predicted.get("unit")) != _unit(
        gold["unit"]
    ):
        return False
    return label_coverage(predicted.get("label"), gold.get("label")) >= LABEL_COVERAGE


def _pair(
    predicted: Iterable[Any], gold: Iterable[Any], same: Callable[[Any, Any], bool]
) -> tuple[Count, list[Any], list[Any]]:
    remaining = list(gold)
    count = Count()
    extra = []
    for item in predicted:
        match = next((g for g in remaining if same(item, g)), None)
        if match is None:
            count.fp += 1
            extra.append(item)
        else:
            remaining.remove(match)
            count.tp += 1
    count.fn = len(remaining)
    return count, extra, remaining


def score_document(
    name: str, predicted: dict[str, Any], gold: dict[str, Any]
) -> DocumentScore:
    score = DocumentScore(name)
    for path in SCALARS:
        want, got = norm(_get(gold, path)), norm(_get(predicted, path))
        count = Count()
        if want is not None and got == want:
            count.tp = 1
        else:
            count.fn = int(want is not None)
            count.fp = int(got is not None)
            if count.fn or count.fp:
                score.misses.append(
                    f"{path}: gold {_get(gold, path)!r}, got {_get(predicted, path)!r}"
                )
        score.fields[path] = count
    for path in LISTS:
        same = {
            "attendees": _same_attendee,
            "indicators": _same_measure,
            "targets": _same_measure,
        }.get(path, _same_item)
        count, extra, missing = _pair(
            _get(predicted, path) or [], _get(gold, path) or [], same
        )
        score.fields[path] = count
        score.misses += [f"{path}: missing {item!r}" for item in missing]
        score.misses += [f"{path}: extra {item!r}" for item in extra]
    return score


@dataclass
class Evaluation:
    documents: list[DocumentScore]

    def by_field(self) -> dict[str, Count]:
        totals = {path: Count() for path in (*SCALARS, *LISTS)}
        for document in self.documents:
            for path, count in document.fields.items():
                totals[path].add(count)
        return totals

    @property
    def micro(self) -> Count:
        total = Count()
        for count in self.by_field().values():
            total.add(count)
        return total

    def table(self) -> str:
        lines = [f"{'field':<40} {'P':>6} {'R':>6} {'F1':>6}  tp  fp  fn"]
        for path, c in self.by_field().items():
            lines.append(
                f"{path:<40} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} "
                f"{c.tp:3d} {c.fp:3d} {c.fn:3d}"
            )
        m = self.micro
        lines.append(
            f"{'micro':<40} {m.precision:6.3f} {m.recall:6.3f} {m.f1:6.3f} "
            f"{m.tp:3d} {m.fp:3d} {m.fn:3d}"
        )
        return "\n".join(lines)
