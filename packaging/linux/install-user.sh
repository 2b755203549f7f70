#!/bin/sh
# Installs TrainingDesk for this user only, without administrator rights: the program under
# ~/.local/opt/traindesk, a `traindesk` command in ~/.local/bin, and a menu entry 干部教育培训管理.
# Run it from the unpacked archive:  sh install-user.sh
# The user's data folder (~/.local/share/TrainingDesk) is never touched, by this or by uninstall-user.sh.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
program="$HOME/.local/opt/traindesk"
[ -x "$here/TrainingDesk/TrainingDesk" ] || { echo "找不到程序文件夹 TrainingDesk（请在解压后的文件夹中运行）" >&2; exit 2; }

if [ -d "$program" ]; then
  rm -rf "$program.old" && mv "$program" "$program.old"  # an earlier version, put back if copying fails
fi
mkdir -p "$program" "$HOME/.local/bin" "$data_home/applications" "$data_home/icons/hicolor/256x256/apps"
if ! cp -a "$here/TrainingDesk/." "$program/"; then
  rm -rf "$program"; [ -d "$program.old" ] && mv "$program.old" "$program"
  echo "复制程序文件失败，未作改动" >&2; exit 1
fi
rm -rf "$program.old"
cp "$here/uninstall-user.sh" "$program/uninstall-user.sh"
ln -sf "$program/TrainingDesk" "$HOME/.local/bin/traindesk"
cp "$here/traindesk.png" "$data_home/icons/hicolor/256x256/apps/traindesk.png"
sed -e "s|@EXEC@|$program/TrainingDesk|" -e "s|@ICON@|traindesk|" "$here/traindesk.desktop.in" \
  > "$data_home/applications/traindesk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
echo "已安装到 $program"
echo "从开始菜单的“干部教育培训管理”启动，或运行 $HOME/.local/bin/traindesk"
echo "卸载：sh $program/uninstall-user.sh（数据文件夹 $data_home/TrainingDesk 保留不动）"
