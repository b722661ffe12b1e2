# logcheck: make example (set up, build, run on the bundled example) and make test (set up,
# build, run every test). Both install what is missing first.

SWIFT ?= swift
BIN := .build/release/logcheck
EXAMPLE := fixtures/seed fixtures/koa-cluster

.PHONY: setup build example test test-sanitizers dist test-dist rules-docs golden bench fuzz format check-format clean

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
	-for e in $(EXAMPLE); do echo "== logcheck $$e"; $(BIN) $$e; done

## Set up, build and run the whole test suite, then the pre-commit hooks with the real pre-commit
## and the language server under a real editor (headless Neovim).
test: setup
	@scripts/setup.sh --test-tools
	$(SWIFT) build --build-tests
	$(SWIFT) test
	scripts/test-pre-commit.sh
	scripts/test-editor.sh

## The release files in dist/ (distribution/README.md): the portable binary as a tarball, a
## platform wheel, the pre-commit mirror and the npm packages. The release build has its own
## scratch path, with libyaml linked from libyaml-dev's static archive (pkg-config is pointed at
## a yaml-0.1.pc whose library folder holds only libyaml.a), so the binary needs only glibc and
## the C++ runtime.
DIST_SCRATCH := .build-dist
DIST_LIBS := $(CURDIR)/$(DIST_SCRATCH)/static-libyaml
## linux-x86_64, or on a Mac macos-arm64 / macos-x86_64 (the Swift runtime is the system's there).
DIST_PLATFORM ?= linux-x86_64
DIST_RELEASE := $(if $(filter macos-%,$(DIST_PLATFORM)),-c release,$(RELEASE))

dist: setup
	@mkdir -p $(DIST_LIBS)
	ln -sf $$(pkg-config --variable=libdir yaml-0.1)/libyaml.a $(DIST_LIBS)/libyaml.a
	sed 's|^libdir=.*|libdir=$(DIST_LIBS)|' $$(pkg-config --variable=pcfiledir yaml-0.1)/yaml-0.1.pc > $(DIST_LIBS)/yaml-0.1.pc
	PKG_CONFIG_PATH=$(DIST_LIBS) $(SWIFT) build $(DIST_RELEASE) --product logcheck --scratch-path $(DIST_SCRATCH)
	rm -rf dist
	mkdir -p dist
	strip -o $(DIST_SCRATCH)/logcheck-stripped $(DIST_SCRATCH)/release/logcheck
	python3 distribution/build.py all --binary $(DIST_SCRATCH)/logcheck-stripped --out dist --platform $(DIST_PLATFORM)

## make dist, then install and run each of its files as users do (scripts/test-dist.sh).
test-dist: setup
	scripts/test-dist.sh

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
	LOGCHECK_UPDATE_GOLDEN=1 $(SWIFT) test --filter 'GoldenTests|CorpusFindingsTests|MonorepoTests|LaunchSiteTests|SelfClusterTests'

## Format every Swift file with swift-format (from the toolchain; settings in .swift-format).
format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests fuzz bench Package.swift

## Fail when a Swift file is not formatted (CI runs this; the work tree is not changed).
check-format:
	scripts/check-format.sh

clean:
	rm -rf .build .build-dist dist
