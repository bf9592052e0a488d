#!/usr/bin/env bash
# Remakes the committed test images in this folder. Not run by CI: the outputs are committed.
#
# Needs Debian's packages (bookworm):
#   apt-get update && apt-get install -y python3-pil python3-numpy libimage-exiftool-perl imagemagick \
#       colord icc-profiles-free libheif-examples
# colord gives AdobeRGB1998.icc, icc-profiles-free gives sRGB.icc, libheif-examples gives heif-enc (x265).
# Uses /usr/bin/python3 (Debian's, which sees python3-pil) and /usr/bin/convert (the real ImageMagick) on purpose.
#
# Output is byte-for-byte the same on a rerun with the same package versions (no timestamps are written).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$here/make_fixtures.py" "$here" "$tmp"
/usr/bin/python3 "$here/verify_fixtures.py" "$here"
