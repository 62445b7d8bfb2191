# yibao — make run (serve on http://localhost:8000), make test (all tests).
SHELL := /bin/bash
GO ?= go
PORT ?= 8000
GOROOT := $(shell $(GO) env GOROOT)
WASM_EXEC := $(firstword $(wildcard $(GOROOT)/lib/wasm/go_js_wasm_exec $(GOROOT)/misc/wasm/go_js_wasm_exec))

.PHONY: run build test test-go test-wasm test-browser bench fuzz vet deps-node

## build: the command-line binary (bin/yibao) and the browser binary (web/app.wasm)
build:
	$(GO) build -trimpath -o bin/yibao ./cmd/yibao
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o web/app.wasm ./cmd/yibao

## run: build and serve the web app on http://localhost:$(PORT)
run: build
	./bin/yibao serve -addr localhost:$(PORT)

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

test-browser:
	@echo "browser tests: not yet"

## bench: engine speed natively and in wasm
bench: deps-node
	$(GO) test -run '^$$' -bench . -benchmem ./rules/
	GOOS=js GOARCH=wasm $(GO) test -run '^$$' -bench . -benchmem -exec="$(WASM_EXEC)" ./rules/

## fuzz: fuzz the decoder and the engine for a while each
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./rules/
	$(GO) test -run '^$$' -fuzz '^FuzzEvaluate$$' -fuzztime $(FUZZTIME) ./rules/
