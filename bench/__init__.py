"""The project's benchmark: ``make bench`` prints a table and writes ``bench-results.json``.

Each ``bench/<area>.py`` module has ``run(ctx: BenchContext) -> dict[str, Metric]``; targets are ratios against
a baseline measured in the same run where BRIEF §4 says so, so a slower or faster machine does not decide.
"""
