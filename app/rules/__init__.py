"""Pure domain rules for employment assistance (就业援助): identity numbers, working days,
eligibility, workflow, service package, follow-ups and zero-employment households.

No Qt, no database. Numbers live in ``resources/rules/*.toml`` (see docs/RULES.md).
Submodules are imported explicitly (``from app.rules import eligibility``) so importing the
package stays cheap.
"""
