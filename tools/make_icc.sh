#!/usr/bin/env bash
# Rebuild styles/icc/pressroom-fogra39.icc from Debian's FOGRA39 characterization data.
# Needs: apt-get install icc-profiles-free argyll
set -euo pipefail
work=$(mktemp -d)
cp /usr/share/color/icc/FOGRA39L.ti3 "$work/pressroom-fogra39.ti3"
(cd "$work" && colprof -qm -kr -l300 -L95 \
  -D "pressroom FOGRA39L coated (from Fogra characterization data)" \
  -C "Made with ArgyllCMS colprof from FOGRA39L.ti3 (icc-profiles-free, Zlib). No warranty." \
  pressroom-fogra39)
cp "$work/pressroom-fogra39.icc" "$(dirname "$0")/../styles/icc/"
