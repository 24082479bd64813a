"""Ed25519 signatures on published rule sets (the ``cryptography`` package; nothing hand-rolled).

The platform signs the exact UTF-8 bytes of a set's TOML text; a laptop verifies them with the platform's
public key before parsing anything. Keys travel as base64 of the 32 raw bytes; a key's id is the first 16 hex
digits of the sha256 of those bytes (shown to admins so they can compare keys by eye).
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from app.rules.ruleset import RuleSetError


def key_id(public_key: str) -> str:
    return hashlib.sha256(_raw_public(public_key)).hexdigest()[:16]


def _raw_public(public_key: str) -> bytes:
    try:
        raw = base64.b64decode(public_key, validate=True)
    except (binascii.Error, ValueError):
        raise RuleSetError("平台公钥格式不正确") from None
    if len(raw) != 32:
        raise RuleSetError("平台公钥格式不正确（应为 32 字节的 Ed25519 公钥）")
    return raw


def generate() -> tuple[bytes, str]:
    """A new key pair: (private key as unencrypted PKCS#8 PEM, public key as base64)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    return pem, _public_of(key)


def _public_of(key) -> str:  # noqa: ANN001 - an Ed25519PrivateKey
    from cryptography.hazmat.primitives import serialization

    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def _private(pem: bytes):  # noqa: ANN202
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        raise RuleSetError("签名私钥文件无法读取（应为 Ed25519 PEM）") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise RuleSetError("签名私钥不是 Ed25519 密钥")
    return key


def public_key_of(pem: bytes) -> str:
    return _public_of(_private(pem))


def sign(pem: bytes, text: str) -> str:
    """Base64 signature of ``text`` (its UTF-8 bytes) with the private key in ``pem``."""
    return base64.b64encode(_private(pem).sign(text.encode("utf-8"))).decode()


def verify(public_key: str, text: str, signature: str) -> None:
    """Raise RuleSetError unless ``signature`` is the platform's signature of exactly ``text``."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if not signature:
        raise RuleSetError("规则集没有签名，不予使用")
    try:
        sig = base64.b64decode(signature, validate=True)
    except (binascii.Error, ValueError):
        raise RuleSetError("规则集的签名格式不正确，不予使用") from None
    try:
        Ed25519PublicKey.from_public_bytes(_raw_public(public_key)).verify(sig, text.encode("utf-8"))
    except InvalidSignature:
        raise RuleSetError("规则集签名校验失败（内容被改动或不是本平台签发），不予使用") from None
