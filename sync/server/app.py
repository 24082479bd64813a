"""The reference platform server: a FastAPI app speaking docs/SYNC.md over a SQLite or PostgreSQL database."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine, select

from sync.server import access, auth, blobs, devices, directory, errors
from sync.server import rules as rule_sets
from sync.server.auth import User
from sync.server.db import counter, make_engine, reading, records, writing
from sync.server.duplicates import duplicate_ids
from sync.server.errors import ApiError
from sync.server.migrate import head_revision, upgrade
from sync.server.ops import apply_ops
from sync.server.records import pull_page, scope_exits
from sync.server.responses import json_response
from sync.server.schemas import (
    AnchorIn,
    AnchorOut,
    AnchorResult,
    DirectoryResponse,
    DuplicateId,
    Health,
    LoginRequest,
    LoginResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    RulesResponse,
    StatsResponse,
    UserOut,
)
from sync.server.schemas import (
    ErrorBody as ErrorModel,
)
from sync.server.stats import server_stats

log = logging.getLogger("outreach.platform")

API = "/api/v1"
MAX_PULL = 10000  # records per pull page: a county supervisor's first pull is ~40 pages, not ~800
SHA256 = Path(pattern="^[0-9a-f]{64}$", description="sha256 of the content, lowercase hex")
_AUTH_ERRORS: dict[int | str, dict[str, Any]] = {401: {"model": ErrorModel}, 422: {"model": ErrorModel}}
_bearer = HTTPBearer(auto_error=False, description="token from /api/v1/auth/login")

__all__ = ["create_app", "engine_of"]


def current_user(request: Request, cred: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> User:
    header = f"{cred.scheme} {cred.credentials}" if cred else None
    with reading(request.app.state.engine) as conn:
        return auth.authenticate(conn, header)


CurrentUser = Annotated[User, Depends(current_user)]


def create_app(db_url: str, *, token_ttl_s: int = 8 * 3600) -> FastAPI:
    """The app over ``db_url`` (``sqlite:///path`` or ``postgresql+psycopg://…``), migrated to head first."""
    engine = make_engine(db_url)
    upgrade(engine)
    revision = head_revision()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(title="OutreachDesk reference platform (就业援助走访台 参考平台)", version="1",
                  description="Sync protocol v1, see docs/SYNC.md.", lifespan=lifespan)
    app.state.engine = engine
    errors.install(app)

    @app.get(f"{API}/health", response_model=Health, tags=["meta"])
    def health() -> dict[str, str]:
        with reading(engine) as conn:
            conn.execute(select(counter.c.value)).scalar()
        return {"status": "ok", "schema_revision": revision}

    @app.post(f"{API}/auth/login", response_model=LoginResponse, tags=["auth"], responses=_AUTH_ERRORS)
    def login(body: LoginRequest) -> dict[str, Any]:
        with writing(engine) as conn:
            token, expires, user = auth.login(conn, body.username, body.password, body.device_id, token_ttl_s)
        devices.refuse_revoked(engine, body.device_id, token)
        log.info("login user=%s", user.name)
        return {"token": token, "expires_at": auth.iso(expires), "user": user.public()}

    @app.get(f"{API}/auth/me", response_model=UserOut, tags=["auth"], responses=_AUTH_ERRORS)
    def me(user: CurrentUser) -> dict[str, Any]:
        return user.public()

    @app.get(f"{API}/users", response_model=DirectoryResponse, tags=["auth"], responses=_AUTH_ERRORS)
    def user_directory(user: CurrentUser) -> dict[str, Any]:
        """Login → display name and role of the users the requester may need to name (docs/SYNC.md)."""
        with reading(engine) as conn:
            return {"users": directory.visible_users(conn, user)}

    @app.post(f"{API}/sync/push", response_model=PushResponse, tags=["sync"], responses=_AUTH_ERRORS)
    def push(body: PushRequest, user: CurrentUser) -> dict[str, Any]:
        started = time.perf_counter()
        results = apply_ops(engine, user, body.device_id, [op.model_dump() for op in body.ops])
        statuses = Counter(r["status"] for r in results)
        log.info("push user=%s ops=%d %s ms=%.1f", user.name, len(results),
                 " ".join(f"{k}={v}" for k, v in sorted(statuses.items())), (time.perf_counter() - started) * 1000)
        return {"results": results}

    @app.get(f"{API}/sync/pull", response_model=PullResponse, tags=["sync"], responses=_AUTH_ERRORS)
    def pull(request: Request, user: CurrentUser, cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
             limit: Annotated[int, Query(ge=1, le=MAX_PULL)] = 500) -> Response:
        started = time.perf_counter()
        with reading(engine) as conn:
            # Read the counter first: every version up to it had committed, so the next query sees them all.
            top = int(conn.execute(select(counter.c.value)).scalar_one())
            changes = pull_page(conn, user.scope.where(records.c.area_code), cursor, limit + 1)
        with writing(engine) as conn:
            access.log_pull(conn, user, cursor, min(len(changes), limit))
        has_more = len(changes) > limit
        changes = changes[:limit]
        last = changes[-1]["version"] if changes else cursor
        # A short page has seen everything up to ``top``: skip past out-of-scope changes next time.
        new_cursor = last if has_more else max(last, top, cursor)
        with reading(engine) as conn:
            left = scope_exits(conn, user, cursor, new_cursor)
        body = {"changes": changes, "cursor": new_cursor, "has_more": has_more, "left": left,
                "scope": list(user.scope.prefixes)}
        response = json_response(body, request.headers.get("accept-encoding", ""))
        log.info("pull user=%s changes=%d has_more=%s bytes=%s ms=%.1f", user.name, len(changes), has_more,
                 response.headers["content-length"], (time.perf_counter() - started) * 1000)
        return response

    @app.get(f"{API}/sync/anchor", response_model=AnchorOut, tags=["sync"], responses=_AUTH_ERRORS)
    def anchor_get(user: CurrentUser) -> dict[str, Any]:
        return {"seq": devices.anchor_seq(engine, user)}

    @app.post(f"{API}/sync/anchor", response_model=AnchorResult, tags=["sync"], responses=_AUTH_ERRORS)
    def anchor_post(body: AnchorIn, user: CurrentUser) -> dict[str, Any]:
        result = devices.prove(engine, user, body.head_seq, body.head_hash, body.anchor_seq, body.anchor_hash)
        if result["flag"]:
            log.warning("audit chain of device=%s user=%s does not extend its anchor", user.device_id, user.name)
        return result

    @app.get(f"{API}/rules", response_model=RulesResponse, tags=["rules"], responses=_AUTH_ERRORS)
    def rules(user: CurrentUser, after: Annotated[int, Query(ge=0, le=2**62)] = 0) -> dict[str, Any]:
        """Signed rule sets published after ``after`` for the user's areas (docs/RULES.md)."""
        with reading(engine) as conn:
            return rule_sets.for_user(conn, user.scope.prefixes, after)

    @app.head(f"{API}/blobs/{{sha256}}", tags=["blobs"], responses={404: {"model": ErrorModel}})
    def blob_head(user: CurrentUser, sha256: Annotated[str, SHA256]) -> Response:
        st = blobs.state(engine, user, sha256)
        if st is None:
            raise ApiError(404, "not_found", "没有这个附件，或您无权查看。")
        return Response(status_code=200, headers={"Upload-Offset": str(st.stored),
                                                  "Upload-Complete": "1" if st.complete else "0"})

    @app.put(f"{API}/blobs/{{sha256}}", tags=["blobs"], status_code=201,
             responses={200: {"description": "chunk stored (or blob already complete)"},
                        409: {"model": ErrorModel}, 413: {"model": ErrorModel}, 422: {"model": ErrorModel}},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/offset+octet-stream": {"schema": {"type": "string", "format": "binary"}},
                 "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
    async def blob_put(request: Request, user: CurrentUser, sha256: Annotated[str, SHA256],
                       upload_offset: Annotated[int, Header(alias="Upload-Offset", ge=0, le=2**62)],
                       upload_complete: Annotated[Literal["0", "1"], Header(alias="Upload-Complete")] = "0",
                       ) -> Response:
        chunk = bytearray()
        async for part in request.stream():
            chunk += part
            if len(chunk) > blobs.MAX_CHUNK:
                raise ApiError(413, "too_large", "单次上传的内容过大，请分块上传。")
        st = await run_in_threadpool(blobs.append, engine, user, sha256, upload_offset, bytes(chunk),
                                     upload_complete == "1")
        status = 201 if st.complete else 200
        return Response(status_code=status, headers={"Upload-Offset": str(st.stored),
                                                      "Upload-Complete": "1" if st.complete else "0"})

    @app.get(f"{API}/blobs/{{sha256}}", tags=["blobs"], response_class=StreamingResponse,
             responses={200: {"content": {"application/octet-stream": {}}}, 206: {"description": "partial"},
                        404: {"model": ErrorModel}, 416: {"model": ErrorModel}})
    def blob_get(user: CurrentUser, sha256: Annotated[str, SHA256],
                 range_: Annotated[str | None, Header(alias="Range")] = None) -> Response:
        size = blobs.complete_size(engine, sha256)
        if size is None or not blobs.may_read(engine, user, sha256):
            raise ApiError(404, "not_found", "没有这个附件，或您无权查看。")
        span = blobs.parse_range(range_, size) if size else None
        start, end = span if span else (0, size - 1)
        headers = {"Accept-Ranges": "bytes", "ETag": f'"{sha256}"', "Content-Length": str(end - start + 1)}
        if span:
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        body = list(blobs.read(engine, sha256, start, end)) if size else []
        return StreamingResponse(iter(body), status_code=206 if span else 200, headers=headers,
                                 media_type="application/octet-stream")

    @app.get(f"{API}/stats", response_model=StatsResponse, tags=["stats"],
             responses={**_AUTH_ERRORS, 403: {"model": ErrorModel}})
    def stats(user: CurrentUser, area: Annotated[str, Query(pattern=r"^\d{12}$")]) -> dict[str, Any]:
        if user.role not in ("supervisor", "admin"):
            raise ApiError(403, "forbidden", "只有督导和管理员可以查看统计。")
        if not user.scope.covers(area):
            raise ApiError(403, "forbidden", "该地区不在您的辖区内。")
        return server_stats(engine, area)

    @app.get(f"{API}/duplicates", response_model=list[DuplicateId], tags=["stats"],
             responses={**_AUTH_ERRORS, 403: {"model": ErrorModel}})
    def duplicates(user: CurrentUser, area: Annotated[str, Query(pattern=r"^\d{12}$")]) -> list[dict[str, Any]]:
        """ID numbers held by more than one person record in the area (the same person registered twice)."""
        if not user.scope.covers(area):
            raise ApiError(403, "forbidden", "该地区不在您的辖区内。")
        return duplicate_ids(engine, area)

    return app


def engine_of(app: FastAPI) -> Engine:
    return app.state.engine
