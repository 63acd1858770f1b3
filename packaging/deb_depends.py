"""Works out the Debian packages a PyInstaller bundle needs from the system, for the .deb's Depends.

Reads every ELF file in the bundle (``readelf``), takes the shared libraries they need that the
bundle does not carry, and finds the Debian package that ships each one (``ldconfig -p`` and
``dpkg -S``). Libraries this build machine lacks (Qt's X11 plugin needs a few that a headless
machine has no use for) are looked up in KNOWN_PACKAGES; any other unknown library stops the
build. The glibc requirement is the newest GLIBC symbol version any file asks for.

Usage: python3 deb_depends.py BUNDLE_DIR [EXTRA_PACKAGE ...]  -> prints one Depends value.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

# Libraries Qt links to that a headless build machine may not have installed.
KNOWN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")
GLIBC_VERSION = re.compile(r"GLIBC_(\d+)\.(\d+)")


def elf_files(bundle: Path) -> list[Path]:
    files = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    files.append(path)
    return files


def readelf(*arguments: str) -> str:
    return subprocess.run(["readelf", "--wide", *arguments], capture_output=True, text=True, check=True).stdout


def system_library_paths() -> dict[str, str]:
    """soname -> path for this machine's architecture, from the dynamic linker's cache."""
    output = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    paths: dict[str, str] = {}
    for line in output.splitlines()[1:]:
        name, _, path = line.strip().partition(" => ")
        soname = name.split(" (")[0]
        if soname not in paths or "x86-64" in name:
            paths[soname] = path
    return paths


def owning_package(path: str) -> str | None:
    real = str(Path(path).resolve())
    for candidate in dict.fromkeys([path, real, real.replace("/usr/lib/", "/lib/", 1)]):
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def depends(bundle: Path, extra: list[str]) -> str:
    files = elf_files(bundle)
    carried = {path.name for path in bundle.rglob("*")}
    needed: dict[str, Path] = {}
    glibc = (2, 17)
    for path in files:
        for soname in NEEDED.findall(readelf("--dynamic", str(path))):
            if soname not in carried:
                needed.setdefault(soname, path)
        for major, minor in GLIBC_VERSION.findall(readelf("--version-info", str(path))):
            glibc = max(glibc, (int(major), int(minor)))
    system = system_library_paths()
    packages = set(extra)
    unknown = []
    for soname, user in sorted(needed.items()):
        package = owning_package(system[soname]) if soname in system else None
        package = package or KNOWN_PACKAGES.get(soname)
        if package is None:
            unknown.append(f"{soname} (needed by {user.relative_to(bundle)})")
        elif package != "libc6":
            packages.add(package)
    if unknown:
        raise SystemExit("no Debian package known for: " + ", ".join(unknown))
    return ", ".join([f"libc6 (>= {glibc[0]}.{glibc[1]})", *sorted(packages)])


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    print(depends(Path(sys.argv[1]), sys.argv[2:]))
