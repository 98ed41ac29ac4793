# evident: `make site` builds the site into public/, `make test` runs every check.
# Both bootstrap what they need on a fresh Debian machine with Swift and Python: libcmark-dev, libmimalloc-dev and
# Node.js for JavaScript experiments (apt's nodejs, unless a `node` is on the PATH) and the project's Python venv
# (.venv, from requirements.txt).

SWIFT   ?= swift
PYTHON3 ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python
STAMPS  := .build/stamps
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test test-slow refresh serve docs clean bootstrap debug-build lint unit integration e2e python-tests browser \
	bench fuzz install install-files repeatability

# Release builds link the Swift runtime and Foundation statically: a no-op rebuild is dominated by start-up. One
# product at a time: only the two executables, not the test support target.
RELEASE_BUILD := for product in evident evident-spawn; do \
	$(SWIFT) build -c release --static-swift-stdlib --product $$product || exit 1; done

site: bootstrap
	$(RELEASE_BUILD)
	.build/release/evident build --site .

refresh: bootstrap
	$(RELEASE_BUILD)
	.build/release/evident build --site . --refresh

# Do the 95 % intervals hold a rerun? Known-answer experiments and an A/A directive, refreshed 6 times
# (bench/repeatability.sh; a few minutes).
repeatability: bootstrap
	$(RELEASE_BUILD)
	bench/repeatability.sh .build/release/evident

serve: bootstrap
	$(RELEASE_BUILD)
	.build/release/evident serve --site .

# `make install PREFIX=DIR` (default /usr/local): both executables (evident runs experiments through
# evident-spawn beside it) into PREFIX/bin, and evident's bash, zsh and fish completions under PREFIX/share.
PREFIX ?= /usr/local
install: $(STAMPS)/apt
	$(RELEASE_BUILD)
	$(MAKE) install-files BIN=.build/release PREFIX="$(PREFIX)"

# The copying half of `install`, from the executables already built in BIN.
BIN ?= .build/release
COMPLETIONS := $(PREFIX)/share/bash-completion/completions/evident $(PREFIX)/share/zsh/site-functions/_evident \
	$(PREFIX)/share/fish/vendor_completions.d/evident.fish
install-files:
	install -d "$(PREFIX)/bin" $(foreach file,$(COMPLETIONS),"$(dir $(file))")
	install -m 755 $(BIN)/evident $(BIN)/evident-spawn "$(PREFIX)/bin/"
	"$(PREFIX)/bin/evident" --generate-completion-script bash > "$(word 1,$(COMPLETIONS))"
	"$(PREFIX)/bin/evident" --generate-completion-script zsh > "$(word 2,$(COMPLETIONS))"
	"$(PREFIX)/bin/evident" --generate-completion-script fish > "$(word 3,$(COMPLETIONS))"
	@echo "installed evident and evident-spawn in $(PREFIX)/bin, completions under $(PREFIX)/share"

test: bootstrap lint unit integration python-tests e2e browser

# Formatting, and the folders of each module kept in layers (no two folders use each other's types).
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Plugins
	for module in Sources/Evident*; do $(PYTHON3) scripts/folder-cycles.py $$module --quiet || exit 1; done

# Every debug step needs one build, with the same flags (tests included), made once per `make` run: SwiftPM
# rebuilds much of the dependency graph when `swift build` and `swift build --build-tests` alternate, and after a
# `swift test` run.
debug-build:
	$(SWIFT) build --build-tests

# The fast in-process tests of each stage (unit) run in one process: most take milliseconds, less than starting a
# process per test would. The ones with real processes (integration: the command line, whole-site builds, the
# runner, the preview server) spend their time waiting on them, and run in parallel, a process per test.
SWIFT_TEST := $(SWIFT) test --disable-swift-testing --skip-build

unit: debug-build
	$(SWIFT_TEST) --filter EvidentUnitTests

# The tests that compare measured times, or kill builds at chosen moments, run on their own afterwards: other
# tests' processes would disturb them.
TIMING_TESTS := MeasureBenchTests|MeasureCommandTests|EvidenceBuildTests|ExperimentLimitsTests|InterruptedBuildTests|OptimizedAwayTests

integration: bootstrap debug-build
	$(SWIFT_TEST) --parallel --filter EvidentIntegrationTests --skip '$(TIMING_TESTS)'
	$(SWIFT_TEST) --filter 'EvidentIntegrationTests\.($(TIMING_TESTS))'

