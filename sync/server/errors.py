"""Every error answer is ``{"error": code, "message": 中文}`` (docs/SYNC.md), whatever raised it."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("outreach.platform")

_HTTP_CODES = {
    400: ("bad_request", "请求不正确。"),
    401: ("invalid_token", "未登录或登录已失效，请重新登录。"),
    403: ("forbidden", "没有权限。"),
    404: ("not_found", "未找到。"),
    405: ("method_not_allowed", "不支持该请求方法。"),
    409: ("conflict", "请求与服务器状态冲突。"),
    413: ("too_large", "请求内容过大。"),
    415: ("unsupported_media_type", "不支持的内容类型。"),
    416: ("range_not_satisfiable", "请求的范围不正确。"),
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status, headers=headers)


def _where(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc if p not in ("body",)) or "请求"


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.headers)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    # Name the fields, never echo the values: they may be personal data.
    places = sorted({_where(tuple(e.get("loc", ()))) for e in exc.errors()})
    return error_response(422, "invalid_request", f"请求格式不正确：{'、'.join(places[:10])}")


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code, message = _HTTP_CODES.get(exc.status_code, ("http_error", "请求失败。"))
    return error_response(exc.status_code, code, message, getattr(exc, "headers", None))


class CatchAllMiddleware:
    """Turn an unhandled exception into a JSON 500 and log it without its message.

    Starlette's own 500 handler re-raises, so the server would log the exception text (which may quote
    SQL parameters, i.e. personal data); this middleware stops it here and logs only type and frames.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def _send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, _send)
        except Exception as exc:
            # Where, not what: file, line and function of the last frames, no source text, no message.
            frames = " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}"
                                 for f in reversed(traceback.extract_tb(exc.__traceback__)[-4:]))
            log.error("unhandled %s on %s %s at %s", type(exc).__name__, scope.get("method"), scope.get("path"),
                      frames)
            if not started:
                resp = error_response(500, "internal_error", "服务器内部错误，请稍后重试。")
                await resp(scope, receive, send)


def install(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_middleware(CatchAllMiddleware)
