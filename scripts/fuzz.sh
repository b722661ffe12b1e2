#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/Sources, with AddressSanitizer) and runs each for a time
# budget: scripts/fuzz.sh [SECONDS] [TARGET ...] (default 300 s, every target).
#
# Corpora grow in .build-fuzz/corpus/<target>, seeded from fixtures/. A crash, leak or timeout
# fails the run; its reproducer is kept in fixtures/fuzz-regressions/<target>/, which
# FuzzRegressionTests replays in every `make test`. A summary line per target goes to
# .build-fuzz/summary.txt (fuzz/README.md records the figures).
#
# FUZZ_SEED=N makes a run repeatable: libFuzzer's choices come from the seed, Swift's hashing
# is made deterministic and address randomisation is turned off (both change the order of
# hashed collections, so the coverage, so the inputs tried), so from the same corpus a run of
# any length tries a prefix of the inputs a longer run with that seed tries. CI sets it, so
# that a red CI reproduces; without it every run explores anew.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$PATH:/opt/swift/usr/bin"
seconds=${1:-300}
seed_flag=()
fixed=()
if [ -n "${FUZZ_SEED:-}" ]; then
  seed_flag=("-seed=$FUZZ_SEED")
  export SWIFT_DETERMINISTIC_HASHING=1
  if setarch "$(uname -m)" -R true 2>/dev/null; then fixed=(setarch "$(uname -m)" -R); fi
fi
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz-yaml fuzz-json fuzz-script fuzz-check fuzz-shell fuzz-launch)
scratch=.build-fuzz

for t in "${targets[@]}"; do
  LOGCHECK_FUZZ=1 swift build --scratch-path "$scratch" --sanitize=fuzzer --sanitize=address \
    -Xswiftc -sanitize=fuzzer,address --product "$t" 2>&1 | grep -E "error|warning: unre|Build of" || true
  [ -x "$scratch/debug/$t" ] || { echo "fuzz: $t did not build" >&2; exit 1; }
done

# Seeds: every fixture of the kinds logcheck reads.
seeds="$scratch/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
# In a fixed order, so that of two files with one name the same one is numbered.
find fixtures -type f \( -name '*.json' -o -name '*.yml' -o -name '*.yaml' -o -name '*.js' -o -name '*.cjs' -o -name '*.mjs' \
  -o -name 'Dockerfile*' -o -name '*.Dockerfile' -o -name 'Procfile*' -o -name '*.sh' -o -name '*.service' \) \
  -size -64k -not -path 'fixtures/schemas/*' -print0 | LC_ALL=C sort -z | xargs -0 -r cp --backup=numbered -t "$seeds" 2>/dev/null || true

: > "$scratch/summary.txt"
status=0
for t in "${targets[@]}"; do
  corpus="$scratch/corpus/$t"
  regressions="fixtures/fuzz-regressions/$t"
  mkdir -p "$corpus" "$regressions"
  log="$scratch/$t.log"
  set +e
  # Seeds named in a fixed order (a directory is read in the order of its file system).
  inputs=$(find "$seeds" "$regressions" -type f | LC_ALL=C sort | paste -sd, -)
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 "${fixed[@]}" "$scratch/debug/$t" "$corpus" ${inputs:+"-seed_inputs=$inputs"} \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$regressions/" -print_final_stats=1 "${seed_flag[@]}" > "$log" 2>&1
  code=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
  if [ "$code" -ne 0 ]; then
    status=1
    echo "$t: FAILED after $runs executions (exit $code); reproducer in $regressions/" | tee -a "$scratch/summary.txt"
    # What went wrong, and the input itself, so a CI log alone is enough to reproduce it.
    grep -v -E "^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse|INITED)|^INFO:" "$log" | tail -40 >&2 || true
    for f in $(grep -o "Test unit written to [^ ]*" "$log" | sed 's/^Test unit written to //'); do
      [ -f "$f" ] && echo "reproducer $f, base64: $(base64 -w0 "$f")" >&2
    done
  else
    echo "$t: $runs executions in ${seconds} s, coverage $cov, no crash, leak or timeout" | tee -a "$scratch/summary.txt"
  fi
done
exit $status
