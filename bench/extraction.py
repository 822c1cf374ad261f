"""Benchmark: fact extraction speed, excluding file conversion.

Run:  uv run python bench/extraction.py [--rounds 20]

Reads the test articles (ingest/tests/articles, and ../shared/seeds when
present) once into text, then times ``ingest.extract.extract`` over all of
them for several rounds in one process (one core). As a baseline measured in
the same run it times ``clean_text`` alone (the chrome removal every article
goes through) and prints the ratio. The target is 50 articles per second.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    from ingest.cleaning import clean_text
    from ingest.extract import extract
    from ingest.reading import read_bytes

    paths = [
        p
        for p in sorted((ROOT / "ingest/tests/articles").iterdir())
        if p.suffix != ".json"
    ]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        paths += sorted(seeds.iterdir())
    texts = [read_bytes(p.read_bytes(), p.name) for p in paths]
    sizes = sum(len(t.text) for t in texts)

    def run(function) -> float:  # type: ignore[no-untyped-def]
        times = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            for source in texts:
                function(source)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    extract_seconds = run(lambda s: extract(s.text, s.metadata))
    clean_seconds = run(lambda s: clean_text(s.text))
    per_second = len(texts) / extract_seconds
    result = {
        "articles": len(texts),
        "characters": sizes,
        "extract_seconds_per_round": round(extract_seconds, 4),
        "articles_per_second": round(per_second, 1),
        "ms_per_article": round(1000 * extract_seconds / len(texts), 2),
        "baseline_clean_seconds_per_round": round(clean_seconds, 4),
        "ratio_to_cleaning": round(extract_seconds / clean_seconds, 1),
    }
    print(
        f"{len(texts)} articles, {sizes:,} characters, median of {args.rounds} rounds"
    )
    print(
        f"extraction: {result['ms_per_article']} ms/article = "
        f"{per_second:.0f} articles/s on one core"
    )
    baseline_ms = 1000 * clean_seconds / len(texts)
    print(
        f"baseline (cleaning only): {baseline_ms:.2f} ms/article; "
        f"extraction is {result['ratio_to_cleaning']}x the baseline"
    )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "ingest.json").write_text(json.dumps(result, indent=2))
    print(f"target 50 articles/s: {'met' if per_second >= 50 else 'NOT met'}")


if __name__ == "__main__":
    main()
