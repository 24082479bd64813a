"""The rule tables load, cite their sources and are internally consistent."""

import tomllib

import pytest

from app.rules._data import RULES_DIR, RuleDataError, load
from app.rules.workflow import actions, stages

TABLES = ["eligibility", "workflow", "materials", "service_package", "followups", "welfare_jobs"]


@pytest.mark.parametrize("name", TABLES)
def test_tables_parse_and_cite_sources(name):
    text = (RULES_DIR / f"{name}.toml").read_text(encoding="utf-8")
    tomllib.loads(text)
    assert "晋政办发〔2024〕33号" in text or "晋人社办函〔2025〕62号" in text
    assert load(name) is load(name)  # loaded once


def test_missing_table():
    with pytest.raises(RuleDataError, match="规则文件缺失"):
        load("no_such_table")


def test_workflow_roles_and_stages_consistent():
    roles = set(load("workflow")["roles"])
    assert roles == {"worker", "office", "supervisor", "admin"}
    assert all(s.responsible in roles for s in stages())
    codes = {s.code for s in stages()}
    assert all(a.from_stage in codes and a.to_stage in codes for a in actions())


def test_retirement_reform_todo_recorded():
    assert "TODO" in (RULES_DIR / "eligibility.toml").read_text(encoding="utf-8")


def test_package_import_is_light():
    import subprocess
    import sys

    code = (
        "import sys, app.rules; "
        "assert 'chinese_calendar' not in sys.modules and 'app.rules.workdays' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=RULES_DIR.parents[1])
