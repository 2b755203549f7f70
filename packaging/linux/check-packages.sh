#!/usr/bin/env bash
# CI's check of the Linux packages (run as root, or with sudo for dpkg): builds the .deb and the per-user
# archive from the PyInstaller build, installs each, runs the installed program's --self-test (window,
# preview and print checks, offscreen), removes it, and checks that nothing is left behind but the
# user's data folder, which must be untouched.
#   packaging/linux/check-packages.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/dist/TrainingDesk}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"

# A user's home with data in it: installing, running and removing the program must leave it as it was.
home="$work/home"
mkdir -p "$home/.local/share/TrainingDesk"
echo "办公室的数据" > "$home/.local/share/TrainingDesk/marker.txt"
data_state() { find "$home/.local/share/TrainingDesk" -printf '%P %s %T@\n' | sort | sha256sum; }
data_before="$(data_state)"

self_test() {  # the installed command, run as the clerk would, with its data in a folder of its own
  QT_QPA_PLATFORM=offscreen HOME="$home" TRAINDESK_HOME="$work/selftest-$1" "$2" --self-test >"$work/selftest-$1.log" 2>&1 \
    || { cat "$work/selftest-$1.log" >&2; echo "self-test of the $1 install failed" >&2; exit 1; }
}

echo "== .deb"
deb="$("$here/build-deb.sh" "$build" "$work/out")"
$sudo dpkg -i "$deb" >/dev/null
test -x /opt/traindesk/TrainingDesk
test "$(readlink -f /usr/bin/traindesk)" = /opt/traindesk/TrainingDesk
grep -q '^Name\[zh_CN\]=干部教育培训管理$' /usr/share/applications/traindesk.desktop
test -f /usr/share/icons/hicolor/256x256/apps/traindesk.png
self_test deb traindesk
$sudo dpkg -r traindesk >/dev/null
for left in /opt/traindesk /usr/bin/traindesk /usr/share/applications/traindesk.desktop \
            /usr/share/icons/hicolor/256x256/apps/traindesk.png; do
  if [ -e "$left" ] || [ -L "$left" ]; then echo "dpkg -r left $left behind" >&2; exit 1; fi
done
echo "installed, self-tested and removed: $(basename "$deb")"

echo "== per-user archive"
archive="$("$here/build-user-archive.sh" "$build" "$work/out")"
mkdir -p "$work/unpacked" && tar -C "$work/unpacked" -xzf "$archive"
HOME="$home" XDG_DATA_HOME="" sh "$work/unpacked"/*/install-user.sh >/dev/null
test -x "$home/.local/opt/traindesk/TrainingDesk"
grep -q '^Name\[zh_CN\]=干部教育培训管理$' "$home/.local/share/applications/traindesk.desktop"
self_test user "$home/.local/bin/traindesk"
HOME="$home" XDG_DATA_HOME="" sh "$home/.local/opt/traindesk/uninstall-user.sh" >/dev/null
for left in "$home/.local/opt/traindesk" "$home/.local/bin/traindesk" "$home/.local/share/applications/traindesk.desktop" \
            "$home/.local/share/icons/hicolor/256x256/apps/traindesk.png"; do
  if [ -e "$left" ] || [ -L "$left" ]; then echo "uninstall-user.sh left $left behind" >&2; exit 1; fi
done
echo "installed, self-tested and removed: $(basename "$archive")"

data_after="$(data_state)"
[ "$data_before" = "$data_after" ] || { echo "the user's data folder was changed" >&2; exit 1; }
echo "the user's data folder is untouched"
