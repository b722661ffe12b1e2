#!/usr/bin/env bash
# Runs logcheck's pre-commit hooks (.pre-commit-hooks.yaml) with the real pre-commit tool:
# a repository with a bad ecosystem/log4js pair must fail the hook with LC101, a good pair must
# pass, files outside the hook's `files:` pattern must not be passed to logcheck, and a commit
# that stages only the log4js config (or only the ecosystem file) of the bad pair must fail too:
# one staged file is checked against the project on disk.
# Both hooks are run: `logcheck` (language: swift, built by pre-commit) and `logcheck-system`
# (language: system, the logcheck on PATH: here the one pre-commit built).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export PRE_COMMIT_HOME="$root/.build/pre-commit-home"
export PATH="$PATH:/opt/swift/usr/bin"
command -v pre-commit >/dev/null || { echo "test-pre-commit: pre-commit is missing (scripts/setup.sh --test-tools installs it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# The hook repository: a snapshot of this working tree (tracked and new files, uncommitted
# changes included) committed with a fixed author and date, so the same tree gives the same
# revision and pre-commit builds logcheck once per tree, not once per run.
snapshot="$root/.build/pre-commit-snapshot"
rm -rf "$snapshot"
mkdir -p "$snapshot"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$snapshot"
export GIT_AUTHOR_NAME=logcheck GIT_AUTHOR_EMAIL=logcheck@localhost GIT_COMMITTER_NAME=logcheck GIT_COMMITTER_EMAIL=logcheck@localhost
export GIT_AUTHOR_DATE="2000-01-01T00:00:00Z" GIT_COMMITTER_DATE="2000-01-01T00:00:00Z"
git -C "$snapshot" init -q
git -C "$snapshot" add -A
git -C "$snapshot" -c commit.gpgsign=false commit -q -m snapshot
rev=$(git -C "$snapshot" rev-parse HEAD)

fail() { echo "test-pre-commit: FAIL: $*" >&2; failures=$((failures + 1)); }

# make_repo DIR LOG4JS_JSON: an app in cluster mode loading log4js.json, plus files the hook
# must not see.
make_repo() {
  mkdir -p "$1/config"
  cat > "$1/ecosystem.config.js" <<'JS'
module.exports = {
  apps: [{
    name: 'api',
    script: 'server.js',
    exec_mode: 'cluster',
    instances: 4,
    env: { LOG4JS_CONFIG: 'config/log4js.json' },
  }],
};
JS
  printf '%s\n' "$2" > "$1/config/log4js.json"
  echo "module.exports = { entry: './src/index.js' };" > "$1/webpack.config.js"
  echo '{"name": "api"}' > "$1/package.json"
  echo 'api service' > "$1/README.md"
  git -C "$1" init -q
  git -C "$1" add .
}

# run_hook DIR HOOK [FILE]: runs the hook on every file of the repository, or as a commit that
# stages only FILE would; sets out and code.
run_hook() {
  printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: %s\n' "$snapshot" "$rev" "$2" > "$work/pre-commit-config.yaml"
  local which=(--all-files)
  [ $# -ge 3 ] && which=(--files "$3")
  set +e
  out=$(cd "$1" && pre-commit run --config "$work/pre-commit-config.yaml" "${which[@]}" --verbose --color never 2>&1)
  code=$?
  set -e
}

mkdir -p "$work/monorepo"
cp -R "$root/fixtures/monorepo/." "$work/monorepo/"
rm -f "$work/monorepo"/expected.*
git -C "$work/monorepo" init -q
git -C "$work/monorepo" add .

# The project of the README's story: no ecosystem file, PM2 started by package.json's `start`
# script (`pm2 start app.js -i 0`), log4js configured inline in app.js; and a project started by
# its Dockerfile.
for example in koa-cluster launch/dockerfile launch/ecosystem-overrides; do
  mkdir -p "$work/$example"
  cp -R "$root/fixtures/$example/." "$work/$example/"
  rm -f "$work/$example"/expected.*
  git -C "$work/$example" init -q
  git -C "$work/$example" add .
done

make_repo "$work/bad" '{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}'
make_repo "$work/good" '{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "disableClustering": true}'

for hook in logcheck logcheck-system; do
  if [ "$hook" = logcheck-system ]; then
    # The clone pre-commit made of this revision, from its store's database.
    clone=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT path FROM repos WHERE repo = ? AND ref = ?", sys.argv[2:]).fetchone()[0])' "$PRE_COMMIT_HOME/db.db" "$snapshot" "$rev")
    built=$(find "$clone" -path '*/swift_env-*/.build/*/release/logcheck' -type f | head -n 1)
    [ -n "$built" ] || { fail "no logcheck built by the logcheck hook under $PRE_COMMIT_HOME"; break; }
    export PATH="$(dirname "$built"):$PATH"
  fi

  run_hook "$work/bad" "$hook"
  if [ "$code" -ne 1 ]; then fail "$hook on the bad pair exited $code, expected 1"; fi
  if ! grep -q '^error\[LC101\]: log4js loses every log line of app "api"' <<<"$out"; then fail "$hook on the bad pair did not report LC101"; fi
  if ! grep -q -- '--> config/log4js.json:1:1' <<<"$out"; then fail "$hook on the bad pair: LC101 not at config/log4js.json:1:1"; fi
  if ! grep -q 'Found 1 error, 0 warnings and 0 infos in 4 files' <<<"$out"; then fail "$hook on the bad pair: unexpected summary"; fi

  # Only the log4js config staged: the ecosystem file on disk is found through the project.
  run_hook "$work/bad" "$hook" config/log4js.json
  if [ "$code" -ne 1 ]; then fail "$hook with only config/log4js.json staged exited $code, expected 1"; fi
  if ! grep -q -- '--> config/log4js.json:1:1' <<<"$out"; then fail "$hook with only config/log4js.json staged: no LC101 at config/log4js.json:1:1"; fi
  if ! grep -q -- '::: ecosystem.config.js:5:16' <<<"$out"; then fail "$hook with only config/log4js.json staged: LC101 does not point at ecosystem.config.js:5:16"; fi

  # Only the ecosystem file staged: the same finding, reached from the other side.
  run_hook "$work/bad" "$hook" ecosystem.config.js
  if [ "$code" -ne 1 ]; then fail "$hook with only ecosystem.config.js staged exited $code, expected 1"; fi
  if ! grep -q '^error\[LC101\]: log4js loses every log line of app "api"' <<<"$out"; then fail "$hook with only ecosystem.config.js staged did not report LC101"; fi

  # The monorepo of the linking invariant: one staged config, found only through the code of
  # its service, gets the finding of the ecosystem file on disk.
  run_hook "$work/monorepo" "$hook" services/api/config/log4j.json
  if [ "$code" -ne 1 ]; then fail "$hook with only services/api/config/log4j.json staged exited $code, expected 1"; fi
  if ! grep -q -- '--> services/api/config/log4j.json:1:1' <<<"$out"; then fail "$hook on the monorepo: no LC101 at services/api/config/log4j.json:1:1"; fi
  if ! grep -q -- '::: services/api/ecosystem.config.js:5:16' <<<"$out"; then fail "$hook on the monorepo: LC101 does not point at services/api/ecosystem.config.js:5:16"; fi
  if ! grep -q 'Found 1 error, 0 warnings and 0 infos' <<<"$out"; then fail "$hook on the monorepo: expected exactly the one LC101"; fi

  # Only package.json staged, or only app.js: the launch site and the inline config find each other.
  for staged in package.json app.js; do
    run_hook "$work/koa-cluster" "$hook" "$staged"
    if [ "$code" -ne 1 ]; then fail "$hook with only $staged of koa-cluster staged exited $code, expected 1"; fi
    if ! grep -q -- '--> app.js:4:18' <<<"$out"; then fail "$hook with only $staged of koa-cluster staged: no LC101 at app.js:4:18"; fi
    if ! grep -q -- '::: package.json:6:35' <<<"$out"; then fail "$hook with only $staged of koa-cluster staged: LC101 does not point at package.json:6:35 (-i 0)"; fi
  done

  # Only the Dockerfile staged: `pm2 install pm2-intercom` there is what the log4js config's
  # `pm2: true` needs, and the config's own finding is about the file the Dockerfile starts.
  run_hook "$work/launch/dockerfile" "$hook" Dockerfile
  if [ "$code" -ne 0 ]; then fail "$hook with only the Dockerfile staged exited $code, expected 0"; fi
  if ! grep -q '^info\[LC103\]: .*(installed by `pm2 install` in Dockerfile)' <<<"$out"; then fail "$hook with only the Dockerfile staged: LC103 does not take the Dockerfile's pm2 install"; fi
  if ! grep -q 'Found 0 errors, 0 warnings and 1 info' <<<"$out"; then fail "$hook with only the Dockerfile staged: expected exactly the one LC103 info"; fi

  # Only the ecosystem file staged: the package.json scripts that start it with `--watch`,
  # `--env production` and `--only wroker` decide three of its findings.
  run_hook "$work/launch/ecosystem-overrides" "$hook" ecosystem.config.js
  if [ "$code" -ne 1 ]; then fail "$hook with only ecosystem.config.js of ecosystem-overrides staged exited $code, expected 1"; fi
  if ! grep -q '^error\[LC340\]: `--only wroker`' <<<"$out"; then fail "$hook with only ecosystem.config.js of ecosystem-overrides staged: no LC340 for --only wroker"; fi
  if ! grep -q -- '--> package.json:5:59' <<<"$out"; then fail "$hook with only ecosystem.config.js of ecosystem-overrides staged: no LC339 at package.json:5:59"; fi
  if ! grep -q '^warning\[LC331\]: `pm2 start ecosystem.config.js --watch --env production` (package.json, script "start") turns watch on for app "api"' <<<"$out"; then fail "$hook with only ecosystem.config.js of ecosystem-overrides staged: no LC331 from the start script's --watch"; fi
  if ! grep -q 'Found 1 error, 3 warnings and 0 infos' <<<"$out"; then fail "$hook with only ecosystem.config.js of ecosystem-overrides staged: expected LC340, LC331 twice and LC339"; fi

  # Every launch-site kind: the hook, which passes only the files its pattern matches, finds
  # what a directory run of the same project finds.
  for kind in "$root"/fixtures/launch/*/; do
    k=$(basename "$kind")
    d="$work/launch-all/$k"
    if [ ! -d "$d" ]; then
      mkdir -p "$d"
      cp -R "$kind." "$d/"
      rm -f "$d"/expected.*
      git -C "$d" init -q
      git -C "$d" add .
    fi
    set +e
    direct=$(cd "$d" && "$root/.build/debug/logcheck" . --color never)
    want_code=$?
    want=$(grep -o '^Found [0-9]* errors\?, [0-9]* warnings\? and [0-9]* infos\?\|^No problems found' <<<"$direct")
    set -e
    run_hook "$d" "$hook"
    got=$(grep -o '^Found [0-9]* errors\?, [0-9]* warnings\? and [0-9]* infos\?\|^No problems found' <<<"$out" || true)
    if [ "$got" != "$want" ] || [ "$code" -ne "$want_code" ]; then
      fail "$hook on fixtures/launch/$k: '$got' (exit $code), a directory run: '$want' (exit $want_code)"
    fi
  done

  run_hook "$work/good" "$hook"
  if [ "$code" -ne 0 ]; then fail "$hook on the good pair exited $code, expected 0"; fi
  if ! grep -q 'No problems found in 4 files.' <<<"$out"; then fail "$hook on the good pair: expected no problems in 4 files (README.md must not be passed)"; fi
  if [ "$failures" -gt 0 ]; then printf '%s\n' "$out" >&2; fi
done

if [ "$failures" -gt 0 ]; then
  echo "test-pre-commit: $failures failure(s)" >&2
  exit 1
fi
echo "test-pre-commit: both hooks fail the bad pair with LC101 (all files, and each file staged alone), fail a package.json launch site or its app code staged alone, find on every launch-site fixture what a directory run finds, and pass the good pair"
