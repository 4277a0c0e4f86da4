#!/usr/bin/env bash
# Build the one-folder bundle (packaging/qms-desktop.spec) and prove it works without Python:
#   1. the GUI: `qms-desktop --demo` offscreen; its main window is shown, it draws each tab into a PNG
#      after QMS_SMOKE_SECONDS (default 10) and quits by itself with exit 0;
#   2. the CLI: database migrations, a first administrator, and the keyring backend it finds
#      (the system's SecretService when D-Bus and gnome-keyring are installed);
#   3. the menu entry the bundle installs (into a scratch folder) names its binary and passes
#      desktop-file-validate when that is installed.
#
#   packaging/build-bundle.sh [--no-build]      # --no-build: only check an existing dist/qms-desktop
#
# Output: dist/qms-desktop/ (run dist/qms-desktop/qms-desktop); PyInstaller's work files in
# build/pyinstaller/. Linux; on Windows and macOS run the README's pyinstaller command on that system.
# Slow (PyInstaller takes 1.5 to 3 minutes on two cores), so not part of the test suite:
# QMS_BUILD_BUNDLE=1 .ci/test tests/test_bundle.py runs this script.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
BUNDLE=dist/qms-desktop
BINARY=$BUNDLE/qms-desktop
SMOKE_SECONDS=${QMS_SMOKE_SECONDS:-10}

if [[ "${1:-}" != "--no-build" ]]; then
  [[ -x "$PYTHON" ]] || .ci/setup
  "$PYTHON" -c 'import PyInstaller' 2>/dev/null || "$PYTHON" -m pip install -q "pyinstaller>=6.10"
  started=$(date +%s)
  "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/qms-desktop.spec
  echo "bundle: built $BUNDLE in $(($(date +%s) - started)) s, $(du -sh "$BUNDLE" | cut -f1)"
fi
[[ -x "$BINARY" ]] || { echo "bundle: no $BINARY" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Nothing of the machine's own settings: a fresh HOME, data folder and demo folder.
clean_env=(env -u QMS_DATABASE_URL -u MEDIASENSE_URL -u MEDIASENSE_HOST -u MEDIASENSE_PASSWORD
  HOME="$scratch/home" QMS_HOME="$scratch/qms" QMS_DEMO_HOME="$scratch/demo" XDG_RUNTIME_DIR="$scratch/run"
  QT_QPA_PLATFORM=offscreen)
mkdir -p "$scratch/home" "$scratch/run" "$scratch/shots"
chmod 700 "$scratch/run"

# 1. The GUI. The app logs "Window shown N s after launch" once the main window is on screen, quits
#    by itself after QMS_QUIT_AFTER_S, and first saves a picture of each tab in QMS_SCREENSHOT_DIR.
status=0
"${clean_env[@]}" QMS_QUIT_AFTER_S="$SMOKE_SECONDS" QMS_LOG_LEVEL=INFO QMS_SCREENSHOT_DIR="$scratch/shots" \
  timeout 300 "$BINARY" --demo >"$scratch/gui.log" 2>&1 || status=$?
shown=$(grep -o "Window shown [0-9.]* s after launch" "$scratch/gui.log" || true)
pictures=$(find "$scratch/shots" -name '*.png' | wc -l)
# The window is shown before the quit timer starts, so that is the proof; the tabs come once the
# database and the demo are up, which on a busy machine may take longer than the run (then 0 are drawn).
if [[ $status -ne 0 || -z "$shown" ]] || grep -q "Traceback" "$scratch/gui.log"; then
  echo "bundle: the GUI smoke run failed (exit $status); its log:" >&2
  tail -n 40 "$scratch/gui.log" >&2
  exit 1
fi
if [[ -n "${QMS_BUNDLE_SHOTS:-}" ]]; then
  mkdir -p "$QMS_BUNDLE_SHOTS" && cp "$scratch"/shots/*.png "$QMS_BUNDLE_SHOTS"/
fi
echo "bundle: main window shown (${shown#Window shown }), $pictures tab(s) drawn, exit 0"

# 2. The CLI: migrations run from the bundle's files, and keyring finds its backends (entry points).
cli_checks='
  set -e
  if command -v gnome-keyring-daemon >/dev/null; then
    printf %s bundle-check | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  fi
  "$0" db upgrade >/dev/null
  printf %s "Bundle-check-pass1" | "$0" users add bundle-admin --role ADMIN --password-stdin >/dev/null
  printf %s "Bundle-check-pass1" | "$0" connection show --as bundle-admin --password-stdin --json'
if command -v dbus-run-session >/dev/null; then
  shown_settings=$("${clean_env[@]}" dbus-run-session -- bash -c "$cli_checks" "$BINARY" 2>"$scratch/cli.log") || {
    cat "$scratch/cli.log" >&2
    exit 1
  }
else
  shown_settings=$("${clean_env[@]}" bash -c "$cli_checks" "$BINARY" 2>"$scratch/cli.log") || {
    cat "$scratch/cli.log" >&2
    exit 1
  }
fi
backend=$(printf %s "$shown_settings" | "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["keyring"]["name"])')
echo "bundle: CLI ok (migrations applied, first administrator added), keyring backend: $backend"

# 3. The bundle's own menu integration, into a scratch data folder.
"${clean_env[@]}" XDG_DATA_HOME="$scratch/share" bash "$BUNDLE/_internal/packaging/install-desktop-entry.sh" >/dev/null
entry=$scratch/share/applications/org.qmsdesktop.QMSDesktop.desktop
grep -qxF "Exec=\"$(cd "$BUNDLE" && pwd)/qms-desktop\" %u" "$entry" || { echo "bundle: the menu entry does not start $BINARY" >&2; cat "$entry" >&2; exit 1; }
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$entry"
fi
echo "bundle: menu entry installs and starts $BINARY"
