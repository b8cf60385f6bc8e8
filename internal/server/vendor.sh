#!/usr/bin/env bash
# Refreshes the third-party browser assets vendored under web/vendor/ from the
# npm registry. Only maintainers run it; the build, the tests and CI use the
# committed files and never need npm.
#
#   bash internal/server/vendor.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dst="$here/web/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

LEAFLET=1.9.4
MARKERCLUSTER=1.5.3
NASKH=5.3.0

(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
  "leaflet@$LEAFLET" "leaflet.markercluster@$MARKERCLUSTER" "@fontsource/noto-naskh-arabic@$NASKH")
nm="$tmp/node_modules"

rm -rf "$dst/leaflet" "$dst/leaflet.markercluster" "$dst/noto-naskh-arabic"
mkdir -p "$dst/leaflet/images" "$dst/leaflet.markercluster" "$dst/noto-naskh-arabic"

cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$nm/leaflet/LICENSE" "$dst/leaflet/"
cp "$nm/leaflet/dist/images/"*.png "$dst/leaflet/images/"

cp "$nm/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$nm/leaflet.markercluster/dist/MarkerCluster.css" \
   "$nm/leaflet.markercluster/dist/MarkerCluster.Default.css" \
   "$nm/leaflet.markercluster/MIT-LICENCE.txt" "$dst/leaflet.markercluster/"
chmod -x "$dst/leaflet.markercluster/"*

# Only the Arabic subset (weights 400 and 700): Latin text uses the system
# sans-serif font, and unicode-range keeps the font to Arabic characters.
f="$nm/@fontsource/noto-naskh-arabic"
cp "$f/LICENSE" "$dst/noto-naskh-arabic/"
for w in 400 700; do
  cp "$f/files/noto-naskh-arabic-arabic-$w-normal.woff2" "$dst/noto-naskh-arabic/"
  # The upstream @font-face rule, pointed at the local file.
  sed -e 's#url(./files/\([^)]*\).woff2) format(.woff2.), url(./files/[^)]*) format(.woff.)#url(\1.woff2) format("woff2")#' \
    "$f/arabic-$w.css"
  echo
done | sed -n '/@font-face/,/}/p;/^\/\*/p' > "$dst/noto-naskh-arabic/font.css"
# arabic-$w.css has no unicode-range; take it from index.css.
range="$(grep -m1 -A8 'arabic-arabic-400' "$f/index.css" | grep unicode-range)"
sed -i "s#^\(  src: .*\)\$#\1\n$range#" "$dst/noto-naskh-arabic/font.css"

cat > "$dst/VERSIONS" <<V
leaflet $LEAFLET (BSD-2-Clause) npm: leaflet
leaflet.markercluster $MARKERCLUSTER (MIT) npm: leaflet.markercluster
@fontsource/noto-naskh-arabic $NASKH (SIL OFL 1.1) npm: @fontsource/noto-naskh-arabic
V
echo "vendored into $dst"
