#!/usr/bin/env bash
# Installs what logcheck needs on a Debian-like machine with Swift already installed:
# libyaml-dev (the YAML parser logcheck links), and with --test-tools, the tools the tests
# compare against (PyYAML, jsonschema, pre-commit) and Neovim (a real client of `logcheck lsp`).
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "setup: need root to run: $*" >&2; exit 1
  fi
}

if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    echo "setup: add /opt/swift/usr/bin to PATH" >&2
  else
    echo "setup: Swift 6 is required (https://www.swift.org/install/)" >&2
  fi
  exit 1
fi

if ! pkg-config --exists yaml-0.1 2>/dev/null && ! dpkg -s libyaml-dev >/dev/null 2>&1; then
  echo "setup: installing libyaml-dev"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev pkg-config >/dev/null
fi

if [ "${1:-}" = "--test-tools" ]; then
  # The language server is tested under a real editor: Neovim's built-in LSP client.
  if ! command -v nvim >/dev/null 2>&1; then
    echo "setup: installing neovim for the tests"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  fi
  # The tests compare against independent tools: PyYAML (YAML reading), jsonschema (the SARIF
  # schema) and pre-commit (the hooks in .pre-commit-hooks.yaml).
  missing=()
  python3 -c 'import yaml' 2>/dev/null || missing+=(pyyaml)
  python3 -c 'import jsonschema' 2>/dev/null || missing+=(jsonschema)
  command -v pre-commit >/dev/null 2>&1 || missing+=(pre-commit)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing ${missing[*]} for the tests"
    python3 -m pip install --quiet --disable-pip-version-check "${missing[@]}"
  fi
fi

if [ "${1:-}" = "--bench-tools" ]; then
  # make bench: hyperfine (Debian package) times the runs; yamllint is the B1 comparison.
  if ! command -v hyperfine >/dev/null 2>&1; then
    echo "setup: installing hyperfine"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
  fi
  if ! command -v yamllint >/dev/null 2>&1; then
    echo "setup: installing yamllint"
    python3 -m pip install --quiet --disable-pip-version-check yamllint
  fi
fi
