#!/usr/bin/env bash
# Builds the release files (make dist) and uses each of them as its users do:
# - one version everywhere: `logcheck --version`, the tarball, the wheel, the npm packages and
#   the pre-commit mirror all carry LogCheck.version from the Swift code;
# - the tarball: the stripped binary (no libswift*, no libyaml*.so), README and LICENSE; the
#   glibc floor README states is the binary's; the same binary gives the same bytes again;
# - the binary under `env -i` prints every golden case's expected output and exit code;
# - the wheel, installed with `pip install --no-index` in a fresh venv, puts that binary in bin/;
# - the pre-commit mirror, as a git repository, with the real pre-commit (PIP_FIND_LINKS=dist,
#   no index) blocks a bad staged file and passes a good one; its `files` pattern passes every
#   file the repository's own hooks pass, and the launch sites;
# - the npm tarballs, installed with `npm install --offline`: `npx logcheck` is the binary itself
#   (the shim swapped at install), and the shim (--ignore-scripts) passes exit codes, signals and
#   LOGCHECK_BINARY through and says what is missing without the platform package;
# - action.yml and .github/workflows/release.yml validate against the schemas check-jsonschema
#   vendors, and the action's install step installs the tarball from a release folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$PATH:/opt/swift/usr/bin"
failures=0
fail() { echo "test-dist: FAIL: $*" >&2; failures=$((failures + 1)); }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v check-jsonschema >/dev/null || python3 -m pip install --quiet --disable-pip-version-check check-jsonschema
command -v pre-commit >/dev/null || python3 -m pip install --quiet --disable-pip-version-check pre-commit
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check pyyaml

make --no-print-directory dist
v=$(python3 distribution/build.py version)
dist="$root/dist"
top="logcheck-$v-linux-x86_64"

# --- One version, one place -----------------------------------------------------------------
swift_version=$(sed -n 's/^ *public static let version = "\(.*\)"$/\1/p' Sources/LogCheckKit/CLI/Command.swift)
[ "$v" = "$swift_version" ] || fail "build.py reads version $v, Command.swift says $swift_version"
wheels=("$dist"/logcheck-*.whl)
[ "${#wheels[@]}" -eq 1 ] || fail "expected one wheel in dist/, found ${#wheels[@]}"
whl=${wheels[0]}
python3 - "$v" "$whl" <<'PY' || fail "a release file does not carry version $v"
import json, re, sys, zipfile
v, whl = sys.argv[1:]
problems = []
def expect(what, actual, wanted):
    if actual != wanted:
        problems.append("%s: %r, expected %r" % (what, actual, wanted))
meta = zipfile.ZipFile(whl).read("logcheck-%s.dist-info/METADATA" % v).decode()
expect("wheel METADATA Version", re.search(r"^Version: (.*)$", meta, re.M).group(1), v)
main = json.load(open("dist/npm/logcheck/package.json"))
platform = json.load(open("dist/npm/platform-linux-x64/package.json"))
expect("npm logcheck version", main["version"], v)
expect("npm @logcheck/linux-x64 version", platform["version"], v)
expect("npm logcheck's platform packages", main["optionalDependencies"], {"@logcheck/linux-x64": v})
expect("npm @logcheck/linux-x64 os/cpu/libc", (platform["os"], platform["cpu"], platform["libc"]), (["linux"], ["x64"], ["glibc"]))
pyproject = open("dist/pre-commit-mirror/pyproject.toml").read()
expect("mirror version", re.search(r'^version = "(.*)"$', pyproject, re.M).group(1), v)
expect("mirror dependencies", re.search(r"^dependencies = (.*)$", pyproject, re.M).group(1), '["logcheck==%s"]' % v)
backend = open("dist/pre-commit-mirror/backend/logcheck_build.py").read()
expect("mirror backend", json.loads(re.search(r"^HOOK_PACKAGE = (.*)$", backend, re.M).group(1)),
       {"name": "logcheck-pre-commit", "version": v, "requires": ["logcheck==" + v]})
