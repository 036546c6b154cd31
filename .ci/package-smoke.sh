#!/usr/bin/env bash
# Packaging smoke test (run by .ci/run after `make test`): build the Linux bundle and .deb
# (`make package`), unpack the .deb into a temporary root and run what it installed:
#  1. `reviewer --self-test` offscreen, with HOME/XDG dirs/REVIEWER_DB in a temporary folder;
#  2. `reviewer repair` on a sample: non-empty, and the same output as the app run from source;
#  3. the upgrade path: a store written at schema 0001 by the source app, opened by the bundle,
#     is migrated with a backup and keeps its annotation; with no REVIEWER_DB the bundle makes
#     its store in the user's data folder; nothing is ever written into the install folder.
# Fails (non-zero) on the first problem; prints how long each step took.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$EPOCHREALTIME
step_start=$started
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
step() {  # step NAME: report the time of the step that just ended
  printf 'package-smoke: %-48s %6s s\n' "$1" "$(elapsed "$step_start")"
  step_start=$EPOCHREALTIME
}

rm -f dist/transcript-reviewer_*.deb
# zstd: ~25x faster to compress than the release default (xz); dpkg reads both.
DEB_COMPRESSION=zstd make package
step "make package (bundle + .deb)"

version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
deb=$(ls dist/transcript-reviewer_"${version}"_*.deb)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp/root"
app="$tmp/root/opt/transcript-reviewer"
[ -x "$app/reviewer" ] || { echo "package-smoke: $deb has no /opt/transcript-reviewer/reviewer" >&2; exit 1; }
[ "$(readlink "$tmp/root/usr/bin/reviewer")" = /opt/transcript-reviewer/reviewer ] \
  || { echo "package-smoke: /usr/bin/reviewer is not the launcher symlink" >&2; exit 1; }
for f in usr/share/applications/transcript-reviewer.desktop \
         usr/share/icons/hicolor/256x256/apps/transcript-reviewer.png; do
  [ -f "$tmp/root/$f" ] || { echo "package-smoke: $deb lacks /$f" >&2; exit 1; }
done
(cd "$tmp/root" && find opt -print0 | sort -z | xargs -0 stat -c '%n %s %Y' >"$tmp/install-before")
step "unpack the .deb (dpkg-deb -x)"

# A user's environment: nothing of the build machine's home or data folders.
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" XDG_CONFIG_HOME="$tmp/home/.config" \
  XDG_CACHE_HOME="$tmp/home/.cache" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
[ "$("$app/reviewer" --version)" = "reviewer $version" ] \
  || { echo "package-smoke: the bundle's --version is not $version" >&2; exit 1; }
REVIEWER_DB="$tmp/home/selftest.sqlite3" "$app/reviewer" --self-test
step "bundled reviewer --self-test"

seed=$(ls seeds/003_*.txt)
REVIEWER_DB="$tmp/home/repair.sqlite3" "$app/reviewer" repair "$seed" >"$tmp/repair-bundle.txt"
[ -s "$tmp/repair-bundle.txt" ] || { echo "package-smoke: bundled 'reviewer repair $seed' printed nothing" >&2; exit 1; }
.venv/bin/reviewer repair "$seed" >"$tmp/repair-source.txt"
cmp -s "$tmp/repair-bundle.txt" "$tmp/repair-source.txt" \
  || { echo "package-smoke: bundled and source 'reviewer repair $seed' differ" >&2; exit 1; }
step "bundled reviewer repair $(basename "$seed")"

.venv/bin/python packaging/upgrade_check.py make "$tmp/home/old.sqlite3"
listing=$("$app/reviewer" --db "$tmp/home/old.sqlite3" list)
case "$listing" in *old.txt*) ;; *) echo "package-smoke: upgraded store lists '$listing'" >&2; exit 1 ;; esac
.venv/bin/python packaging/upgrade_check.py check "$tmp/home/old.sqlite3"
env -u REVIEWER_DB "$app/reviewer" list >/dev/null
[ -f "$XDG_DATA_HOME/transcript-reviewer/reviewer.sqlite3" ] \
  || { echo "package-smoke: no store in the user's data folder ($XDG_DATA_HOME/transcript-reviewer)" >&2; exit 1; }
(cd "$tmp/root" && find opt -print0 | sort -z | xargs -0 stat -c '%n %s %Y' >"$tmp/install-after")
cmp -s "$tmp/install-before" "$tmp/install-after" \
  || { echo "package-smoke: the app wrote into its install folder:" >&2; diff "$tmp/install-before" "$tmp/install-after" | head >&2; exit 1; }
step "upgrade a 0001 store; data folder; install folder"

echo "package-smoke: ok: $(basename "$deb") ($(du -h "$deb" | cut -f1)), bundle $(du -sh dist/reviewer | cut -f1)," \
  "total $(elapsed "$started") s"
