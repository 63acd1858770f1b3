#!/usr/bin/env bash
# CI check of the installable build: builds the bundle and the .deb (build.sh), starts the
# bundle on empty data folders (headless command and offscreen GUI), prints a plan PDF,
# installs the .deb with apt and starts /usr/bin/bounceback. Runs as root without a display.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/out"
app_id="io.github.bounceback.Bounceback"
export DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen
work="$(mktemp -d)"
gui_pid=""
cleanup() {
    if [ -n "$gui_pid" ] && kill -0 "$gui_pid" 2>/dev/null; then kill "$gui_pid" 2>/dev/null || true; fi
    for pid in $(menu_started_pids); do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
# The processes started from the menu entry below: the ones whose environment names our data folder.
menu_started_pids() {
    grep -l -s -F -x -z "BOUNCEBACK_DATA_DIR=$work/menu/data" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3 || true
}
trap cleanup EXIT

step() { printf '\n== packaging: %s\n' "$*"; }
fail() { echo "packaging check FAILED: $*" >&2; exit 1; }

step "tools (installed only if missing)"
needed=(binutils dpkg-dev poppler-utils desktop-file-utils appstream libglib2.0-bin python3-venv)
missing=()
for package in "${needed[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
fi

step "build (packaging/build.sh)"
rm -rf "$out/dist" "$out/deb" "$out"/bounceback_*.deb
SKIP_LINTIAN=1 "$here/build.sh" </dev/null
bundle="$out/dist/bounceback/bounceback"
deb="$(ls "$out"/bounceback_*.deb)"
venv_python="$out/venv/bin/python"
version="$("$venv_python" -c 'import desktop_app; print(desktop_app.__version__)')"
head_revision="$("$venv_python" -c 'from desktop_app.storage.schema import HEAD_REVISION; print(HEAD_REVISION)')"

# The schema revision stored in a database file, or nothing.
revision_of() {
    python3 - "$1" <<'PY'
import sqlite3, sys
try:
    connection = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    print(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
except sqlite3.Error:
    pass
PY
}

# Print the plans of a data folder to a PDF; the PDF must hold text (fonts found and embedded).
check_print() {
    local program="$1" data="$2" pdf="$3"
    "$program" --data-dir "$data" print-plans --pdf "$pdf" </dev/null
    [ -s "$pdf" ] || fail "$program print-plans wrote no PDF"
    local words
    words="$(pdftotext "$pdf" - | wc -w)"
    [ "$words" -gt 0 ] || fail "the PDF from $program print-plans has no text"
    echo "$program print-plans: $(basename "$pdf") with $words words of text"
}

# Wait until the database in a data folder exists at the newest schema revision.
wait_for_database() {
    for _ in $(seq 1 120); do
        [ "$(revision_of "$1/bounceback.sqlite3")" = "$head_revision" ] && return 0
        sleep 0.5
    done
    return 1
}

step "bundle: --version"
[ "$("$bundle" --version </dev/null)" = "Bounceback $version" ] || fail "bundle --version"
"$bundle" --version

step "bundle: print-plans on an empty data folder"
check_print "$bundle" "$work/empty/data" "$work/empty.pdf"

step "bundle: the window starts offscreen on an empty data folder and creates the database"
mkdir "$work/gui"
"$bundle" --data-dir "$work/gui/data" </dev/null >"$work/gui/log" 2>&1 &
gui_pid=$!
wait_for_database "$work/gui/data" || { cat "$work/gui/log"; fail "the bundled GUI did not create the database"; }
sleep 2  # let the window finish starting after the database opened
kill -0 "$gui_pid" 2>/dev/null || { cat "$work/gui/log"; fail "the bundled GUI exited on its own"; }
kill "$gui_pid"
wait "$gui_pid" 2>/dev/null || true
gui_pid=""
echo "the GUI ran and created the database at revision $head_revision"

step "bundle: print-plans from the database the bundle created"
check_print "$bundle" "$work/gui/data" "$work/gui.pdf"

step "bundle: menu entry for a pip-style install (--install-desktop-entry)"
XDG_DATA_HOME="$work/xdg" "$bundle" --install-desktop-entry </dev/null
grep -q -x "Exec=$bundle" "$work/xdg/applications/$app_id.desktop" || fail "installed entry does not start the bundle"
[ -s "$work/xdg/icons/hicolor/256x256/apps/$app_id.png" ] || fail "--install-desktop-entry wrote no icons"
desktop-file-validate "$work/xdg/applications/$app_id.desktop"
XDG_DATA_HOME="$work/xdg" "$bundle" --uninstall-desktop-entry </dev/null
[ -z "$(find "$work/xdg" -type f)" ] || fail "--uninstall-desktop-entry left files behind"

step "install the .deb with apt"
was_installed=no
dpkg-query -W -f='${Status}' bounceback 2>/dev/null | grep -q "install ok installed" && was_installed=yes
if ! apt-get install -y -qq "$deb" </dev/null; then
    apt-get update -qq
    apt-get install -y -qq "$deb" </dev/null
fi
[ "$(/usr/bin/bounceback --version </dev/null)" = "Bounceback $version" ] || fail "/usr/bin/bounceback --version"
/usr/bin/bounceback --version

step "the installed menu entry starts Bounceback"
mkdir "$work/menu"
BOUNCEBACK_DATA_DIR="$work/menu/data" gio launch "/usr/share/applications/$app_id.desktop" </dev/null
wait_for_database "$work/menu/data" || fail "starting the menu entry did not open Bounceback"
sleep 2
[ -n "$(menu_started_pids)" ] || fail "Bounceback started from the menu entry exited on its own"
for pid in $(menu_started_pids); do kill "$pid"; done
echo "the menu entry started /usr/bin/bounceback, which created its database"
check_print /usr/bin/bounceback "$work/menu/data" "$work/menu.pdf"

step "installed files"
desktop-file-validate "/usr/share/applications/$app_id.desktop"
appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml" >/dev/null
for size in 16 22 24 32 48 64 128 256 512; do
    [ -s "/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png" ] || fail "icon ${size}x${size} missing"
done
[ -s "/usr/share/icons/hicolor/scalable/apps/$app_id.svg" ] || fail "scalable icon missing"
grep -q "^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" \
    /usr/share/doc/bounceback/copyright || fail "copyright file is not machine-readable"
# Every library the installed bundle links to is either in it or installed through Depends.
unresolved="$(find /opt/bounceback -type f \( -name '*.so*' -o -name bounceback \) -print0 \
    | xargs -0 ldd 2>/dev/null | grep 'not found' | sort -u || true)"
[ -z "$unresolved" ] || fail "libraries not found after installing the .deb: $unresolved"
echo "desktop file, metainfo, icons and copyright installed; every linked library resolves"

if [ "$was_installed" = no ]; then
    apt-get remove -y -qq bounceback </dev/null >/dev/null
fi

step "sizes"
echo "bundle: $(du -sh "$out/dist/bounceback" | cut -f1), .deb: $(du -h "$deb" | cut -f1) ($(basename "$deb"))"
echo "packaging checks passed"
