"""``--db`` naming something that is not a store file, and a store whose first page is damaged (issue 15,
item 5): a clear Chinese message, no traceback, no hang, the file untouched."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app.collection import Collection
from app.store.engine import NotAStoreError, WrongPassphraseError
from app.store.integrity import check_store, first_page_damaged
from tests.conftest import PASSPHRASE
from tests.store.test_encryption import _cli


@pytest.mark.parametrize("command", [["check"], ["stats"], ["simulate", "--changes", "1"]])
def test_db_naming_a_directory_is_a_clear_error(tmp_path: Path, command: list[str]) -> None:
    r = _cli(command[0], "--db", str(tmp_path), *command[1:])
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    assert "文件夹" in r.stderr and str(tmp_path) in r.stderr


def test_init_into_a_directory_is_a_clear_error(tmp_path: Path) -> None:
    r = _cli("init", "--out", str(tmp_path))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "文件夹" in r.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_db_naming_a_fifo_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    r = _cli("check", "--db", str(fifo))  # _cli times out (and fails the test) if it hangs
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "不是普通文件" in r.stderr
    with pytest.raises(NotAStoreError, match="不是普通文件"):
        Collection.open(fifo, PASSPHRASE)


def _damage(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x55
    path.write_bytes(bytes(data))


def test_damaged_first_page_is_not_called_just_a_wrong_passphrase(demo_store: Path, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.db"
    shutil.copyfile(demo_store, wrong)
    _damage(demo_store, 1000)  # inside page 1's ciphertext, after the salt
    before = demo_store.read_bytes()
    with pytest.raises(WrongPassphraseError, match="第一页已损坏"):
        Collection.open(demo_store, PASSPHRASE)
    assert demo_store.read_bytes() == before

    # check tells the two apart: page 2 onwards still verify under the right passphrase.
    assert first_page_damaged(demo_store, PASSPHRASE) is True
    assert first_page_damaged(wrong, "not-the-passphrase") is False
    assert first_page_damaged(wrong, PASSPHRASE) is False  # intact
    r = _cli("check", "--db", str(demo_store))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "密码正确，但数据文件的第一页已损坏" in r.stderr
    r = _cli("check", "--db", str(wrong), passphrase="not-the-passphrase")
    assert r.returncode == 2 and "密码不正确" in r.stderr and "第一页已损坏" not in r.stderr
    assert demo_store.read_bytes() == before

    report = check_store(wrong, PASSPHRASE)
    assert report.ok, report.findings
