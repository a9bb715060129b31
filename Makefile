# Two commands do all set-up on a fresh machine:
#   make dev    installs what is missing, starts the local Cognito, serves the app
#   make test   installs what is missing, runs every check and test
SHELL := bash
# scripts/wasm-split first: its wasm-bindgen splits the site's wasm into chunks for Trunk.
export PATH := $(CURDIR)/scripts/wasm-split:$(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

DEV_COGNITO_PORT ?= 9229
# make dev MFA=ON (or OPTIONAL): the local pool asks for a second factor (authenticator app or
# emailed code); empty keeps the template's default, OFF.
MFA ?=
# make dev PASSKEYS=1: choice-based sign-in with passwords, emailed sign-in codes and passkeys;
# open the app on http://localhost:8080/ (passkeys need a domain name, not 127.0.0.1).
PASSKEYS ?=
# make dev MFA=OPTIONAL DEVICES=USER_OPT_IN (or ALWAYS): the pool remembers browsers, which then
# skip the second factor; USER_OPT_IN asks "Trust this browser?".
DEVICES ?=
# make dev SIGN_IN=username (a username, with the email and phone as aliases) or SIGN_IN=phone
# (the phone number as the username); empty keeps email as the username.
SIGN_IN ?=

.PHONY: dev test bench build dist deps-dev deps-test cognito clean

dev: deps-dev
	@scripts/dev.sh $(DEV_COGNITO_PORT) '$(MFA)' '$(PASSKEYS)' '$(DEVICES)' '$(SIGN_IN)'

test: deps-test
	@scripts/test.sh

# Size, start-up, SRP and sign-in figures next to the Amplify peer, in one run (installs what it
# needs; a few minutes once built). Prints one table and writes bench/results.md.
bench:
	@bench/run.sh

# The deployable site in dist/ (config.json is copied in only if one exists at the top).
build: deps-dev
	scripts/build-site.sh

# The folder to deploy: dist/ with config.example.json to fill in (or DIST_CONFIG=path/to/config.json
# to put a real one in place) and csp-header.txt, the Content-Security-Policy to send with it.
dist: deps-dev
	scripts/build-site.sh
	rm -f dist/config.json
	cp deploy/config.example.json dist/config.example.json
	if [ -n "$(DIST_CONFIG)" ]; then cp "$(DIST_CONFIG)" dist/config.json; fi
	node scripts/csp.mjs $(or $(DIST_CONFIG),deploy/config.example.json) > dist/csp-header.txt
	@echo "dist/ is ready: add config.json beside index.html and send the header in dist/csp-header.txt"

# Only the local Cognito, in the foreground (config.json is written for it; MFA=, PASSKEYS=,
# DEVICES= and SIGN_IN= as for dev).
cognito: deps-dev
	params="$$(scripts/pool-params.sh '$(MFA)' '$(PASSKEYS)' '$(DEVICES)' '$(SIGN_IN)')" && \
		local-cognito/.venv/bin/python local-cognito/server.py --port $(DEV_COGNITO_PORT) --write-config config.json $$params

deps-dev:
	@scripts/install-deps.sh dev

deps-test:
	@scripts/install-deps.sh test

clean:
	rm -rf dist target/e2e target/test-logs test-results
