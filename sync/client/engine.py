"""The sync state machine: upload blobs → push outbox → pull changes → download blobs (docs/SYNC_CLIENT.md).

Every step is restartable. A push batch is settled locally in one transaction after the server answered;
if the laptop dies before that commit, the ops are still queued and the server answers ``duplicate`` next
time. A pull page and its cursor commit together. Nothing here scans a records table: the work done is
proportional to the outbox, the pulled pages and the wanted blobs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, select

from app.collection import Collection
from app.model.canonical import coerce, dumps
from app.model.kinds import KINDS
from app.store import audit, bulk, scope_purge
from app.store import sync_state as st
from app.store.erase import erase_store
from app.store.integrity import ANCHOR_KEY
from app.store.records import Tx, existing_rows, field_types, insert_columns
from app.store.tables import among
from sync.client.staging import STAGE_MIN, Staged, Stager, flat
from sync.client.transport import CancelledError, DeviceRevokedError, SyncError, Transport

log = logging.getLogger("outreach.sync")

Progress = Callable[[str, int, int], None]
Cancel = threading.Event | Callable[[], bool] | None
Hook = Callable[[str], None]

_SERVER_FIELDS = ("area_code", "deleted")
PULL_LIMIT = 10_000  # records per pulled page: the platform's largest (docs/SYNC.md)
GROUP = 3  # staged pages applied in one transaction


@dataclass
class SyncReport:
    pushed: int = 0  # ops settled this run (applied + duplicate + conflict + rejected)
    applied: int = 0
    duplicate: int = 0
    conflict: int = 0
    rejected: int = 0
    pulled: int = 0  # records received that were newer than ours (not the echo of our own push)
    staged: int = 0  # of those, first copies converted by a worker process (sync/client/staging.py)
    conflicts: int = 0  # unresolved conflicts in the store after the run
    uploaded: int = 0  # blobs
    downloaded: int = 0
    pending: int = 0  # ops still queued after the run
    duration: float = 0.0
    cancelled: bool = False
    erased: bool = False  # the platform revoked this device and its local copy was erased
    purged: int = 0  # local copies removed because their records left the user's scope
    errors: list[str] = field(default_factory=list)  # Chinese messages; the first one stopped the run
    warnings: list[str] = field(default_factory=list)  # did not stop the run (e.g. one blob failed)
    rejected_ops: list[dict[str, Any]] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)  # rule sets received and verified (id@version)
    deadlines_moved: list[str] = field(default_factory=list)  # Chinese lines: due dates a new calendar moved

    @property
    def ok(self) -> bool:
        return not self.errors and not self.cancelled

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok}


class SyncClient:
    def __init__(self, collection: Collection, transport: Transport, device_id: str | None = None, *,
                 push_batch: int = 500, pull_limit: int = PULL_LIMIT, chunk_size: int = 256 * 1024,
                 hook: Hook | None = None, stage_min: int = STAGE_MIN) -> None:
        self.col = collection
        self.transport = transport
        self.device_id = device_id or collection.get_meta("device_id")
        transport.device_id = self.device_id
        self.push_batch = min(push_batch, 500)  # the protocol's limit
        self.pull_limit = pull_limit
        self.stage_min = stage_min  # a first pull's pages this large are converted in worker processes
        self.chunk_size = chunk_size
        self.hook = hook  # test seam: called at named points ("push:sent", "pull:applying", …)
        self._progress: Progress = _no_progress
        previous = transport.on_login
        # Chain the caller's own login callback, but not an earlier SyncClient's (it would write to its store).
        self._chain_login = None if isinstance(getattr(previous, "__self__", None), SyncClient) else previous
        transport.on_login = self._on_login
        if not transport.token:
            saved = collection.get_meta(st.TOKEN_KEY) or {}
            if saved.get("server") == transport.base_url and saved.get("user") == transport.username:
                transport.token = saved.get("token")

    # --- entry point ----------------------------------------------------------------------------------
    def sync(self, progress: Progress | None = None, cancel: Cancel = None) -> SyncReport:
        """One full run. Never raises for network, server or login trouble: see ``report.errors``."""
        started = time.monotonic()
        report = SyncReport()
        lock = _run_lock(self.col)
        if not lock.acquire(blocking=False):
            report.errors.append("同步正在进行中，请稍候。")
            return report
        try:
            return self._run(report, started, progress, cancel)
        finally:
            lock.release()

    def _run(self, report: SyncReport, started: float, progress: Progress | None, cancel: Cancel) -> SyncReport:
        stop = _stop_fn(cancel)
        self.transport.should_stop = stop
        self._progress = progress or _no_progress
        try:
            self._progress("login", 0, 1)
            self.transport.ensure_login()
            self._upload(report, stop)
            self._push(report, stop)
            self._compact()
            self._pull(report, stop)
            self._directory(report, stop)
            self._download(report, stop)
            self._rules(report, stop)
            self._anchor(report)
        except DeviceRevokedError as exc:
            # Told at login, before anything was sent: nothing more leaves this laptop, and its copy goes.
            note = erase_store(self.col.records, str(exc))
            report.erased = True
            report.errors.append(f"{exc}本机数据已清除（{note['records']} 条记录）。")
        except CancelledError:
            report.cancelled = True
        except SyncError as exc:
            report.errors.append(str(exc))
        except (KeyError, TypeError, ValueError) as exc:
            # Malformed data from the platform: the open transaction rolled back, nothing half-applied.
            log.exception("sync: unusable answer from the platform")
            report.errors.append(f"平台返回的数据无法处理（{type(exc).__name__}: {exc}），本次同步已中止。")
        finally:
            self.transport.should_stop = None
            with self.col.records.reading() as conn:
                report.conflicts = st.unresolved_count(conn)
                report.pending = st.outbox_count(conn)
            report.duration = round(time.monotonic() - started, 3)
            self.col.set_meta(st.LAST_KEY, {"at": st.utc_now(), "ok": report.ok, "pushed": report.pushed,
                                            "pulled": report.pulled, "errors": report.errors})
            self._progress("done", 1, 1)
        return report

    # --- login --------------------------------------------------------------------------------------
    def _on_login(self, answer: dict[str, Any]) -> None:
        user = answer.get("user") or {}
        if user:
            # Merge, so local-only keys (preferences) survive; role and areas come from the platform.
            self.col.set_user({**self.col.user, **user})
        self.col.set_meta(st.TOKEN_KEY, {"server": self.transport.base_url, "user": self.transport.username,
                                         "token": answer.get("token"), "expires_at": answer.get("expires_at")})
        if self._chain_login:
            self._chain_login(answer)

    @property
    def _user(self) -> str:
        return self.transport.username or self.col.user["name"]

    # --- 1. attachments up ----------------------------------------------------------------------------
    def _upload(self, report: SyncReport, stop: Callable[[], bool]) -> None:
        with self.col.records.reading() as conn:
            shas = st.blobs_to_upload(conn)
        for i, sha in enumerate(shas):
            self._progress("upload", i, len(shas))
            _check(stop)
            self._upload_one(sha, stop)
            with self.col.records.transaction() as tx:
                st.mark_uploaded(tx.conn, sha)
            report.uploaded += 1
        if shas:
            self._progress("upload", len(shas), len(shas))

    def _head(self, sha: str) -> tuple[int, bool]:
        resp = self.transport.request("HEAD", f"/blobs/{sha}", parse="none")
        if resp.status == 404:
            return 0, False
        if resp.status != 200:
            raise SyncError(f"查询附件上传进度失败（HTTP {resp.status}）。")
        return int(resp.headers.get("Upload-Offset") or 0), resp.headers.get("Upload-Complete") == "1"

    def _upload_one(self, sha: str, stop: Callable[[], bool]) -> None:
        """Resumable: start where the server's copy ends; a 409 means our idea of the offset was stale."""
        with self.col.records.reading() as conn:
            size = st.blob_size(conn, sha) or 0
        offset, complete = self._head(sha)
        resyncs, restarted = 0, False
        while not complete:
            _check(stop)
            with self.col.records.reading() as conn:
                chunk = st.blob_chunk(conn, sha, offset, self.chunk_size)
            last = offset + len(chunk) >= size
            headers = {"Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"}
            if last:
                headers["Upload-Complete"] = "1"
            resp = self.transport.request("PUT", f"/blobs/{sha}", data=chunk, headers=headers, parse="json")
            if resp.status == 409:
                # A retried chunk the server had already stored, or a concurrent upload: ask again.
                resyncs += 1
                if resyncs > 5:
                    raise SyncError("附件上传进度与平台不一致，请稍后再同步。")
                offset, complete = self._head(sha)
                continue
            if resp.status == 422 and _error(resp.body) == "hash_mismatch" and not restarted:
                # The server discarded what it had (e.g. a chunk was damaged on the way): once more from 0.
                restarted = True
                offset, complete = 0, False
                continue
            if resp.status == 422:
                raise SyncError("附件上传后校验失败，平台已丢弃该附件，请稍后再同步。")
            if resp.status not in (200, 201, 204):
                raise SyncError(_msg(resp.body, f"附件上传失败（HTTP {resp.status}）。"))
            offset += len(chunk)
            complete = last
            self._at("upload:chunk")

    # --- 2. push --------------------------------------------------------------------------------------
    def _push(self, report: SyncReport, stop: Callable[[], bool]) -> None:
        with self.col.records.reading() as conn:
            total = st.outbox_count(conn)
            last_seq = conn.execute(select(st.outbox.c.seq).order_by(st.outbox.c.seq.desc()).limit(1)).scalar()
        if not total:
            return
        # Ops queued while this run pushes wait for the next run, so a busy UI cannot keep the push going.
        after, done = 0, 0
        self._progress("push", 0, total)
        while True:
            _check(stop)
            with self.col.records.reading() as conn:
                ops = [o for o in st.pending_ops(conn, self.push_batch, after) if o.seq <= last_seq]
            if not ops:
                break
            answer = self.transport.post_json("/sync/push", {"device_id": self.device_id,
                                                             "ops": [o.wire() for o in ops]})
            results = _results(answer)
            self._at("push:sent")
            settled = self._settle(ops, results, report)
            done += settled
            self._progress("push", done, total)
            if settled < len(ops):
                raise SyncError("平台未返回全部操作的结果，未确认的修改已保留，将在下次同步时重发。")
            after = ops[-1].seq

    def _settle(self, ops: list[st.Op], results: dict[str, dict[str, Any]], report: SyncReport) -> int:
        """Apply one batch's answers in ONE local transaction; returns how many ops were settled.

        Bulk statements throughout (one SELECT and one DELETE on the outbox, the rows read once, the
        server copies written by ``apply_server_many``), so the cost follows the batch, not the store.
        """
        answered = [(op, res) for op in ops if (res := results.get(op.op_id)) is not None
                    and res.get("status") in ("applied", "duplicate", "conflict", "rejected")]
        with self.col.records.transaction() as tx:
            conn = tx.conn
            ids = [op.op_id for op, _ in answered]
            # Ops already gone were settled by an earlier, interrupted run: nothing more to do for them.
            present = set()
            for chunk in _chunks(ids):
                present.update(conn.execute(select(st.outbox.c.op_id).where(st.outbox.c.op_id.in_(chunk))).scalars())
            todo = [(op, res) for op, res in answered if op.op_id in present]
            batch = _Batch(tx, [(op.kind, op.record_id) for op, _ in todo], own=[op for op, _ in todo])
            rejected: list[dict[str, Any]] = []
            for i, (op, res) in enumerate(todo):
                if i == len(todo) // 2:
                    self._at("push:settling")
                report.pushed += 1
                status = res["status"]
                if status == "duplicate":
                    # The stored answer of an earlier try: act on what happened then (a lost conflict
                    # answer must still keep both values).
                    report.duplicate += 1
                    status = res.get("first_status") or ("conflict" if res.get("conflicts") else "applied")
                elif status in ("applied", "conflict"):
                    setattr(report, status, getattr(report, status) + 1)
                if status == "rejected":
                    reason = str(res.get("reason") or "平台拒绝了该修改")
                    rejected.append({**op.wire(), "reason": reason, "at": st.utc_now()})
                    report.rejected += 1
                    report.rejected_ops.append({"kind": op.kind, "id": op.record_id, "op_id": op.op_id,
                                                "reason": reason})
                    continue
                record = flat(res.get("record"), op.record_id, res.get("version"))
                if record is None:
                    if res.get("version") is None:
                        continue
                    record = {"id": op.record_id, "version": int(res["version"])}
                if status == "conflict":
                    if res["status"] == "duplicate":
                        report.conflict += 1
                    batch.conflict(op.kind, op.record_id, record, _field_names(res.get("conflicts")))
                batch.merge(op.kind, record, after_seq=op.seq, conflict=status == "conflict")
            batch.flush()
            for chunk in _chunks([op.op_id for op, _ in todo]):
                conn.execute(delete(st.outbox).where(st.outbox.c.op_id.in_(chunk)))
            if rejected:
                # Kept, never dropped silently: the UI lists them (one meta write per batch).
                st.set_meta(conn, st.REJECTED_KEY, st.list_rejected(conn) + rejected)
        return len(answered)

    def _compact(self) -> None:
        """Return the pages of acknowledged outbox entries to the file system (a first push frees many)."""
        with self.col.records.transaction() as tx:
            freed = st.compact(tx.conn)
        if freed:
            log.info("sync: compacted %d free pages", freed)

    # --- 3. pull --------------------------------------------------------------------------------------
    def _pull(self, report: SyncReport, stop: Callable[[], bool]) -> None:
        server, user = self.transport.base_url, self._user
        with self.col.records.reading() as conn:
            cursor = st.get_cursor(conn, server, user)
            first = cursor == 0 and bulk.is_empty(conn)
            filling = first or bulk.deferred(conn)  # an empty store filling, maybe resumed after a cut
            deferred = bool(scope_purge.pending(conn))
        if deferred:
            # Records that left the scope while they had unsent changes: those were pushed just now.
            with self.col.records.transaction() as tx:
                report.purged += scope_purge.purge(tx, [])
        if first:  # an empty store filling from scratch: indexes are built once at the end
            with self.col.records.transaction() as tx:
                bulk.defer_indexes(tx.conn)
        self._progress("pull", 0, 0)
        received = 0

        def fetch(at: int) -> tuple[dict[str, Any], bytes]:
            resp = self.transport.request("GET", "/sync/pull", params={"cursor": at, "limit": self.pull_limit})
            page = self.transport.expect_json(resp)
            if not isinstance(page, dict) or not isinstance(page.get("changes"), list) or "cursor" not in page:
                raise SyncError("平台返回的同步数据格式不正确。")
            return page, resp.raw

        # The next page is fetched (and the server builds it, in its own process) while this one is applied; in a
        # first pull, worker processes convert the pages after it meanwhile (sync/client/staging.py).
        stager = Stager(self.col.path, filling, min_records=self.stage_min)
        in_hand: deque[tuple[dict[str, Any], int, Future[Staged] | None]] = deque()
        with ThreadPoolExecutor(1, thread_name_prefix="pull-fetch") as ahead:
            try:
                pending: Future[tuple[dict[str, Any], bytes]] | None = ahead.submit(fetch, cursor)
                while pending is not None or in_hand:
                    while pending is not None and len(in_hand) < stager.depth(GROUP):
                        _check(stop)
                        page, raw = pending.result()
                        new_cursor = int(page["cursor"])
                        more = bool(page.get("has_more")) and not (new_cursor == cursor and not page["changes"])
                        pending = ahead.submit(fetch, new_cursor) if more else None
                        cursor = new_cursor
                        self._at("pull:fetched")
                        in_hand.append((page, new_cursor, stager.submit(raw, len(page["changes"]))))
                    _check(stop)
                    # Staged pages go in by GROUP to a transaction: each commit rewrites most pages of the id index.
                    group = [in_hand.popleft()]
                    while group[0][2] is not None and in_hand and in_hand[0][2] is not None and len(group) < GROUP:
                        group.append(in_hand.popleft())
                    staged = [stager.result(staging) for _, _, staging in group]
                    try:
                        report.pulled += self._apply_pages(
                            [(page, at, one) for (page, at, _), one in zip(group, staged, strict=True)], report)
                    finally:
                        for one in staged:
                            if one is not None:
                                stager.done(one)
                    received += sum(len(page["changes"]) for page, _, _ in group)
                    self._progress("pull", received, 0)
            finally:
                stager.close()
        with self.col.records.reading() as conn:
            rebuild = bulk.deferred(conn)
        if rebuild:  # also finishes a first pull that was cut off earlier and resumed from its cursor
            self._progress("indexes", 0, 0)
            with self.col.records.transaction() as tx:
                bulk.restore_indexes(tx.conn)

    def _apply_pages(self, pages: list[tuple[dict[str, Any], int, Staged | None]], report: SyncReport) -> int:
        """Pulled pages, each with its cursor, in one transaction; returns how many records they changed here (the
        platform's echo of our own push is received but is not news). The staged files are attached first:
        ATTACH cannot run inside a transaction."""
        with ExitStack() as attached:
            for i, (_, _, staged) in enumerate(pages):
                if staged is not None:
                    attached.enter_context(bulk.attached(self.col.store, staged.path, staged.key, f"stage{i}"))
            with self.col.records.transaction() as tx:
                return sum(self._apply_page(tx, page, at, report, staged, f"stage{i}")
                           for i, (page, at, staged) in enumerate(pages))

    def _apply_page(self, tx: Tx, page: dict[str, Any], new_cursor: int, report: SyncReport,
                    staged: Staged | None, schema: str) -> int:
        """One page and its cursor. The first copies a worker ``staged`` are copied in from its file (attached as
        ``schema``); the rest of the page is merged record by record."""
        server, user = self.transport.base_url, self._user
        changes: list[dict[str, Any]] = page["changes"]
        for r in changes:
            if r.get("kind") not in KINDS:
                report.warnings.append(f"平台返回了无法识别的记录类型：{r.get('kind')}")
        taken = 0
        blobs: list[str | None] = []
        if staged is None:
            rest = [r for r in changes if r.get("kind") in KINDS]
        else:
            taken, again = self._take_staged(tx, staged, schema, blobs)
            report.staged += taken
            skipped = set(staged.skipped)
            rest = [r for i, r in enumerate(changes) if i in skipped or (r.get("kind"), r.get("id")) in again]
        batch = _Batch(tx, [(r["kind"], r["id"]) for r in rest])
        for rec in rest:
            state = flat(rec, rec["id"], rec.get("version"))
            if batch.merge(rec["kind"], state):
                taken += 1
                if rec["kind"] == "attachment" and not state.get("deleted"):
                    blobs.append(state.get("sha256"))
        batch.flush(halfway=lambda: self._at("pull:applying"))
        st.want_blobs(tx.conn, blobs)
        # What left the user's scope goes with the page that says so (docs/SECURITY.md).
        left = [(r["kind"], r["id"]) for r in page.get("left") or [] if r.get("kind") in KINDS]
        scope = page.get("scope")
        if scope_purge.scope_changed(tx.conn, scope if isinstance(scope, list) else None):
            left += scope_purge.outside(tx.conn, scope)
        if left:
            report.purged += scope_purge.purge(tx, left)
        st.set_cursor(tx.conn, server, user, new_cursor)
        return taken

    def _take_staged(self, tx: Tx, staged: Staged, schema: str,
                     blobs: list[str | None]) -> tuple[int, set[tuple[str, str]]]:
        """Copy a staged page's first copies in, with one audit entry per kind as ``apply_server_many`` writes it;
        returns (how many were taken, the (kind, id) of those already here, for the merge)."""
        self._at("pull:staged")
        taken = 0
        again: set[tuple[str, str]] = set()
        for i, kind in enumerate(staged.kinds):
            present = bulk.take_staged(tx.conn, schema, kind, insert_columns(kind))
            again.update((kind, rid) for rid in present)
            copies = {actor: {rid: d for rid, d in ids.items() if rid not in present}
                      for actor, ids in staged.copies[kind].items()}
            copies = {actor: ids for actor, ids in copies.items() if ids}
            if copies:
                tx.append_audit("platform", [audit.copies_entry(kind, copies)])
            for ids in copies.values():
                taken += len(ids)
                for rid in ids:
                    tx.change.add(kind, rid)
            if i == 0:
                self._at("pull:applying")
        tx.change.source = "sync"
        blobs += [sha for rid, sha in staged.blobs.items() if ("attachment", rid) not in again]
        return taken, again

    # --- 4. attachments down ------------------------------------------------------------------------
    def _download(self, report: SyncReport, stop: Callable[[], bool]) -> None:
        with self.col.records.reading() as conn:
            shas = st.wanted_blobs(conn)
        for i, sha in enumerate(shas):
            self._progress("download", i, len(shas))
            _check(stop)
            data = self._fetch_blob(sha)
            if data is None:
                report.warnings.append(f"附件 {sha[:12]}… 下载后校验不通过，已丢弃，将在下次同步时重新下载。")
                continue
            with self.col.records.transaction() as tx:
                st.store_downloaded(tx.conn, sha, data)
            report.downloaded += 1
        if shas:
            self._progress("download", len(shas), len(shas))

    # --- 5. audit anchor -----------------------------------------------------------------------------
    def _anchor(self, report: SyncReport) -> None:
        """Prove to the platform that this store's audit chain extends the head it last saw (docs/SECURITY.md).

        The platform names only the sequence number of its anchor; we answer with our entry's hash there.
        A platform without anchors (404) is not an error. Its verdict is kept for ``outreach-desk check``.
        """
        resp = self.transport.request("GET", "/sync/anchor")
        if resp.status == 404:
            return
        if resp.status != 200 or not isinstance(resp.body, dict):
            raise SyncError(_msg(resp.body, f"平台拒绝了审计锚点请求（HTTP {resp.status}）。"))
        seq = resp.body.get("seq")
        with self.col.records.reading() as conn:
            head_seq, head_hash = audit.tail(conn)
            at = audit.hash_at(conn, int(seq)) if seq is not None else None
        answer = self.transport.post_json("/sync/anchor", {"head_seq": head_seq, "head_hash": head_hash,
                                                           "anchor_seq": seq, "anchor_hash": at})
        flag = answer.get("flag") if isinstance(answer, dict) else None
        if flag:
            report.warnings.append(f"平台发现本机审计记录有问题：{flag}")
        self.col.set_meta(ANCHOR_KEY, {"at": st.utc_now(), "seq": head_seq, "flag": flag})

    def _fetch_blob(self, sha: str, tries: int = 2) -> bytes | None:
        """The verified bytes, or None when every try came back with other content."""
        for _ in range(tries):
            resp = self.transport.request("GET", f"/blobs/{sha}", parse="bytes")
            if resp.status == 404:
                raise SyncError(f"平台上找不到附件 {sha[:12]}…。")
            if resp.status != 200:
                raise SyncError(f"下载附件失败（HTTP {resp.status}）。")
            if hashlib.sha256(resp.raw).hexdigest() == sha:
                return resp.raw
        return None

    # --- 3b. user directory (docs/SYNC.md): names for logins, never fatal ---------------------------------
    def _directory(self, report: SyncReport, stop: Callable[[], bool]) -> None:
        from sync.client.directory import pull_directory

        _check(stop)
        if warning := pull_directory(self.col, self.transport):
            report.warnings.append(warning)

    # --- 5. rule sets (docs/RULES.md) ---------------------------------------------------------------
    def _rules(self, report: SyncReport, stop: Callable[[], bool]) -> None:
        from app.ops.rules import moved_text
        from sync.client.rules import pull_rules

        _check(stop)
        self._progress("rules", 0, 1)
        got = pull_rules(self.col, self.transport)
        report.rules += [s.info.label for s in got.accepted]
        report.warnings += got.refused
        report.deadlines_moved += [moved_text(m) for m in got.moved]

    def _at(self, point: str) -> None:
        if self.hook:
            self.hook(point)


