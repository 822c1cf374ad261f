"""The hosting files: compose.yaml is valid YAML with the five services the
README describes, each with a health check, wired to volumes and to services
that exist; the systemd units start the commands the project has."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def _compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(
        (ROOT / "compose.yaml").read_text(encoding="utf-8")
    )
    return loaded


def test_compose_has_every_service_with_a_health_check():
    compose = _compose()
    services = compose["services"]
    assert set(services) == {"db", "redis", "web", "worker", "beat"}
    for name, service in services.items():
        assert "healthcheck" in service, name
        assert service["healthcheck"]["test"], name
        for volume in service.get("volumes", []):
            named = volume.split(":", 1)[0]
            assert named in compose["volumes"], f"{name}: {named}"
        for other, condition in service.get("depends_on", {}).items():
            assert other in services, f"{name} depends on {other}"
            assert condition["condition"] == "service_healthy"
            assert "healthcheck" in services[other]
    assert services["web"]["command"][:2] == ["danvan", "serve"]
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])
    assert services["worker"]["command"][:4] == [
        "celery",
        "-A",
        "danvan.celery_app",
        "worker",
    ]
    assert services["beat"]["command"][:4] == [
        "celery",
        "-A",
        "danvan.celery_app",
        "beat",
    ]
    for name in ("web", "worker", "beat"):
        environment = services[name]["environment"]
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert environment["CELERY_BROKER_URL"] == "redis://redis:6379/0"


@pytest.mark.skipif(
    shutil.which("docker") is None
    or subprocess.run(["docker", "compose", "version"], capture_output=True).returncode
    != 0,
    reason="docker compose is not installed here; the YAML checks above still run",
)
def test_docker_compose_accepts_the_file(tmp_path):
    done = subprocess.run(
        ["docker", "compose", "-f", str(ROOT / "compose.yaml"), "config", "-q"],
        env={"POSTGRES_PASSWORD": "x", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("unit", ["danvan-web", "danvan-worker", "danvan-beat"])
def test_systemd_units_start_the_project_commands(unit):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.read(ROOT / "deploy" / f"{unit}.service", encoding="utf-8")
    start = parser["Service"]["ExecStart"]
    assert re.match(
        r"/srv/danvan/\.venv/bin/"
        r"(danvan serve|celery -A danvan\.celery_app (worker|beat))",
        start,
    )
    assert parser["Service"]["EnvironmentFile"] == "/etc/danvan/env"
    assert parser["Install"]["WantedBy"] == "multi-user.target"
