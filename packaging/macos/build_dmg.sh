#!/usr/bin/env bash
# Put the PyInstaller .app (packaging/reviewer.spec builds "dist/Transcript Reviewer.app" on
# macOS) into a compressed disk image with a link to /Applications, for drag-and-drop install.
#   usage: build_dmg.sh APP_PATH OUT.dmg
# Needs hdiutil (part of macOS).  The app is not signed or notarised: on first start macOS asks
# the user to confirm (right click → Open); signing needs the maintainers' Developer ID.
set -euo pipefail
app=${1:?usage: build_dmg.sh APP_PATH OUT.dmg}
dmg=${2:?usage: build_dmg.sh APP_PATH OUT.dmg}
[ -d "$app/Contents/MacOS" ] || { echo "build_dmg.sh: $app is not an .app bundle" >&2; exit 1; }
command -v hdiutil >/dev/null || { echo "build_dmg.sh: hdiutil not found (macOS only)" >&2; exit 1; }

# The executable inside the .app must run: --version is instant and needs no window.
"$app/Contents/MacOS/reviewer" --version

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
hdiutil create -volname "Transcript Reviewer" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg" >/dev/null
hdiutil verify "$dmg" >/dev/null
echo "built $dmg ($(du -h "$dmg" | cut -f1))"
