#!/usr/bin/env bash
# Linux: put QMS Desktop in the application menu (desktop entry, AppStream metainfo, icons 16-256 px
# and SVG), for this user in ~/.local/share, or with --prefix for everyone (e.g. /usr/local as root).
#
#   packaging/install-desktop-entry.sh [--exec PATH] [--prefix DIR] [--uninstall]
#
# Runs from a checkout or the unpacked sdist (after `pipx install`), and from a bundle as
# dist/qms-desktop/_internal/packaging/install-desktop-entry.sh. The entry starts PATH: by default the
# bundle's binary beside this script's folder, else the `qms-desktop` found on PATH.
set -euo pipefail

ID=org.qmsdesktop.QMSDesktop
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here") # the checkout, or the bundle's _internal folder: the same layout below it
desktop_src=$top/resources/$ID.desktop
metainfo_src=$top/resources/$ID.metainfo.xml
icons_src=$top/qms_desktop/resources/icons

exec_path=""
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
uninstall=false
while (($#)); do
  case $1 in
    --exec) exec_path=$2; shift 2 ;;
    --prefix) data_home=$2/share; shift 2 ;;
    --uninstall) uninstall=true; shift ;;
    -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-desktop-entry: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

sizes=(16 24 32 48 64 128 256)
targets=("$data_home/applications/$ID.desktop" "$data_home/metainfo/$ID.metainfo.xml"
  "$data_home/icons/hicolor/scalable/apps/$ID.svg")
for size in "${sizes[@]}"; do
  targets+=("$data_home/icons/hicolor/${size}x${size}/apps/$ID.png")
done

refresh() {
  # Menus notice new entries by themselves. The entry handles qms:// links (MimeType=x-scheme-handler/qms):
  # the MIME cache of the applications folder is refreshed where the tool exists.
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$data_home/applications" || true
  fi
  # A cache that lists nothing any more (ours was the only handler) goes too.
  local mime=$data_home/applications/mimeinfo.cache
  if [[ -f "$mime" ]] && ! grep -q '=' "$mime"; then
    rm -f "$mime"
  fi
  # An icon cache is only refreshed where one exists: a stale cache made here would hide later icons.
  local cache=$data_home/icons/hicolor/icon-theme.cache
  if [[ -f "$cache" ]] && command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
  fi
}

if $uninstall; then
  rm -f "${targets[@]}"
  refresh
  echo "removed QMS Desktop's menu entry and icons from $data_home"
  exit 0
fi

if [[ -z "$exec_path" ]]; then
  if [[ -x "$(dirname "$top")/qms-desktop" && -d "$(dirname "$top")/_internal" ]]; then
    exec_path=$(dirname "$top")/qms-desktop # the bundle's binary
  else
    exec_path=$(command -v qms-desktop || true)
  fi
fi
[[ -n "$exec_path" && -x "$exec_path" ]] || {
  echo "install-desktop-entry: no qms-desktop to start; install it first (pipx) or pass --exec PATH" >&2
  exit 1
}
exec_path=$(cd "$(dirname "$exec_path")" && pwd)/$(basename "$exec_path")
for source in "$desktop_src" "$metainfo_src" "$icons_src/qms-desktop.svg"; do
  [[ -f "$source" ]] || { echo "install-desktop-entry: missing $source" >&2; exit 1; }
done

mkdir -p "$data_home/applications" "$data_home/metainfo" "$data_home/icons/hicolor/scalable/apps"
# Exec= and TryExec= name the binary by its full path, in double quotes (a path may hold spaces); the
# characters the desktop entry specification escapes inside quotes are refused instead.
case $exec_path in
  *[\"\`\$\\]*) echo "install-desktop-entry: cannot name $exec_path in a desktop entry; use a simpler path" >&2; exit 1 ;;
esac
# The arguments after the program (%u: a qms:// link) are kept.
awk -v exec_line="Exec=\"${exec_path//%/%%}\"" -v try_line="TryExec=$exec_path" '
  /^Exec=/ { rest = $0; sub(/^Exec=[^ ]*/, "", rest); print exec_line rest; print try_line; next }
  { print }' "$desktop_src" >"$data_home/applications/$ID.desktop"
install -m 644 "$metainfo_src" "$data_home/metainfo/$ID.metainfo.xml"
install -m 644 "$icons_src/qms-desktop.svg" "$data_home/icons/hicolor/scalable/apps/$ID.svg"
for size in "${sizes[@]}"; do
  mkdir -p "$data_home/icons/hicolor/${size}x${size}/apps"
  install -m 644 "$icons_src/qms-desktop-$size.png" "$data_home/icons/hicolor/${size}x${size}/apps/$ID.png"
done
refresh
echo "QMS Desktop is in the application menu ($data_home/applications/$ID.desktop starts $exec_path)"
