# logcheck: make example (set up, build, run on the bundled example) and make test (set up,
# build, run every test). Both install what is missing first.

SWIFT ?= swift
BIN := .build/release/logcheck
EXAMPLE := fixtures/seed

.PHONY: setup build example test test-sanitizers rules-docs golden bench fuzz format check-format clean

## Install the system packages logcheck needs (libyaml-dev), when they are missing.
setup:
	@scripts/setup.sh

## Build the release binary. The Swift runtime is linked in: the binary starts in about half the
## time (no dynamic linking of libswiftCore) and runs where Swift is not installed.
RELEASE := -c release --static-swift-stdlib

build: setup
	$(SWIFT) build $(RELEASE)
	@echo "built $(BIN)"

## Set up, build, and run logcheck on the bundled example (exit code 1 means: findings).
example: build
	-$(BIN) $(EXAMPLE)

## Set up, build and run the whole test suite, then the pre-commit hooks with the real pre-commit.
test: setup
	@scripts/setup.sh --test-tools
	$(SWIFT) build --build-tests
	$(SWIFT) test
	scripts/test-pre-commit.sh

## Measure logcheck against its floors on a generated corpus; writes bench/results.md (not part of test).
bench: setup
	python3 bench/run.py

## The test suite again under AddressSanitizer (its own build in .build-asan). Swift has no
## UndefinedBehaviorSanitizer on Linux; the C code logcheck runs is the system libyaml.
test-sanitizers: setup
	@scripts/setup.sh --test-tools
	$(SWIFT) build --build-tests --scratch-path .build-asan --sanitize=address
	LOGCHECK_SANITIZER=address LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Support/lsan.supp \
		$(SWIFT) test --scratch-path .build-asan --sanitize=address --skip-build

## Fuzz each reader and the whole check with libFuzzer + AddressSanitizer (FUZZ_SECONDS each).
FUZZ_SECONDS ?= 300
fuzz: setup
	scripts/fuzz.sh $(FUZZ_SECONDS)

## Regenerate rules/ from the rule descriptions.
rules-docs:
	LOGCHECK_UPDATE_DOCS=1 $(SWIFT) test --filter RuleDocsTests

## Regenerate the expected outputs of fixtures/golden/ (review the diff!).
golden:
	LOGCHECK_UPDATE_GOLDEN=1 $(SWIFT) test --filter 'GoldenTests|CorpusFindingsTests|MonorepoTests'

## Format every Swift file with swift-format (from the toolchain; settings in .swift-format).
format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests fuzz bench Package.swift

## Fail when a Swift file is not formatted (CI runs this; the work tree is not changed).
check-format:
	scripts/check-format.sh

clean:
	rm -rf .build
