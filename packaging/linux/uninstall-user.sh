#!/bin/sh
# Removes what install-user.sh put in place, and nothing else: the user's data folder
# (~/.local/share/TrainingDesk, with its databases and backups) stays where it is.
set -eu
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
program="$HOME/.local/opt/traindesk"
link="$HOME/.local/bin/traindesk"
if [ -L "$link" ] && [ "$(readlink "$link")" = "$program/TrainingDesk" ]; then rm -f "$link"; fi
rm -f "$data_home/applications/traindesk.desktop" "$data_home/icons/hicolor/256x256/apps/traindesk.png"
rm -rf "$program"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
echo "已卸载。数据文件夹 $data_home/TrainingDesk 保留不动。"
