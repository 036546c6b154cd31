#!/usr/bin/env bash
# System packages the test suite uses as real parts (no mocks): LibreOffice for
# the CSV round trip. Installs what is missing when run as root on Debian/Ubuntu;
# otherwise names what is missing and carries on.
set -euo pipefail
packages=(libreoffice-calc-nogui)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "note: missing system packages (tests that need them will say so): ${missing[*]}" >&2
fi
