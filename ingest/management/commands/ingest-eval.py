"""danvan ingest-eval TEXT_DIR GOLD_DIR"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ingest.evaluate import Evaluation, score_document
from ingest.pipeline import ingest_bytes
from ingest.reading import ReadError


class Command(BaseCommand):
    help = (
        "Chấm kết quả trích xuất so với các tệp chuẩn (gold): độ chính xác, độ phủ, "
        "F1 theo từng trường và F1 vi mô; liệt kê các trường sai của từng tài liệu."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text_dir")
        parser.add_argument("gold_dir")

    def handle(self, *args: Any, **options: Any) -> None:
        texts, golds = Path(options["text_dir"]), Path(options["gold_dir"])
        if not texts.is_dir() or not golds.is_dir():
            raise CommandError("Hãy cho hai thư mục: văn bản và tệp chuẩn (gold).")
        documents = []
        for gold_path in sorted(golds.glob("*.json")):
            candidates = sorted(
                p
                for p in texts.glob(gold_path.stem + ".*")
                if p.is_file() and p.suffix.lower() != ".json"
            )
            if not candidates:
                self.stderr.write(f"{gold_path.name}: không có văn bản tương ứng")
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            try:
                facts = ingest_bytes(
                    candidates[0].read_bytes(), candidates[0].name
                ).facts
            except ReadError as exc:
                self.stderr.write(f"{candidates[0].name}: {exc}")
                facts = {}
            score = score_document(gold_path.stem, facts, gold)
            documents.append(score)
        if not documents:
            raise CommandError("Không có cặp văn bản – tệp chuẩn nào.")
        evaluation = Evaluation(documents)
        for document in documents:
            if document.misses:
                self.stdout.write(f"\n{document.name}:")
                for miss in document.misses:
                    self.stdout.write(f"  {miss}")
        self.stdout.write("\n" + evaluation.table())
        self.stdout.write(
            f"\n{len(documents)} tài liệu · F1 = {evaluation.micro.f1:.3f}"
        )
