#!/usr/bin/env bash
# Fetches chDB's libchdb.so (ClickHouse embedded) once into the learnstream cache and prints its path.
#
#   deploy/fetch-chdb.sh [VERSION]
#
# VERSION defaults to the chdb.version property of the parent pom.xml, the one pin shared with the
# Java locator (io.learnstream.sinks.clickhouse.chdb.ChdbLibrary) and the tests.
# The library lands in ${XDG_CACHE_HOME:-$HOME/.cache}/learnstream/chdb/VERSION/libchdb.so, taken from
# the npm package @chdb/lib-linux-x64-gnu@VERSION (a ~166 MB tarball; the library unpacks to ~560 MB).
# Nothing is downloaded when the library is already there. Progress goes to stderr, the path to stdout,
# so `lib=$(deploy/fetch-chdb.sh)` works.
set -euo pipefail

readonly PACKAGE="@chdb/lib-linux-x64-gnu"
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
pom="$script_dir/../pom.xml"

fail() { echo "fetch-chdb: $*" >&2; exit 1; }

version=${1:-}
if [[ -z "$version" ]]; then
  [[ -f "$pom" ]] || fail "no VERSION given and no pom.xml at $pom to read chdb.version from"
  version=$(sed -n 's:.*<chdb\.version>\([^<]*\)</chdb\.version>.*:\1:p' "$pom" | head -n 1)
  [[ -n "$version" ]] || fail "no <chdb.version> property found in $pom"
fi
[[ "$version" =~ ^[0-9]+(\.[0-9]+)*(-[0-9A-Za-z.]+)?$ ]] || fail "'$version' does not look like a chDB version (e.g. 26.5.3)"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) fail "$PACKAGE is built for Linux x86_64 only; this machine is $(uname -s) $(uname -m)" ;;
esac

cache_dir="${XDG_CACHE_HOME:-${HOME:?HOME is not set}/.cache}/learnstream/chdb/$version"
target="$cache_dir/libchdb.so"

if [[ -s "$target" ]]; then
  echo "fetch-chdb: chDB $version already present" >&2
  echo "$target"
  exit 0
fi

command -v npm >/dev/null 2>&1 \
  || fail "npm is not installed; it is needed to download $PACKAGE@$version from the npm registry (Debian/Ubuntu: apt-get install npm)"
command -v tar >/dev/null 2>&1 || fail "tar is not installed; it is needed to unpack $PACKAGE@$version"

mkdir -p "$cache_dir"
work=$(mktemp -d "$cache_dir/.fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "fetch-chdb: downloading $PACKAGE@$version with npm pack (about 166 MB) ..." >&2
tarball=$(cd "$work" && npm pack --silent "$PACKAGE@$version" | tail -n 1) \
  || fail "npm pack $PACKAGE@$version failed (is the version published? is the npm registry reachable?)"
[[ -f "$work/$tarball" ]] || fail "npm pack did not leave the tarball '$tarball' in $work"

member=$(tar -tzf "$work/$tarball" | grep -E '(^|/)libchdb\.so$' | head -n 1) \
  || fail "$PACKAGE@$version contains no libchdb.so"
echo "fetch-chdb: extracting $member ..." >&2
tar -xzf "$work/$tarball" -C "$work" "$member"
[[ -s "$work/$member" ]] || fail "extracting $member from $tarball produced no file"

# the work directory sits inside the cache directory, so this rename is atomic: a reader sees either
# no library or the whole one, never a partial file
mv -f "$work/$member" "$target"
echo "fetch-chdb: chDB $version installed" >&2
echo "$target"