readme = open("dist/pre-commit-mirror/README.md").read()
expect("mirror README rev", re.findall(r"rev: (\S+)", readme), ["v" + v])
for p in problems:
    print("test-dist:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

# --- The tarball ------------------------------------------------------------------------------
(cd "$dist" && sha256sum --quiet -c "$top.tar.gz.sha256") || fail "$top.tar.gz.sha256 does not match"
listing=$(tar -tzf "$dist/$top.tar.gz" | sort | tr '\n' ' ')
[ "$listing" = "$top/LICENSE $top/README.md $top/logcheck " ] || fail "tarball holds: $listing"
tar -xzf "$dist/$top.tar.gz" -C "$work"
bin="$work/$top/logcheck"
cmp -s "$bin" "$dist/npm/platform-linux-x64/bin/logcheck" || fail "the npm platform package's binary is not the tarball's"
[ "$("$bin" --version)" = "logcheck $v" ] || fail "the tarball's logcheck --version says $("$bin" --version)"
deps=$(ldd "$bin")
if grep -E 'libswift|libyaml|libFoundation|libdispatch|not found' <<<"$deps"; then fail "the binary links the above dynamically"; fi
if readelf -S "$bin" | grep -q '\.symtab'; then fail "the binary is not stripped"; fi
floor=$(objdump -T "$bin" | grep -o 'GLIBC_[0-9]*\.[0-9]*' | sed 's/GLIBC_//' | sort -t. -k1,1n -k2,2n | tail -n 1)
case "$whl" in
    *-py3-none-manylinux_${floor/./_}_x86_64.whl) ;;
    *) fail "wheel $whl is not tagged with the glibc floor $floor" ;;
esac
grep -q "glibc $floor or later" README.md || fail "README does not state the glibc floor $floor"
grep -q "glibc $floor" dist/npm/logcheck/README.md || fail "the npm README does not state the glibc floor $floor"
# The same binary gives the same bytes.
python3 distribution/build.py all --binary .build-dist/logcheck-stripped --out "$work/again" >/dev/null
for f in "$top.tar.gz" "$(basename "$whl")" npm/logcheck-$v.tgz npm/logcheck-linux-x64-$v.tgz; do
    cmp -s "$dist/$f" "$work/again/$f" || fail "$f differs between two builds of one binary"
done
diff -r "$dist/pre-commit-mirror" "$work/again/pre-commit-mirror" >/dev/null || fail "pre-commit-mirror differs between two builds"