class _Batch:
    """Server copies for one local transaction, merged as if applied one by one, then written in bulk.

    A field is kept (not overwritten) while an op still queued after the one being settled changes it, or
    while it is in an open conflict: a pulled or returned copy never overwrites unsent local edits.
    Fields whose server value equals the local one are left out of the write, so an echo of our own push
    rewrites only version and ``changed_by/at`` (no index churn, no search keys derived again).
    """

    def __init__(self, tx: Tx, keys: list[tuple[str, str]], own: list[st.Op] | None = None) -> None:
        self.tx = tx
        self.rows: dict[tuple[str, str], Any] = {}
        self.versions: dict[tuple[str, str], int] = {}
        by_kind: dict[str, list[str]] = {}
        for kind, rid in keys:
            by_kind.setdefault(kind, []).append(rid)
        for kind, ids in by_kind.items():
            for rid, row in existing_rows(tx.conn, kind, ids).items():
                self.rows[(kind, rid)] = row
                self.versions[(kind, rid)] = int(row.version)
        rids = list(dict.fromkeys(rid for _, rid in keys))
        self.queued = _queued_ops(tx.conn, rids, own or [])
        self.open = st.conflicts_for(tx.conn, rids)
        self.states: dict[str, dict[str, dict[str, Any]]] = {}

    def _keep(self, rid: str, after_seq: int | None) -> set[str]:
        keep = set(self.open.get(rid, {}))
        for op in self.queued.get(rid, ()):
            if after_seq is None or op.seq > after_seq:
                keep |= op.touched
        return keep

    def conflict(self, kind_name: str, rid: str, record: dict[str, Any], clashing: list[str]) -> None:
        """Keep both values of each clashing field: the row's (what the person sees) and the server's."""
        row = self.rows.get((kind_name, rid))
        if row is None:
            return
        kind = KINDS[kind_name]
        pending = self.states.get(kind_name, {}).get(rid, {})
        version = int(record.get("version") or 0)
        for name in clashing:
            local = pending[name] if name in pending else getattr(row, name, None)
            server = record.get(name)
            if name in kind.field_names:
                local, server = coerce(kind, name, local), coerce(kind, name, server)
            elif name == "deleted":
                local, server = bool(local), bool(server)
            if local == server:
                continue  # nothing to choose between
            st.put_conflict(self.tx.conn, kind_name, rid, name, local, server, version)
        self.open.update(st.conflicts_for(self.tx.conn, [rid]))

    def merge(self, kind_name: str, rec: dict[str, Any], *, after_seq: int | None = None,
              conflict: bool = False) -> bool:
        """Take a server copy unless the record is already at or past its version; True if taken."""
        rid = rec["id"]
        kind = KINDS[kind_name]
        version = int(rec.get("version") or 0)
        current = self.versions.get((kind_name, rid))
        states = self.states.setdefault(kind_name, {})
        if current is None and rid not in self.queued and rid not in self.open:
            # A record this store has never held (most of a first pull): nothing to keep, the copy as it is.
            states[rid] = rec
            self.versions[(kind_name, rid)] = version
            return True
        if conflict and current is not None:
            states.setdefault(rid, {"id": rid})["conflict"] = True
        self._settle_open(kind_name, rid, rec, version)
        if current is not None and current >= version:
            # An echo of our own push, or a stale duplicate answer: nothing newer in it.
            return False
        keep = self._keep(rid, after_seq)
        state = states.setdefault(rid, {"id": rid})
        state.update(version=version, changed_by=rec.get("changed_by"), changed_at=rec.get("changed_at"))
        row = self.rows.get((kind_name, rid))
        types = field_types(kind_name)
        for name in (*_SERVER_FIELDS, *kind.field_names):
            if name not in rec or name in keep:
                continue
            value = bool(rec[name]) if name == "deleted" else rec[name]
            if row is not None and name not in state and _same(types.get(name), getattr(row, name), value):
                continue  # already the local value: writing it again would change nothing
            state[name] = value
        if current is None:
            state.setdefault("deleted", bool(rec.get("deleted")))
            state.setdefault("area_code", rec.get("area_code"))
        self.versions[(kind_name, rid)] = version
        return True

    def _settle_open(self, kind_name: str, rid: str, rec: dict[str, Any], version: int) -> None:
        """Bring the record's open conflicts up to a server copy at ``version``.

        A field whose server value now equals the value the row shows (someone made the same choice on the
        platform) is no longer a conflict: it closes by itself, and the record's flag clears with its last
        one. Otherwise a newer server value replaces the one the person is asked to choose against.
        """
        open_ = self.open.get(rid)
        row = self.rows.get((kind_name, rid))
        if not open_ or row is None:
            return
        kind = KINDS[kind_name]
        types = field_types(kind_name)
        for name, crow in list(open_.items()):
            if name not in rec or version < crow.server_version:
                continue
            value = bool(rec[name]) if name == "deleted" else rec[name]
            if _same(types.get(name), getattr(row, name), value):
                st.resolve_conflict_row(self.tx.conn, crow.id)
                del open_[name]
            elif version > crow.server_version:
                # The server moved on: the person should choose against its newest value.
                st.refresh_conflict_server(self.tx.conn, crow.id,
                                           coerce(kind, name, value) if name in kind.field_names else value,
                                           version)
        if not open_:
            del self.open[rid]
            self.states.setdefault(kind_name, {}).setdefault(rid, {"id": rid})["conflict"] = False

    def flush(self, halfway: Callable[[], None] | None = None) -> None:
        """Write the merged states; ``halfway`` runs after the first kind is written (a test seam)."""
        for i, (kind_name, states) in enumerate(self.states.items()):
            rows = {rid: row for (k, rid), row in self.rows.items() if k == kind_name}
            self.tx.apply_server_many(kind_name, list(states.values()), rows)
            if halfway and i == 0:
                halfway()
        self.states.clear()


