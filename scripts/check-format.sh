#!/usr/bin/env bash
# Fails when a Swift file is not as swift-format (from the Swift toolchain, with .swift-format)
# writes it. The files are formatted in a temporary copy, so the work tree is never changed;
# `make format` formats the work tree itself.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$PATH:/opt/swift/usr/bin"
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
cd "$root"
git ls-files -z --cached --others --exclude-standard -- '*.swift' | tar --null -T - -cf - | tar -xf - -C "$copy"
cp .swift-format "$copy/"
(cd "$copy" && swift format format --in-place --recursive --parallel .)
status=0
while IFS= read -r -d '' file; do
  if ! cmp -s "$file" "$copy/$file"; then
    echo "check-format: $file is not formatted (make format)" >&2
    diff -u "$file" "$copy/$file" | head -20 >&2 || true
    status=1
  fi
done < <(git ls-files -z --cached --others --exclude-standard -- '*.swift')
[ "$status" -eq 0 ] && echo "check-format: every Swift file is formatted"
exit "$status"
