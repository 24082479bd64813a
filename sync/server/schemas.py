"""Request and response bodies (pydantic), so /openapi.json describes the wire format precisely."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.model.kinds import KINDS

Role = Literal["worker", "office", "supervisor", "admin"]
Ident = Field(min_length=1, max_length=64)
KIND_LIST = "、".join(KINDS)


class ErrorBody(BaseModel):
    error: str = Field(description="machine-readable code, e.g. invalid_token, token_expired, offset_mismatch")
    message: str = Field(description="中文说明")


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    device_id: str = Ident


class UserOut(BaseModel):
    name: str
    display_name: str
    role: Role
    areas: list[str] = Field(description="jurisdiction codes: a worker's communities, a supervisor's street or county")


class DirectoryUser(BaseModel):
    name: str = Field(description="login name, as in changed_by and the audit log")
    display_name: str = Field(description="the name people see")
    role: Role


class DirectoryResponse(BaseModel):
    users: list[DirectoryUser] = Field(
        description="the requester and every user whose areas overlap theirs (colleagues, the workers below, "
                    "the supervisors and admins above), by login")


class LoginResponse(BaseModel):
    token: str
    expires_at: str = Field(description="UTC, ISO 8601")
    user: UserOut


class Op(BaseModel):
    model_config = ConfigDict(json_schema_extra={"description": f"kind: one of {KIND_LIST}"})

    op_id: str = Field(min_length=1, max_length=64, description="idempotency key (client-made UUID)")
    kind: str = Field(min_length=1, max_length=40, description="record kind (app/model/kinds.py)")
    id: str = Field(min_length=1, max_length=64, description="record id (client-made UUID)")
    base_version: int = Field(ge=0, le=2**62, description="version the device last saw; 0 for a new record")
    op: Literal["upsert", "delete"]
    fields: dict[str, Any] = Field(
        default_factory=dict,
        description="changed fields in canonical form; area_code (12 digits) is required on create; "
                    "deleted (bool) restores or deletes",
    )


class PushRequest(BaseModel):
    device_id: str = Ident
    ops: list[Op] = Field(max_length=500)


class Record(BaseModel):
    kind: str
    id: str
    area_code: str
    version: int
    deleted: bool
    changed_by: str | None = None
    changed_at: str | None = None
    fields: dict[str, Any] = Field(description="every field of the kind, canonical values, null when unset")


class OpResult(BaseModel):
    op_id: str
    status: Literal["applied", "duplicate", "conflict", "rejected"]
    first_status: Literal["applied", "conflict", "rejected"] | None = Field(
        default=None, description="for duplicate: the status the op got when it was first seen")
    version: int | None = None
    record: Record | None = None
    conflicts: list[str] | None = None
    reason: str | None = None


class PushResponse(BaseModel):
    results: list[OpResult]


class LeftScope(BaseModel):
    kind: str
    id: str
    version: int = Field(description="the change that moved the record out of the user's scope")


class PullResponse(BaseModel):
    changes: list[Record]
    cursor: int
    has_more: bool
    left: list[LeftScope] = Field(default_factory=list, description="records moved out of the user's scope "
                                                                    "since the cursor: remove the local copy")
    scope: list[str] = Field(default_factory=list, description="area code prefixes the user sees now; a local "
                                                               "record under none of them has left the scope")


class KindStats(BaseModel):
    count: int
    total: int
    digest: str


class StatsResponse(BaseModel):
    kinds: dict[str, KindStats]


class DuplicatePerson(BaseModel):
    id: str
    name: str
    area_code: str
    version: int


class DuplicateId(BaseModel):
    id_number: str
    persons: list[DuplicatePerson]


class Health(BaseModel):
    status: Literal["ok"]
    schema_revision: str


class RuleKey(BaseModel):
    key_id: str = Field(description="first 16 hex digits of the sha256 of the raw public key")
    public_key: str = Field(description="base64 of the raw 32-byte Ed25519 public key")


class SignedRuleSet(BaseModel):
    seq: int
    text: str = Field(description="the rule set as published (TOML, docs/RULES.md); the signature covers its UTF-8 bytes")
    signature: str = Field(description="base64 Ed25519 signature of text")
    key_id: str


class RulesResponse(BaseModel):
    key: RuleKey | None = Field(description="the platform's signing key; null until an admin generated one")
    sets: list[SignedRuleSet]
    cursor: int = Field(description="pass as ``after`` next time")


class AnchorOut(BaseModel):
    seq: int | None = Field(description="sequence number of the device's audit entry the platform holds as its "
                                        "anchor (its hash is never sent); null before the first anchor")


class AnchorIn(BaseModel):
    head_seq: int = Field(ge=0, le=2**62, description="the device's newest audit entry")
    head_hash: str = Field(pattern="^[0-9a-f]{64}$")
    anchor_seq: int | None = Field(default=None, ge=0, le=2**62, description="the seq from GET /sync/anchor")
    anchor_hash: str | None = Field(default=None, pattern="^[0-9a-f]{64}$",
                                    description="hash of the device's own entry at anchor_seq, null if it has none")


class AnchorResult(BaseModel):
    ok: bool
    flag: str | None = Field(default=None, description="中文：链不延续上次的锚点时的说明")