def _queued_ops(conn: Connection, record_ids: list[str], own: list[st.Op]) -> dict[str, list[st.Op]]:
    """record id → its queued ops in seq order. ``own`` are the batch's ops (already read and parsed): only
    ops queued after them are read, so settling a batch does not parse its own ops' JSON again."""
    out: dict[str, list[st.Op]] = {}
    for op in own:
        out.setdefault(op.record_id, []).append(op)
    after = max((op.seq for op in own), default=0)
    o = st.outbox
    for row in conn.execute(select(o).where(among(o.c.record_id, record_ids), o.c.seq > after).order_by(o.c.seq)):
        out.setdefault(row.record_id, []).append(
            st.Op(row.seq, row.op_id, row.kind, row.record_id, row.base_version, row.op, json.loads(row.fields)))
    return out


def _same(ftype: str | None, local: Any, server: Any) -> bool:
    """Whether a column value (as the store returns it) equals a server value in canonical form. False when
    unsure: the field is then written, which is always correct."""
    if server is None or local is None:
        return server is None and local is None
    if ftype == "date":
        return isinstance(local, dt.date) and local.isoformat() == server
    if ftype == "json":
        return isinstance(local, str) and local == dumps(server)
    if type(local) is not type(server):
        return False
    return local == server


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


_RUN_LOCKS: dict[str, threading.Lock] = {}
_RUN_LOCKS_GUARD = threading.Lock()