# --- The binary under env -i: every golden case, every format --------------------------------
cases=0
for dir in fixtures/golden/*/; do
    name=$(basename "$dir")
    if [ -f "$dir/args" ]; then
        mapfile -t args < <(sed "s|\\\$CASE|fixtures/golden/$name|g" "$dir/args")
    else
        mapfile -t args < <(ls "$dir" | grep -v -e '^expected\.' -e '^args$' -e '^README\.md$' -e '^package\.json$' | sed "s|^|fixtures/golden/$name/|")
    fi
    codes=""
    for format in text json sarif github; do
        [ "$format" != sarif ] || [ -f "$dir/expected.sarif" ] || continue
        set +e
        env -i "$bin" "${args[@]}" --format "$format" --color never --no-config >"$work/out" 2>/dev/null
        code=$?
        set -e
        codes+="$format: $code"$'\n'
        cmp -s "$work/out" "$dir/expected.$format" || fail "env -i logcheck on golden case $name, --format $format: not expected.$format"
    done
    [ "$codes" = "$(cat "$dir/expected.code")"$'\n' ] || fail "env -i logcheck on golden case $name: exit codes $codes"
    cases=$((cases + 1))
done
[ "$cases" -ge 5 ] || fail "only $cases golden cases"

# --- The wheel in a fresh venv -----------------------------------------------------------------
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check --no-index --find-links "$dist" logcheck
cmp -s "$work/venv/bin/logcheck" "$bin" || fail "the wheel's bin/logcheck is not the binary"
set +e
(cd fixtures/seed && "$work/venv/bin/logcheck" --color never --no-config >"$work/wheel.out" 2>&1)
code=$?
set -e
[ "$code" -eq 1 ] || fail "the wheel's logcheck on fixtures/seed exited $code, expected 1"
grep -q '^error\[LC102\]: log4js loses every log line of app "api"' "$work/wheel.out" || fail "the wheel's logcheck on fixtures/seed: no LC102"
grep -q -- '--> log4js.json:8:3' "$work/wheel.out" || fail "the wheel's logcheck on fixtures/seed: LC102 not at log4js.json:8:3"

# --- The pre-commit mirror ---------------------------------------------------------------------
python3 - "$root/.pre-commit-hooks.yaml" "$dist/pre-commit-mirror/.pre-commit-hooks.yaml" <<'PY' || fail "the mirror's files pattern"
import re, sys, yaml
main = yaml.safe_load(open(sys.argv[1]))
mirror = yaml.safe_load(open(sys.argv[2]))
assert [h["id"] for h in mirror] == ["logcheck"], mirror
hook = mirror[0]
assert (hook["language"], hook["entry"], hook["pass_filenames"], hook["require_serial"]) == ("python", "logcheck", True, True), hook
ours = re.compile(hook["files"])
theirs = re.compile(main[0]["files"])
launch = ["Dockerfile", "docker/Dockerfile", "Dockerfile.prod", "api.Dockerfile", "Containerfile",
          "docker-compose.yml", "docker-compose.prod.yaml", "compose.yaml", "deploy/compose.yml",
          "Procfile", "bin/start.sh", "run.sh", "deploy/api.service", "DOCKERFILE"]
known = ["ecosystem.config.js", "config/log4js.json", "log4js.yml", "services/api/config/log4j.json", "package.json",
         "src/app.js", "lib/a.cjs", "index.mjs", "pm2.json", "process.yml", "logging.yaml", "logger.json", "log.json"]
never = ["README.md", "log4j2.json", "log4j2.xml", "app.ts", "docs/docker.md", "compose.json", "scripts/run.sh.txt",
         "docs/service.txt", "Makefile", "config/app.toml"]
problems = []
for path in launch + known + never:
    if theirs.search(path) and not ours.search(path):
        problems.append("%s: passed by .pre-commit-hooks.yaml, not by the mirror" % path)
for path in launch + known:
    if not ours.search(path):
        problems.append("%s: not passed by the mirror" % path)
for path in never:
    if ours.search(path):
        problems.append("%s: passed by the mirror" % path)
for p in problems:
    print("test-dist:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

mirror="$work/mirror"
cp -R "$dist/pre-commit-mirror" "$mirror"
export GIT_AUTHOR_NAME=logcheck GIT_AUTHOR_EMAIL=logcheck@localhost GIT_COMMITTER_NAME=logcheck GIT_COMMITTER_EMAIL=logcheck@localhost
git -C "$mirror" init -q
git -C "$mirror" add -A
git -C "$mirror" -c commit.gpgsign=false commit -q -m "logcheck $v"
rev=$(git -C "$mirror" rev-parse HEAD)

make_repo() {
    mkdir -p "$1/config"
    cat >"$1/ecosystem.config.js" <<'JS'
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
    printf '%s\n' "$2" >"$1/config/log4js.json"
    echo '{"name": "api"}' >"$1/package.json"
    echo 'api service' >"$1/README.md"
    printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: logcheck\n' "$mirror" "$rev" >"$1/.pre-commit-config.yaml"
    git -C "$1" init -q
    git -C "$1" add ecosystem.config.js package.json README.md .pre-commit-config.yaml
    git -C "$1" -c commit.gpgsign=false commit -q -m start
}
# commit DIR FILE CONTENT: stages FILE with CONTENT and commits through the installed hook.
commit() {
    printf '%s\n' "$3" >"$1/$2"
    git -C "$1" add "$2"
    set +e
    out=$(cd "$1" && git -c commit.gpgsign=false commit -q -m "change $2" 2>&1)
    code=$?
    set -e
}
export PRE_COMMIT_HOME="$work/pre-commit-home" PIP_FIND_LINKS="$dist" PIP_NO_INDEX=1 PRE_COMMIT_COLOR=never
bad='{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}'
good='{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "disableClustering": true}'
make_repo "$work/repo" "$bad"
(cd "$work/repo" && pre-commit install >/dev/null)
commit "$work/repo" config/log4js.json "$bad"
[ "$code" -ne 0 ] || fail "the mirror's hook let a commit of the bad config/log4js.json through"
grep -q '^error\[LC101\]: log4js loses every log line of app "api"' <<<"$out" || fail "the mirror's hook: no LC101 for the bad config"
grep -q -- '--> config/log4js.json:1:1' <<<"$out" || fail "the mirror's hook: LC101 not at config/log4js.json:1:1"
grep -q -- '::: ecosystem.config.js:5:16' <<<"$out" || fail "the mirror's hook: LC101 does not point at ecosystem.config.js:5:16"
grep -qx 'Found 1 error, 0 warnings and 0 infos in 2 files. 1 fixable with --fix.' <<<"$out" || fail "the mirror's hook: not the one LC101 of the staged config and its ecosystem file"
[ "$(git -C "$work/repo" rev-list --count HEAD)" -eq 1 ] || fail "the bad commit was made"
[ $failures -eq 0 ] || printf '%s\n' "$out" >&2
commit "$work/repo" config/log4js.json "$good"
[ "$code" -eq 0 ] || { fail "the mirror's hook blocked the good config/log4js.json (exit $code)"; printf '%s\n' "$out" >&2; }
[ "$(git -C "$work/repo" rev-list --count HEAD)" -eq 2 ] || fail "the good commit was not made"
commit "$work/repo" README.md "not checked"
[ "$code" -eq 0 ] || fail "the mirror's hook blocked a README.md change"
grep -q 'logcheck.*(no files to check)Skipped' <<<"$out" || fail "the mirror's hook ran on README.md: $out"
installed=$(find "$PRE_COMMIT_HOME" -path '*/bin/logcheck' -type f | head -n 1)
cmp -s "$installed" "$bin" || fail "pre-commit's environment does not run the binary itself ($installed)"
unset PIP_FIND_LINKS PIP_NO_INDEX

