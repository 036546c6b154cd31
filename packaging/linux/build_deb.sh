#!/usr/bin/env bash
# Package a PyInstaller bundle (packaging/reviewer.spec) as a .deb:
#   /opt/transcript-reviewer/      the bundle (the app keeps no data here: it uses the user's data folder)
#   /usr/bin/reviewer              symlink to the bundle's executable
#   /usr/share/applications/transcript-reviewer.desktop, icons in /usr/share/icons/hicolor
# Depends: libc6 and the system libraries of system-libs.tsv that the bundle needs, as found by
# check_libs.py, which fails the build when a bundled file needs a library nobody provides.
#   usage: [DEB_COMPRESSION=xz|zstd] build_deb.sh BUNDLE_DIR OUT_DIR
# Needs dpkg-deb (dpkg), objdump (binutils), ldd (libc-bin) and desktop-file-validate
# (desktop-file-utils): installed here when missing and run as root.
set -euo pipefail
bundle=$(cd "${1:?usage: build_deb.sh BUNDLE_DIR OUT_DIR}" && pwd)
out=$(mkdir -p "${2:?usage: build_deb.sh BUNDLE_DIR OUT_DIR}" && cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
name=transcript-reviewer

need=()
command -v dpkg-deb >/dev/null || need+=(dpkg)
command -v objdump >/dev/null || need+=(binutils)
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "installing build tools: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "build_deb.sh: missing build tools (install them as root): ${need[*]}" >&2
    exit 1
  fi
fi

version=$(python3 -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' \
  "$root/pyproject.toml")
arch=$(dpkg --print-architecture)
deb="$out/${name}_${version}_${arch}.deb"

# The bundle's own --version must say the same: one version, from pyproject.
bundled=$("$bundle/reviewer" --version)
if [ "$bundled" != "reviewer $version" ]; then
  echo "build_deb.sh: the bundle says '$bundled', pyproject says $version" >&2
  exit 1
fi

echo "checking the bundle's shared libraries (ldd, objdump)"
depends=$(python3 "$here/check_libs.py" "$bundle")

desktop-file-validate "$here/$name.desktop"

stage=$(mktemp -d)
chmod 0755 "$stage"  # the package root is "/" once installed
trap 'rm -rf "$stage"' EXIT
install -d "$stage/opt/$name" "$stage/usr/bin" "$stage/usr/share/applications" "$stage/DEBIAN" \
  "$stage/usr/share/doc/$name"
cp -a "$bundle/." "$stage/opt/$name/"
install -m 0755 "$here/reviewer-desktop" "$stage/opt/$name/reviewer-desktop"
ln -s "/opt/$name/reviewer" "$stage/usr/bin/reviewer"
install -m 0644 "$here/$name.desktop" "$stage/usr/share/applications/$name.desktop"
for size in 48 64 128 256; do
  install -D -m 0644 "$root/packaging/icons/reviewer-$size.png" \
    "$stage/usr/share/icons/hicolor/${size}x${size}/apps/$name.png"
done
install -D -m 0644 "$root/packaging/icons/reviewer.svg" "$stage/usr/share/icons/hicolor/scalable/apps/$name.svg"
printf 'Transcript Reviewer %s\nLicense: MIT\nBundles Python, Qt (LGPLv3, via PySide6) and the Python packages in pyproject.toml.\n' \
  "$version" >"$stage/usr/share/doc/$name/copyright"
# Nothing in the install folder is writable by the app's users; the app writes to their data folder.
chmod -R u+rwX,go+rX,go-w "$stage/opt/$name"

installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat >"$stage/DEBIAN/control" <<CONTROL
Package: $name
Version: $version
Architecture: $arch
Maintainer: Transcript Reviewer maintainers <maintainers@transcript-reviewer.invalid>
Installed-Size: $installed_kb
Depends: $depends
Section: text
Priority: optional
Homepage: https://transcript-reviewer.invalid/
Description: review, repair and annotate transcripts
 Opens a transcript in any common encoding and format (chat, timestamped,
 plain text, SRT, WebVTT), shows it side by side with its repaired text
 (mojibake undone, ASR fragments merged, glossary terms corrected) and
 records annotations in a local database in the user's data folder.
CONTROL

rm -f "$deb"
# xz: the smallest package (about 49 MB, ~70 s to compress here); DEB_COMPRESSION=zstd is ~25x
# faster for about 20% more (the CI smoke test uses it; dpkg reads both).
case "${DEB_COMPRESSION:-xz}" in
  xz) compress=(-Zxz -z6) ;;
  zstd) compress=(-Zzstd -z9) ;;
  *) echo "build_deb.sh: DEB_COMPRESSION must be xz or zstd" >&2; exit 2 ;;
esac
dpkg-deb --root-owner-group "${compress[@]}" --build "$stage" "$deb" >/dev/null
echo "built $deb ($(du -h "$deb" | cut -f1)); Depends: $depends"
