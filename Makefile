# The two commands in the README: `make demo` (set up, start the app on demo data with a local platform)
# and `make test` (set up, lint and check the layering, run every test). CI runs `make test` through .ci/run.
SHELL := /bin/bash
PY := .venv/bin/python

.PHONY: setup demo test bench lint screenshots bundle bundle-test

setup:
	@bash installer/bootstrap.sh

demo: setup
	$(PY) -m outreach --demo

# `bundle` first: building it takes about a minute, and tests/installer/test_bundle_smoke.py then runs it.
test: setup lint bundle
	QT_QPA_PLATFORM=offscreen OUTREACH_BUNDLE=dist/OutreachDesk $(PY) -m pytest -q -p no:cacheprovider

bench: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# ruff, and the layering contracts in pyproject.toml ([tool.importlinter]; docs/ARCHITECTURE.md).
lint: setup
	.venv/bin/ruff check .
	.venv/bin/lint-imports --no-cache

# The target laptop (1366×768), then a 1920×1080 screen at 150 % scaling (into docs/screenshots/scale150/).
screenshots: setup
	xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb $(PY) docs/screenshots/make_screenshots.py
	xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1.5 \
		OUTREACH_SHOTS_DIR=docs/screenshots/scale150 $(PY) docs/screenshots/make_screenshots.py

# The one-folder app bundle (installer/README.md): dist/OutreachDesk/, about a minute; PyInstaller comes from the
# `bundle` extra (bootstrap.sh installs it). `bundle-test` builds it and runs only the bundle's smoke test.
bundle: setup
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		installer/outreach-desk.spec

bundle-test: bundle
	QT_QPA_PLATFORM=offscreen OUTREACH_BUNDLE=dist/OutreachDesk $(PY) -m pytest -q -p no:cacheprovider \
		tests/installer/test_bundle_smoke.py
