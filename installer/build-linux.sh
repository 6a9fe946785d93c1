#!/usr/bin/env bash
# Build the Linux bundle (PyInstaller one-folder), a tarball and a .deb.
#   installer/build-linux.sh            -> dist/repm-planner/, dist/*.tar.gz, dist/*.deb
# Environment: PYTHON (default .venv/bin/python), OUT_DIR (dist), WORK_DIR (build/pyinstaller).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
OUT=${OUT_DIR:-$ROOT/dist}
WORK=${WORK_DIR:-$ROOT/build/pyinstaller}
NAME=repm-planner
VERSION=$("$PYTHON" -c "import tomllib; print(tomllib.load(open('$ROOT/pyproject.toml', 'rb'))['project']['version'])")
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)

"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT" --workpath "$WORK" "$ROOT/installer/$NAME.spec"
BUNDLE="$OUT/$NAME"
echo "bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"

tar -C "$OUT" -czf "$OUT/$NAME-$VERSION-linux-$ARCH.tar.gz" "$NAME"
echo "tarball: $OUT/$NAME-$VERSION-linux-$ARCH.tar.gz"

if ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "dpkg-deb not found: .deb skipped"
  exit 0
fi
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
chmod 755 "$STAGE"  # the package root: mktemp makes it private
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/icons/hicolor/48x48/apps" \
  "$STAGE/usr/share/mime/packages"
cp -a "$BUNDLE" "$STAGE/opt/$NAME"
ln -s "/opt/$NAME/$NAME" "$STAGE/usr/bin/$NAME"
cp "$ROOT/resources/icon-256.png" "$STAGE/usr/share/icons/hicolor/256x256/apps/$NAME.png"
cp "$ROOT/resources/icon-48.png" "$STAGE/usr/share/icons/hicolor/48x48/apps/$NAME.png"
cat > "$STAGE/usr/share/applications/$NAME.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=REPM planner
Comment=Offline planner for India's rare-earth permanent magnet supply
Exec=/usr/bin/$NAME %f
Icon=$NAME
Terminal=false
Categories=Office;Science;Finance;
MimeType=application/x-repm-portfolio;
DESKTOP
cat > "$STAGE/usr/share/mime/packages/$NAME.xml" <<MIME
<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/x-repm-portfolio">
    <comment>REPM portfolio</comment>
    <glob pattern="*.repm"/>
  </mime-type>
</mime-info>
MIME
SIZE=$(du -sk "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: $NAME
Version: $VERSION
Architecture: $ARCH
Maintainer: REPM planner developers <repm-planner@invalid>
Installed-Size: $SIZE
Depends: libgl1, libegl1, libfontconfig1, libxkbcommon0, libxkbcommon-x11-0, libdbus-1-3, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-randr0, libxcb-render-util0, libxcb-image0, libxcb-xinerama0, libxcb-xkb1
Section: science
Priority: optional
Description: Offline planner for India's rare-earth permanent magnet supply
 Portfolio of overseas mining blocks, deals and processing plants, with a
 capacity model projecting sintered NdFeB magnet output against the target.
CONTROL
cat > "$STAGE/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
command -v update-mime-database >/dev/null && update-mime-database /usr/share/mime || true
command -v update-desktop-database >/dev/null && update-desktop-database -q || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q /usr/share/icons/hicolor || true
POSTINST
chmod 755 "$STAGE/DEBIAN/postinst"
dpkg-deb --build --root-owner-group "$STAGE" "$OUT/${NAME}_${VERSION}_${ARCH}.deb" >/dev/null
echo "deb: $OUT/${NAME}_${VERSION}_${ARCH}.deb"
