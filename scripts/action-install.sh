#!/usr/bin/env bash
# The install step of logcheck's GitHub Action (action.yml): downloads the release tarball of
# logcheck VERSION (by default the version of this checkout, LogCheck.version in the Swift code)
# for this runner, checks it against the release's .sha256 file, unpacks it under RUNNER_TEMP
# and puts its folder on GITHUB_PATH. LOGCHECK_RELEASE_URL is the folder the release files are
# in; by default the GitHub release of LOGCHECK_REPOSITORY (the action's repository; when
# GitHub leaves it empty in a composite action, read from the action's path,
# .../_actions/OWNER/REPO/REF).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
version=${1:-}
if [ -z "$version" ]; then
    version=$(sed -n 's/^ *public static let version = "\(.*\)"$/\1/p' "$here/Sources/LogCheckKit/CLI/Command.swift")
fi
version=${version#v}
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
    echo "logcheck: '$version' is not a release version (X.Y.Z)" >&2
    exit 1
fi
repository=${LOGCHECK_REPOSITORY:-}
if [ -z "$repository" ] && [ -z "${LOGCHECK_RELEASE_URL:-}" ]; then
    [[ "$here" =~ /_actions/([^/]+)/([^/]+)/[^/]+$ ]] || { echo "logcheck: set LOGCHECK_REPOSITORY (OWNER/REPO)" >&2; exit 1; }
    repository="${BASH_REMATCH[1]}/${BASH_REMATCH[2]}"
fi
case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) platform=linux-x86_64 ;;
    Darwin-arm64) platform=macos-arm64 ;;
    Darwin-x86_64) platform=macos-x86_64 ;;
    *)
        echo "logcheck: no release binary for $(uname -s) $(uname -m)" >&2
        exit 1
        ;;
esac
base=${LOGCHECK_RELEASE_URL:-${GITHUB_SERVER_URL:-https://github.com}/$repository/releases/download/v$version}
name="logcheck-$version-$platform"
dir="${RUNNER_TEMP:?}/logcheck-$version"
mkdir -p "$dir"
curl --fail --silent --show-error --location --retry 3 -o "$dir/$name.tar.gz" "$base/$name.tar.gz"
curl --fail --silent --show-error --location --retry 3 -o "$dir/$name.tar.gz.sha256" "$base/$name.tar.gz.sha256"
if command -v sha256sum >/dev/null; then
    (cd "$dir" && sha256sum --quiet -c "$name.tar.gz.sha256")
else
    (cd "$dir" && shasum -a 256 --quiet -c "$name.tar.gz.sha256")
fi
tar -xzf "$dir/$name.tar.gz" -C "$dir"
echo "$dir/$name" >>"${GITHUB_PATH:?}"
"$dir/$name/logcheck" --version