def _run_lock(col: Collection) -> threading.Lock:
    """One sync at a time per store file, whichever SyncClient runs it."""
    with _RUN_LOCKS_GUARD:
        return _RUN_LOCKS.setdefault(str(col.path.resolve()), threading.Lock())


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


def _stop_fn(cancel: Cancel) -> Callable[[], bool]:
    if cancel is None:
        return lambda: False
    if isinstance(cancel, threading.Event):
        return cancel.is_set
    return cancel


def _check(stop: Callable[[], bool]) -> None:
    if stop():
        raise CancelledError("同步已取消。")


def _results(answer: Any) -> dict[str, dict[str, Any]]:
    items = answer.get("results") if isinstance(answer, Mapping) else answer
    if not isinstance(items, list):
        raise SyncError("平台返回的推送结果格式不正确。")
    return {r["op_id"]: r for r in items if isinstance(r, Mapping) and "op_id" in r}


def _field_names(conflicts: Any) -> list[str]:
    out = []
    for c in conflicts or []:
        out.append(c if isinstance(c, str) else c.get("field"))
    return [c for c in out if c]


def _error(body: Any) -> str | None:
    return body.get("error") if isinstance(body, Mapping) else None


def _msg(body: Any, default: str) -> str:
    if isinstance(body, dict) and body.get("message"):
        return str(body["message"])
    return default
