"""Passphrase policy: a lost laptop is only as safe as its passphrase."""

from __future__ import annotations

MIN_LENGTH = 10
COMMON = {"1234567890", "12345678910", "qwertyuiop", "password123", "abcdefghij", "0000000000", "1111111111",
          "a123456789", "woaini1314", "1qaz2wsx3edc"}


def problems(secret: str) -> list[str]:
    """Why a passphrase is too weak (empty list = acceptable)."""
    out = []
    if len(secret) < MIN_LENGTH:
        out.append(f"至少需要 {MIN_LENGTH} 个字符")
    if secret.lower() in COMMON:
        out.append("这是常见密码，容易被猜到")
    classes = sum((any(c.isdigit() for c in secret), any(c.isalpha() and c.isascii() for c in secret),
                   any(not c.isascii() for c in secret), any(not c.isalnum() and c.isascii() for c in secret)))
    if classes < 2:
        out.append("请混合使用字母、数字、汉字或符号中的至少两类")
    if len(set(secret)) <= 3:
        out.append("重复字符太多")
    return out


def strength(secret: str) -> int:
    """0–4 score for the strength meter."""
    if not secret:
        return 0
    score = min(len(secret) // 5, 2)
    score += sum((any(c.isdigit() for c in secret), any(c.isalpha() and c.isascii() for c in secret),
                  any(not c.isascii() for c in secret), any(not c.isalnum() and c.isascii() for c in secret))) // 2
    return max(0, min(4, score - (2 if problems(secret) else 0) + (1 if not problems(secret) else 0)))
