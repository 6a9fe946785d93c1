# Two commands matter: `make run` and `make test`. Everything they need is set up here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# System libraries Qt's offscreen and xcb platforms load on Debian/Ubuntu.
# poppler-utils: pdftoppm, to look at briefings as pages.
QT_DEBS := libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 \
           libdbus-1-3 libglib2.0-0 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 \
           libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 \
           libxcb-xinerama0 libxcb-xkb1 xvfb xauth poppler-utils

.PHONY: run test test-fast lint bench installer demo clean sysdeps screenshot

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

# Installs Qt's system libraries when we are root on Debian and some are missing.
sysdeps:
	@if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  missing=""; for p in $(QT_DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then echo "installing system libraries:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi; \
	fi

run: $(VENV)/.installed sysdeps
	$(BIN)/repm-planner

test: $(VENV)/.installed-test sysdeps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# Everything but the installer build (which takes a few minutes).
test-fast: $(VENV)/.installed-test sysdeps
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not slow"

# The Linux bundle, tarball and .deb in dist/ (Windows: installer/build-windows.ps1).
installer: $(VENV)/.installed-test sysdeps
	PYTHON=$(BIN)/python installer/build-linux.sh

lint: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# The README's screenshot: the app in a real X window on a virtual screen.
screenshot: $(VENV)/.installed sysdeps
	mkdir -p docs
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python -m desktop.screenshot docs/screenshot.png 1366x768
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python -m desktop.screenshot docs/screenshot-1366x768-concentration.png 1366x768 Concentration
	xvfb-run -a -s "-screen 0 1280x720x24" $(BIN)/python -m desktop.screenshot docs/screenshot-1280x720-ranking.png 1280x720 "Deal ranking"
	xvfb-run -a -s "-screen 0 1280x720x24" $(BIN)/python -m desktop.screenshot docs/screenshot-1280x720-scenarios.png 1280x720 Scenarios
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python -m desktop.screenshot docs/screenshot-1366x768-plan.png 1366x768 Plan
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python -m desktop.screenshot docs/screenshot-1366x768-evidence.png 1366x768 "Evidence register"

demo: $(VENV)/.installed
	$(BIN)/repm demo --out demo-portfolio.json

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
