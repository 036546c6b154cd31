#!/usr/bin/env bash
# Debian packages the tests use as real parts (no mocks):
#  - Qt's runtime libraries, for the window's tests (run offscreen);
#  - CJK and emoji fonts, so Chinese transcripts render in tests and screenshots;
#  - LibreOffice Calc, for the CSV round trip.
#  - desktop-file-validate and objdump, for the packaging tests and the .deb build.
# With --desktop, also the X11 libraries Qt's xcb plugin needs for a real window.
# Installs what is missing when run as root; otherwise names what is missing.
set -euo pipefail
desktop=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
         libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xkb1)
packages=(
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  fonts-noto-cjk fonts-noto-color-emoji
  libreoffice-calc-nogui
  desktop-file-utils binutils   # the .deb's menu entry is validated, its libraries read (packaging/)
)
[ "${1:-}" = "--desktop" ] && packages+=("${desktop[@]}")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "note: missing system packages (install them as root): ${missing[*]}" >&2
fi
