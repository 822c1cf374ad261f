# The image compose.yaml builds: the project and its locked dependencies.
FROM python:3.11-slim-bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation2 \
    postgresql-client \
 && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir uv
WORKDIR /srv/danvan
COPY pyproject.toml uv.lock README.md ./
COPY . .
RUN uv sync --frozen --no-dev && useradd --system --home /srv/danvan danvan \
 && mkdir -p var && chown -R danvan var
ENV PATH="/srv/danvan/.venv/bin:$PATH" DEBUG=false
USER danvan
EXPOSE 8000
CMD ["danvan", "serve", "--bind", "0.0.0.0:8000"]