# --- npm ---------------------------------------------------------------------------------------
npm_project() {
    mkdir -p "$1"
    echo '{"name": "app", "version": "1.0.0", "private": true}' >"$1/package.json"
    (cd "$1" && npm install --offline --no-audit --no-fund --loglevel=error "${@:2}" >/dev/null)
}
npm_project "$work/npm" "$dist/npm/logcheck-linux-x64-$v.tgz" "$dist/npm/logcheck-$v.tgz"
cmp -s "$work/npm/node_modules/logcheck/bin/logcheck" "$bin" || fail "npm install did not swap the shim for the binary"
npm_project "$work/npm-shim" --ignore-scripts "$dist/npm/logcheck-linux-x64-$v.tgz" "$dist/npm/logcheck-$v.tgz"
head -n 1 "$work/npm-shim/node_modules/logcheck/bin/logcheck" | grep -q '^#!/usr/bin/env node$' || fail "--ignore-scripts: the shim is not there"
for project in npm npm-shim; do
    set +e
    (cd "$work/$project" && "$bin" --no-config --format json "$root/fixtures/seed" >"$work/seed.json" 2>&1)
    (cd "$work/$project" && npx --offline logcheck --no-config --format json "$root/fixtures/seed" >"$work/npx.json" 2>"$work/npx.err")
    code=$?
    set -e
    [ "$code" -eq 1 ] || fail "$project: npx logcheck on fixtures/seed exited $code, expected 1: $(cat "$work/npx.err")"
    cmp -s "$work/npx.json" "$work/seed.json" || fail "$project: npx logcheck on fixtures/seed: not the binary's output"
    set +e
    out=$(cd "$work/$project" && npx --offline logcheck missing.json 2>&1)
    code=$?
    set -e
    [ "$code" -eq 2 ] || fail "$project: npx logcheck missing.json exited $code, expected 2"
    [ "$out" = $'logcheck: missing.json: no such file or directory\nNo problems found in 0 files.' ] || fail "$project: npx logcheck missing.json said: $out"
