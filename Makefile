# Rungs: the two commands.
#   make run    install what is missing, then serve the app on http://127.0.0.1:8080/
#   make test   install what is missing, then run every test
.PHONY: run test setup build bench

export PATH := $(HOME)/.cargo/bin:$(CURDIR)/.tools/node_modules/.bin:$(PATH)

run: setup
	@echo "Rungs: serving on http://127.0.0.1:8080/ (the SaaS example ladder opens first)"
	trunk serve

test:
	.ci/setup test
	.ci/test

setup:
	.ci/setup

build: setup
	trunk build --release
