# yibao — make run (serve on http://localhost:8000), make test (all tests).
SHELL := /bin/bash
GO ?= go
PORT ?= 8000
# BASE is the sub-path the site is served under (make dist BASE=/tools/yibao);
# empty for the root of its origin. FRAME_ANCESTORS lists the partner origins
# that may frame /embed (make run FRAME_ANCESTORS="https://a.example").
BASE ?=
FRAME_ANCESTORS ?= 'self'
GOROOT := $(shell $(GO) env GOROOT)
WASM_EXEC := $(firstword $(wildcard $(GOROOT)/lib/wasm/go_js_wasm_exec $(GOROOT)/misc/wasm/go_js_wasm_exec))

.PHONY: run build dist test test-go test-wasm test-browser bench fuzz vet deps-node deps-browser

# VERSION names a build: git describe plus a hash of the rules data. The
# served version adds a hash of web/ (app.wasm included), so every change the
# browser would load is an update for installed apps, and nothing is
# time-based.
VERSION ?= $(shell (git describe --always --dirty 2>/dev/null || echo dev) | tr -d '\n')-$(shell cat rules/data/*.json 2>/dev/null | sha256sum | cut -c1-8)
LDFLAGS := -X main.version=$(VERSION)
# WASM_GCFLAGS turn inlining off in goccy/go-json, go-app and every package
# of ours in app.wasm (about 165 KB less with brotli; the runtime and the
# standard library keep theirs; the engine is as fast within noise). The
# e2e tests and `make bench` (app.wasm and the engine's wasm benchmark)
# build with the same file.
WASM_GCFLAGS := $(shell cat cmd/yibao/wasm-gcflags.txt)

## build: the command-line binary (bin/yibao) and the browser binary (web/app.wasm)
build:
	$(GO) build -trimpath -ldflags="$(LDFLAGS)" -o bin/yibao ./cmd/yibao
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" $(WASM_GCFLAGS) -o web/app.wasm ./cmd/yibao

## run: build and serve the web app on http://localhost:$(PORT)
run: build
	./bin/yibao serve -addr localhost:$(PORT) -base "$(BASE)" -frame-ancestors "$(FRAME_ANCESTORS)"

## dist: the web app as a static site in dist/ (with .br and .gz beside large files),
## for the root of an origin or, with BASE=/tools/yibao, for that sub-path
dist: build
	./bin/yibao dist -o dist -web web -base "$(BASE)"

## test: vet, unit and table tests natively, the engine under wasm (node), browser tests
test: vet test-go test-wasm test-browser

vet:
	$(GO) vet ./...

test-go:
	$(GO) test -count=1 ./...

# The rules engine runs in the browser: prove it under GOOS=js GOARCH=wasm with node.
test-wasm: deps-node
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(WASM_EXEC)" ./rules/...

deps-node:
	@command -v node >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq nodejs >/dev/null; } || { echo "node is needed for the wasm tests: install nodejs"; exit 1; }

## test-browser: headless Chromium against `yibao serve` (e2e/, build tag "browser");
## screenshots go to e2e/artifacts/
test-browser: deps-browser
	$(GO) test -tags browser -count=1 -timeout 20m ./e2e/

# Debian's chromium and the CJK fonts the screenshots need, installed when
# missing and running as root (CI); YIBAO_CHROMIUM points at another browser.
deps-browser:
	@if [ -z "$$YIBAO_CHROMIUM" ] && ! { dpkg -s chromium >/dev/null 2>&1 && dpkg -s fonts-noto-cjk >/dev/null 2>&1; }; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing chromium and fonts-noto-cjk"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
		else echo "the browser tests need Debian's chromium and fonts-noto-cjk (apt-get install chromium fonts-noto-cjk)"; exit 1; fi; \
	fi

## bench: sizes, page loads (Slow 4G, 4× CPU) and keystrokes against a go-app
## hello world built the same way, and the engine natively and in wasm; prints
## one table and writes it to bench/latest.md (about 6 minutes)
BENCHSTAT := $(GO) run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
bench: deps-node deps-browser
	@mkdir -p bench/tmp
	$(GO) test -run '^$$' -bench . -benchmem -count 6 ./rules/ | tee bench/tmp/native.txt
	GOOS=js GOARCH=wasm $(GO) test $(WASM_GCFLAGS) -run '^$$' -bench . -benchmem -count 6 -exec="$(WASM_EXEC)" ./rules/ | tee bench/tmp/wasm.txt
	$(BENCHSTAT) bench/tmp/native.txt bench/tmp/wasm.txt
	$(GO) run ./bench -native bench/tmp/native.txt -wasm bench/tmp/wasm.txt -o bench/latest.md

## fuzz: fuzz the decoder and the engine for a while each
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./rules/
	$(GO) test -run '^$$' -fuzz '^FuzzEvaluate$$' -fuzztime $(FUZZTIME) ./rules/