# The long versions of the tests that grow with their input (more killed builds, longer fuzzing, larger essays);
# `make test` runs short ones. CI runs both.
SLOW_TESTS := InterruptedBuildTests|DirectiveFuzzTests|LargeInputTests
test-slow: bootstrap debug-build
	EVIDENT_SLOW_TESTS=1 $(SWIFT_TEST) --filter '$(SLOW_TESTS)'

python-tests: bootstrap
	$(PY) -m unittest discover -s Tests/helpers -t Tests/helpers

# The real site and the reference docs, from committed evidence only: no experiment may run, no claim may be
# contradicted or stale, no link broken; then the real site's "one cell by hand" commands, run as printed from a
# fresh copy of the repository (scripts/rerun_test.py).
# A frozen build runs no Python the site holds: the venv is pinned here, as a CI recipe would.
e2e: export EVIDENT_PYTHON = $(CURDIR)/$(PY)
e2e: bootstrap debug-build
	rm -rf .build/e2e && .build/debug/evident build --site . --output .build/e2e/public --frozen --strict
	.build/debug/evident check --site .
	@test -f .build/e2e/public/index.html && test -f .build/e2e/public/feed.xml && test -f .build/e2e/public/sitemap.xml
	@echo "e2e: the real site builds from stored evidence"
	$(PY) scripts/rerun_test.py .build/e2e/public async-thoughts/experiments/crud_service.py.html \
		async-thoughts/experiments/AwaitLoop.swift.html async-thoughts/experiments/await_loop.js.html
	@echo "e2e: the page's commands run one cell of a Python, a Swift and a Node.js experiment from a fresh copy"
	.build/debug/evident build --site docs --output .build/e2e/docs --frozen --strict
	.build/debug/evident check --site docs
	@test -f .build/e2e/docs/getting-started/index.html && test -f .build/e2e/docs/experiments/timing-loop.json
	@echo "e2e: the reference docs build from stored evidence"

# The reference docs (docs/, an evident site) into docs/public/, from their committed evidence.
docs: export EVIDENT_PYTHON = $(CURDIR)/$(PY)
docs: bootstrap
	$(SWIFT) build --product evident
	.build/debug/evident build --site docs --frozen --strict

bootstrap: $(STAMPS)/apt $(VENV)/.installed

# The browser test opens the real site, the wide-grid and scaling fixture essays and the bundles fixture's plain
# pages in headless Chromium, runs axe-core on every page and the Nu HTML checker (which needs a JRE) on the built
# pages; BROWSER_TEST=0 skips installing Chromium (the test then says it was skipped).
BROWSER_TEST ?= 1
browser: bootstrap debug-build
	@if [ "$(BROWSER_TEST)" = 1 ] && ! command -v chromium >/dev/null; then \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; fi
	@if [ "$(BROWSER_TEST)" = 1 ] && ! command -v java >/dev/null; then \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless; fi
	$(PY) scripts/browser_test.py .build/debug/evident . async-thoughts/ Tests/Fixtures/sites/wide-grid sorting/ \
		Tests/Fixtures/sites/bundles plain=figures/,tags/,tags/async/ Tests/Fixtures/sites/scaling scaling/

$(STAMPS)/apt: Makefile
	@mkdir -p $(STAMPS)
	@{ pkg-config --exists libcmark && test -f /usr/include/mimalloc.h; } || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcmark-dev libmimalloc-dev pkg-config; }
	@command -v node >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs; }
	@touch $@

$(VENV)/.installed: requirements.txt
	@test -x $(PY) || $(PYTHON3) -m venv $(VENV) || { rm -rf $(VENV); \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv && \
		$(PYTHON3) -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@


# A no-op rebuild of the real site and the docs beside Hugo building one page (hyperfine); build speed against the
# libcmark floor and Hugo; a commands: directive against hyperfine; the preview server
# under load and idle; builds of one site started together. Slow and noisy on a shared machine: run them on a
# quiet one.
bench: bootstrap
	bash bench/noop-rebuild.sh
	bash bench/build-speed.sh
	bash bench/commands-vs-hyperfine.sh
	bash bench/serve-load.sh
	bash bench/concurrent-builds.sh
	bash bench/serve-idle.sh

# A longer fuzzing run than the one in `make test` (FUZZ_SEED, FUZZ_ITERATIONS, FUZZ_CLI_RUNS).
fuzz: bootstrap
	bash bench/fuzz.sh

clean:
	rm -rf .build public .evident-cache
