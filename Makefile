# The two commands of README.md: `make run` and `make test`.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
HOST ?= 127.0.0.1:8000

.PHONY: run serve test env check pytest messages

env:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen --quiet

run: env
	@mkdir -p var
	$(UV) run danvan migrate --noinput -v0
	$(UV) run danvan demo
	$(UV) run danvan runserver $(HOST)

# Production: gunicorn behind the province's HTTPS proxy (README, "Production").
serve: env
	@mkdir -p var
	$(UV) run danvan serve --migrate

check: env
	$(UV) run ruff format --check .
	$(UV) run ruff check .
	$(UV) run mypy .

pytest: env
	$(UV) run pytest -n auto

test: check pytest

# After changing user-facing text: refresh the catalogues, translate the new
# entries of locale/en, then compile (tests check both steps were done).
messages: env
	$(UV) run danvan makemessages -l en -l vi --ignore=.venv --ignore=var --no-obsolete --add-location=file
	$(UV) run danvan compilemessages --ignore=.venv
