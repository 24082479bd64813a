"""Attachments: document photos kept inside the encrypted store (the bytes once per content hash)."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.collection import Collection
from app.ops.validation import ValidationError
from app.store.tables import blob

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def size_errors(attachments: list[tuple[str, str, bytes]]) -> dict[str, str]:
    """(name, mime, bytes) triples too large to keep."""
    errors: dict[str, str] = {}
    for name, _mime, data in attachments:
        if len(data) > MAX_ATTACHMENT_BYTES:
            errors["attachments"] = f"附件“{name}”超过 20 MB，请压缩后再添加"
    return errors


def attach(tx: Any, area: str, owner_kind: str, owner_id: str, name: str, mime: str, data: bytes) -> str:
    """Inside an open transaction: store the bytes (once) and the attachment record; returns its id."""
    sha = hashlib.sha256(data).hexdigest()
    tx.conn.execute(sqlite_insert(blob).values(sha256=sha, data=data, size=len(data), uploaded=False)
                    .on_conflict_do_nothing(index_elements=[blob.c.sha256]))
    return tx.create("attachment", {"owner_kind": owner_kind, "owner_id": owner_id, "sha256": sha, "mime": mime,
                                    "size": len(data), "name": name}, area_code=area)


def add_attachment(col: Collection, owner_kind: str, owner_id: str, name: str, mime: str, data: bytes) -> str:
    if errors := size_errors([(name, mime, data)]):
        raise ValidationError(errors)
    owner = col.records.get(owner_kind, owner_id)
    if owner is None:
        raise ValidationError({"owner": "找不到附件所属的记录"})
    with col.records.transaction() as tx:
        return attach(tx, owner["area_code"], owner_kind, owner_id, name, mime, data)
