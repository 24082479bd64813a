"""The app for a multi-process server: each worker process builds its own from the environment.

``outreach-platform serve --workers N`` migrates once, sets these variables and lets uvicorn start N processes
that each call :func:`app_from_env`. Nothing a request needs lives in one process's memory: tokens, records,
op results and attachments are all in the database, so any process can answer any request of a laptop.
The same factory serves other process managers, e.g.
``gunicorn -k uvicorn.workers.UvicornWorker -w 4 'sync.server.asgi:app_from_env()'``.
"""

from __future__ import annotations

import os

from fastapi import FastAPI

DB_ENV = "OUTREACH_PLATFORM_DB"
TOKEN_TTL_ENV = "OUTREACH_PLATFORM_TOKEN_TTL"


def app_from_env() -> FastAPI:
    from sync.server.app import create_app

    url = os.environ.get(DB_ENV)
    if not url:
        raise SystemExit(f"请设置环境变量 {DB_ENV}（数据库 URL）。")
    return create_app(url, token_ttl_s=int(os.environ.get(TOKEN_TTL_ENV, str(8 * 3600))))
