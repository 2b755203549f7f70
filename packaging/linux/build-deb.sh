#!/usr/bin/env bash
# Makes dist/traindesk_<version>_<arch>.deb from the PyInstaller one-folder build (dist/TrainingDesk/),
# without network: the program under /opt/traindesk, a `traindesk` command, a menu entry named
# 干部教育培训管理 in the Chinese menu, and an icon. The package never touches the user's data folder
# (~/.local/share/TrainingDesk): removing it leaves every database and backup where it was.
#
#   packaging/linux/build-deb.sh [BUILD_DIR] [OUT_DIR]
#
# Build on the architecture the package is for (x86_64 gives amd64, an arm64 machine gives arm64).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/dist/TrainingDesk}"
out="${2:-$root/dist}"
[ -x "$build/TrainingDesk" ] || { echo "no PyInstaller build at $build (run: pyinstaller build.spec)" >&2; exit 2; }

version="$(sed -n 's/^APP_VERSION = "\(.*\)"/\1/p' "$root/app/config.py")"
arch="$(dpkg --print-architecture)"
stage="$(mktemp -d)"
chmod 755 "$stage"
trap 'rm -rf "$stage"' EXIT

install -d "$stage/opt/traindesk" "$stage/usr/bin" "$stage/usr/share/applications" \
    "$stage/usr/share/icons/hicolor/256x256/apps" "$stage/DEBIAN"
cp -a "$build/." "$stage/opt/traindesk/"
ln -s /opt/traindesk/TrainingDesk "$stage/usr/bin/traindesk"
sed -e "s|@EXEC@|/opt/traindesk/TrainingDesk|" -e "s|@ICON@|traindesk|" "$here/traindesk.desktop.in" \
    > "$stage/usr/share/applications/traindesk.desktop"
install -m 644 "$root/resources/icons/traindesk.png" "$stage/usr/share/icons/hicolor/256x256/apps/traindesk.png"

size="$(du -sk "$stage" | cut -f1)"
# The libraries Qt's xcb platform and the bundled Qt need from the system (the rest is in the build).
cat > "$stage/DEBIAN/control" <<CONTROL
Package: traindesk
Version: $version
Architecture: $arch
Maintainer: TrainingDesk <traindesk@localhost>
Installed-Size: $size
Depends: libc6, libfontconfig1, libfreetype6, libglib2.0-0, libdbus-1-3, libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xfixes0, libxcb-xkb1
Section: office
Priority: optional
Description: 干部教育培训管理 (TrainingDesk)
 Plans, classes, periods, trainees and rosters for the cadre-education
 section of a Party organization department; letters and sign-in sheets
 printed as official documents (GB/T 9704). Works offline on one PC.
CONTROL
# Menus and icon caches are refreshed when the tools exist (not every 信创 desktop has them).
cat > "$stage/DEBIAN/postinst" <<'SCRIPT'
#!/bin/sh
set -e
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -f /usr/share/icons/hicolor || true
exit 0
SCRIPT
cp "$stage/DEBIAN/postinst" "$stage/DEBIAN/postrm"
chmod 755 "$stage/DEBIAN/postinst" "$stage/DEBIAN/postrm"
chmod -R u+rwX,go+rX,go-w "$stage/opt" "$stage/usr"

mkdir -p "$out"
package="$out/traindesk_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz -z3 --build "$stage" "$package" >/dev/null
echo "$package"