done
shim="$work/npm-shim/node_modules/.bin/logcheck"
printf '#!/bin/sh\necho "args: $*"\nexit 7\n' >"$work/fake"
printf '#!/bin/sh\nkill -TERM $$\n' >"$work/dies"
printf '#!/bin/sh\ntrap '\''echo got TERM; exit 9'\'' TERM\necho ready\nsleep 5 &\nwait\n' >"$work/waits"
chmod +x "$work/fake" "$work/dies" "$work/waits"
set +e
out=$(LOGCHECK_BINARY="$work/fake" "$shim" 'a b' c)
code=$?
[ "$code" -eq 7 ] && [ "$out" = "args: a b c" ] || fail "LOGCHECK_BINARY: exit $code, output $out"
out=$(LOGCHECK_BINARY="$work/dies" "$shim" 2>&1)
code=$?
[ "$code" -eq 143 ] || fail "a binary killed by SIGTERM: the shim exited $code, expected 143 (SIGTERM)"
LOGCHECK_BINARY="$work/waits" "$shim" >"$work/waits.out" &
pid=$!
for _ in $(seq 50); do grep -q ready "$work/waits.out" 2>/dev/null && break; sleep 0.1; done
kill -TERM "$pid"
wait "$pid"
code=$?
set -e
[ "$code" -eq 9 ] && [ "$(cat "$work/waits.out")" = $'ready\ngot TERM' ] || fail "SIGTERM to the shim: exit $code, output $(cat "$work/waits.out")"
npm_project "$work/npm-none" --omit=optional "$dist/npm/logcheck-$v.tgz"
set +e
out=$(cd "$work/npm-none" && npx --offline logcheck . 2>&1)
code=$?
set -e
expected="logcheck: the package @logcheck/linux-x64 that holds the logcheck binary for linux-x64 is not installed.
npm skips it when optional dependencies are left out (--omit=optional, --no-optional)
or when the lockfile was written on another platform; reinstall logcheck with them.
Set LOGCHECK_BINARY to the path of a logcheck binary to use that one."
[ "$code" -eq 3 ] && [ "$out" = "$expected" ] || fail "no platform package: exit $code, said: $out"

# What the npm command costs: node_modules/.bin/logcheck (the binary after install) against the
# binary itself, and one `node -e 1` for scale. The swapped command must cost less than one.
python3 - "$bin" "$work/npm/node_modules/.bin/logcheck" "$shim" <<'PY' || fail "npm's logcheck costs a Node start"
import statistics, subprocess, sys, time
def median(cmd, n=15):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000
binary, swapped, shim = sys.argv[1:]
direct = median([binary, "--version"])
via_bin = median([swapped, "--version"])
via_shim = median([shim, "--version"])
node = median(["node", "-e", "1"])
print("test-dist: --version: binary %.1f ms, node_modules/.bin/logcheck %.1f ms, Node shim %.1f ms; node -e 1 %.1f ms"
      % (direct, via_bin, via_shim, node))
sys.exit(0 if via_bin - direct < node else 1)
PY

# --- The action and the release workflow --------------------------------------------------------
check-jsonschema --builtin-schema vendor.github-actions action.yml >/dev/null || fail "action.yml does not validate"
check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/release.yml >/dev/null || fail "release.yml does not validate"
# The action's install step, from a release folder on disk instead of the release's URL.
mkdir -p "$work/runner"
: >"$work/runner/path"
RUNNER_TEMP="$work/runner" GITHUB_PATH="$work/runner/path" LOGCHECK_RELEASE_URL="file://$dist" \
    scripts/action-install.sh >/dev/null || fail "scripts/action-install.sh failed"
[ "$("$(cat "$work/runner/path")/logcheck" --version)" = "logcheck $v" ] || fail "the action's install step did not install logcheck $v"
cp "$dist/$top.tar.gz" "$work/runner/$top.tar.gz"
printf '0000000000000000000000000000000000000000000000000000000000000000  %s\n' "$top.tar.gz" >"$work/runner/$top.tar.gz.sha256"
if RUNNER_TEMP="$work/runner/t" GITHUB_PATH="$work/runner/path2" LOGCHECK_RELEASE_URL="file://$work/runner" \
    scripts/action-install.sh "$v" >/dev/null 2>&1; then fail "the action's install step took a tarball whose checksum is wrong"; fi

if [ "$failures" -gt 0 ]; then
    echo "test-dist: $failures failure(s)" >&2
    exit 1
fi
echo "test-dist: logcheck $v: tarball, wheel, pre-commit mirror, npm packages and action all pass"
