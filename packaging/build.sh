#!/usr/bin/env bash
# Builds Bounceback for Debian/Ubuntu from a clean checkout:
#   packaging/out/dist/bounceback/          one-folder PyInstaller bundle
#   packaging/out/bounceback_<version>_<arch>.deb
# It makes its own venv (packaging/out/venv) with the project and PyInstaller installed
# from pyproject.toml, so nothing outside packaging/out/ is touched.
#
# Environment: PYTHON (default python3, 3.11+ with a shared libpython),
#              DEB_MAINTAINER (the .deb's Maintainer field), SKIP_LINTIAN=1 (no lintian report).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/out"
python="${PYTHON:-python3}"
app_id="io.github.bounceback.Bounceback"
maintainer="${DEB_MAINTAINER:-Bounceback developers <bounceback@users.noreply.github.com>}"

# Depends: what deb_depends.py finds the bundle's libraries need from the system, plus the
# libraries Qt's X11 platform plugin loads, and a font so text shows on a minimal install.
base_depends=(
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
    libxcb-render-util0 libxcb-image0 fonts-dejavu-core
)

step() { printf '\n== %s\n' "$*"; }

step "venv and dependencies ($out/venv)"
mkdir -p "$out"
if [ ! -x "$out/venv/bin/python" ]; then
    "$python" -m venv "$out/venv"
fi
venv_python="$out/venv/bin/python"
"$venv_python" -m pip install --quiet "$root[packaging]"
# A regular (not editable) install of this checkout: the bundle gets desktop_app exactly as a
# wheel installs it, resources included.
"$venv_python" -m pip install --quiet --force-reinstall --no-deps "$root"
version="$("$venv_python" -c 'import desktop_app; print(desktop_app.__version__)')"

step "PyInstaller bundle"
rm -rf "$out/build" "$out/dist"
(cd "$out" && "$venv_python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$out/dist" --workpath "$out/build" "$here/bounceback.spec")
bundle="$out/dist/bounceback"
"$bundle/bounceback" --version

step ".deb package"
arch="$(dpkg --print-architecture)"
pkg="$out/deb/bounceback_${version}_${arch}"
rm -rf "$out/deb"
mkdir -p "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" "$pkg/usr/share/metainfo" \
    "$pkg/usr/share/icons" "$pkg/usr/share/doc/bounceback"
cp -a "$bundle" "$pkg/opt/bounceback"
ln -s /opt/bounceback/bounceback "$pkg/usr/bin/bounceback"
install -m 0644 "$root/resources/$app_id.desktop" "$pkg/usr/share/applications/"
install -m 0644 "$root/resources/$app_id.metainfo.xml" "$pkg/usr/share/metainfo/"
cp -r "$root/resources/icons/hicolor" "$pkg/usr/share/icons/"
install -m 0644 "$here/debian/copyright" "$pkg/usr/share/doc/bounceback/copyright"
gzip -9n < "$root/CHANGELOG.md" > "$pkg/usr/share/doc/bounceback/CHANGELOG.md.gz"
release_date="$(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}")"
printf 'bounceback (%s) stable; urgency=medium\n\n  * Release %s; what changed is in CHANGELOG.md.gz.\n\n -- %s  %s\n' \
    "$version" "$version" "$maintainer" "$release_date" | gzip -9n > "$pkg/usr/share/doc/bounceback/changelog.gz"
# Files 0644, folders and programs 0755, owned by root in the archive.
find "$pkg" -type d -exec chmod 0755 {} +
find "$pkg" -type f ! -path "$pkg/DEBIAN/*" -exec chmod go-w,a+r {} +
installed_size="$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)"
depends="$(python3 "$here/deb_depends.py" "$bundle" "${base_depends[@]}")"
{
    echo "Package: bounceback"
    echo "Version: $version"
    echo "Architecture: $arch"
    echo "Maintainer: $maintainer"
    echo "Installed-Size: $installed_size"
    echo "Depends: $depends"
    echo "Section: misc"
    echo "Priority: optional"
    echo "Description: prepare for interviews, debrief after them, keep a Plan B"
    echo " Bounceback keeps a job search in one private place on your computer:"
    echo " checklists for each interview and a printable interview-day sheet, a"
    echo " step-by-step debrief after each interview that saves as you type, and"
    echo " alternative plans with triggers, steps, contacts and evidence, ready to"
    echo " print. It works offline and keeps its data in your home folder."
} > "$pkg/DEBIAN/control"
deb="$out/bounceback_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null

step "sizes"
echo "bundle: $(du -sh "$bundle" | cut -f1)  ($bundle)"
echo "deb:    $(du -h "$deb" | cut -f1)  ($deb)"
echo "installed: ${installed_size} KiB"
if [ -z "${SKIP_LINTIAN:-}" ] && command -v lintian >/dev/null 2>&1; then
    step "lintian (advice only)"
    lintian --tag-display-limit 0 --suppress-tags-from-file "$here/debian/lintian-accepted" "$deb" || true
fi
