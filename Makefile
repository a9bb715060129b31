# Two commands do all set-up on a fresh machine:
#   make dev    installs what is missing, starts the local Cognito, serves the app
#   make test   installs what is missing, runs every check and test
SHELL := bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

DEV_COGNITO_PORT ?= 9229

.PHONY: dev test build deps-dev deps-test cognito clean

dev: deps-dev
	@scripts/dev.sh $(DEV_COGNITO_PORT)

test: deps-test
	@scripts/test.sh

# The deployable site in dist/ (config.json is copied in only if one exists at the top).
build: deps-dev
	trunk build --release --offline

# Only the local Cognito, in the foreground (config.json is written for it).
cognito: deps-dev
	local-cognito/.venv/bin/python local-cognito/server.py --port $(DEV_COGNITO_PORT) --write-config config.json

deps-dev:
	@scripts/install-deps.sh dev

deps-test:
	@scripts/install-deps.sh test

clean:
	rm -rf dist target/e2e target/test-logs test-results
