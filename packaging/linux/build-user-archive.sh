#!/usr/bin/env bash
# Makes dist/traindesk-<version>-<arch>-user.tar.gz: the one-folder build with install-user.sh and
# uninstall-user.sh, for a clerk without administrator rights.
#   packaging/linux/build-user-archive.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/dist/TrainingDesk}"
out="${2:-$root/dist}"
[ -x "$build/TrainingDesk" ] || { echo "no PyInstaller build at $build (run: pyinstaller build.spec)" >&2; exit 2; }
version="$(sed -n 's/^APP_VERSION = "\(.*\)"/\1/p' "$root/app/config.py")"
arch="$(uname -m)"
name="traindesk-$version-$arch-user"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name"
cp -a "$build" "$stage/$name/TrainingDesk"
cp "$here/install-user.sh" "$here/uninstall-user.sh" "$here/traindesk.desktop.in" "$stage/$name/"
cp "$root/resources/icons/traindesk.png" "$stage/$name/"
chmod 755 "$stage/$name/install-user.sh" "$stage/$name/uninstall-user.sh"
mkdir -p "$out"
tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
echo "$out/$name.tar.gz"
