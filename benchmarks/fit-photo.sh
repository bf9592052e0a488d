#!/usr/bin/env bash
# Group "fitting a phone photo" (issue 13) of docs/performance.md: the native `skinlite fit` against the tools a user
# would pick instead, vipsthumbnail and ImageMagick's convert, on camera JPEGs of 12 MP (4032x3024) and 48 MP
# (8000x6000), q92, 4:2:0, EXIF orientation 6 (stored landscape, shown portrait) and GPS. For each: median wall time
# of interleaved rounds, peak RSS, output size and bytes, PSNR and SSIM against a reference downscale to the same size
# (ImageMagick, Lanczos in linear light), and whether the output is upright and free of EXIF/GPS. Then the managed
# library's own peak working set (the benchmark harness's `fit` verb).
#
#   benchmarks/fit-photo.sh [--runs N] [--no-publish]
#
# Installs libvips-tools, imagemagick, libimage-exiftool-perl, time, python3-numpy and python3-pil with apt when missing
# (needs root). The photos and references are made once into artifacts/fit-photo (or $SKINLITE_PHOTOS) and reused.
# Uses artifacts/cli/skinlite; publishes it once when missing unless --no-publish. Prints Markdown tables; exits 1 when
# a command fails or an output breaks a rule (EXIF/GPS left, not upright), 2 on bad arguments.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=15
publish=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --no-publish) publish=0; shift ;;
    *) echo "fit-photo.sh: unknown argument '$1' (expected --runs N or --no-publish)" >&2; exit 2 ;;
  esac
done
[ "$runs" -ge 3 ] 2>/dev/null || { echo "fit-photo.sh: --runs must be a number >= 3, not '$runs'" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# /usr/local/bin/convert may be a stand-in for ImageMagick: always the real one, by its full path
# ($SKINLITE_CONVERT overrides it).
convert=${SKINLITE_CONVERT:-/usr/bin/convert}
compare=/usr/bin/compare
identify=/usr/bin/identify
native=$root/artifacts/cli/skinlite
harness=$root/benchmarks/SkinLite.Benchmarks/bin/Release/net10.0/SkinLite.Benchmarks.dll
photos=${SKINLITE_PHOTOS:-$root/artifacts/fit-photo}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

missing=()
command -v vipsthumbnail >/dev/null || missing+=(libvips-tools)
"$convert" -version 2>/dev/null | grep -q ImageMagick || missing+=(imagemagick)
command -v exiftool >/dev/null || missing+=(libimage-exiftool-perl)
[ -x /usr/bin/time ] || missing+=(time)
/usr/bin/python3 -c 'import numpy, PIL' 2>/dev/null || missing+=(python3-numpy python3-pil)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} ..." >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >/dev/null ||
    { echo "fit-photo.sh: could not install ${missing[*]}" >&2; exit 1; }
fi
"$convert" -version | grep -q ImageMagick || { echo "fit-photo.sh: $convert is not ImageMagick" >&2; exit 1; }

if [ ! -x "$native" ]; then
  [ "$publish" = 1 ] || { echo "fit-photo.sh: $native is missing and --no-publish was given" >&2; exit 2; }
  echo "publishing the native CLI (once; the same command as .ci/run) ..." >&2
  dotnet publish src/SkinLite.Cli -c Release -r linux-x64 -o artifacts/cli -nologo >/dev/null || { echo "fit-photo.sh: native publish failed" >&2; exit 1; }
fi
if [ ! -f "$harness" ]; then
  dotnet build benchmarks/SkinLite.Benchmarks -c Release -nologo -v quiet >/dev/null || { echo "fit-photo.sh: benchmark build failed" >&2; exit 1; }
fi

# A camera-like photo: a diagonal gradient, a skin-toned face-sized ellipse off centre (a wrong rotation shows), eyes,
# a dark band, sensor-like noise; q92 4:2:0 like a phone, then orientation 6, make, model and GPS written by exiftool.
make_photo() { # width height file
  local w=$1 h=$2 file=$3
  "$convert" -size "${w}x${h}" -define gradient:angle=135 gradient:'#2b3a4f-#d9c8b0' \
    -fill '#e3b496' -draw "ellipse $((w * 42 / 100)),$((h * 50 / 100)) $((w * 22 / 100)),$((h * 33 / 100)) 0,360" \
    -fill '#4a2e22' -draw "ellipse $((w * 36 / 100)),$((h * 42 / 100)) $((w * 3 / 100)),$((h * 2 / 100)) 0,360" \
    -fill '#4a2e22' -draw "ellipse $((w * 49 / 100)),$((h * 42 / 100)) $((w * 3 / 100)),$((h * 2 / 100)) 0,360" \
    -fill '#b85656' -draw "ellipse $((w * 43 / 100)),$((h * 64 / 100)) $((w * 6 / 100)),$((h * 3 / 100)) 0,360" \
    -fill '#2a1e18' -draw "rectangle $((w * 16 / 100)),$((h * 5 / 100)) $((w * 68 / 100)),$((h * 17 / 100))" \
    -seed 13 -attenuate 0.5 +noise Gaussian \
    -sampling-factor 2x2 -quality 92 "$file.tmp.jpg" || return 1
  exiftool -q -overwrite_original -Orientation#=6 -Make=BenchPhone -Model='BenchPhone 12 Pro' \
    -GPSLatitude=52.5244 -GPSLatitudeRef=N -GPSLongitude=13.4105 -GPSLongitudeRef=E "$file.tmp.jpg" || return 1
  mv "$file.tmp.jpg" "$file"
}

# A reference downscale of the upright photo to exactly WxH: Lanczos in linear light.
reference() { # photo WxH -> path
  local ref=$photos/$(basename "$1" .jpg)-ref-$2.png
  [ -f "$ref" ] || "$convert" "$1" -auto-orient -colorspace RGB -filter Lanczos -distort Resize "$2!" -colorspace sRGB "$ref" || return 1
  echo "$ref"
}

ssim() { # a b: mean SSIM of the luma, 7x7 windows (as scikit-image's default), 8-bit constants
  /usr/bin/python3 - "$1" "$2" <<'PY'
import sys
import numpy as np
from PIL import Image
def luma(path):
    return np.asarray(Image.open(path).convert("RGB").convert("L"), dtype=np.float64)
def box(a, n=7):
    c = np.cumsum(np.cumsum(np.pad(a, ((1, 0), (1, 0))), 0), 1)
    return (c[n:, n:] - c[:-n, n:] - c[n:, :-n] + c[:-n, :-n]) / (n * n)
x, y = luma(sys.argv[1]), luma(sys.argv[2])
c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
mx, my = box(x), box(y)
vx, vy, cxy = box(x * x) - mx * mx, box(y * y) - my * my, box(x * y) - mx * my
n = 49 / 48  # sample (co)variances, as scikit-image
s = ((2 * mx * my + c1) * (2 * cxy * n + c2)) / ((mx * mx + my * my + c1) * ((vx + vy) * n + c2))
print(f"{s.mean():.4f}")
PY
}

mkdir -p "$photos"
sizes=(12 48)
declare -A dims=([12]=4032x3024 [48]=8000x6000)
for mp in "${sizes[@]}"; do
  photo=$photos/camera-${mp}mp.jpg
  if [ ! -f "$photo" ]; then
    echo "making $photo ..." >&2
    make_photo "${dims[$mp]%x*}" "${dims[$mp]#*x}" "$photo" || { echo "fit-photo.sh: could not make $photo" >&2; exit 1; }
  fi
done

tools=(skinlite vipsthumbnail convert)
run_tool() { # tool photo out: runs it under /usr/bin/time; prints "<wall ms> <peak RSS KB>"
  local tool=$1 photo=$2 out=$3 start end
  local -a cmd
  case "$tool" in
    skinlite) cmd=("$native" fit "$photo" "$out") ;;
    vipsthumbnail) cmd=(vipsthumbnail "$photo" -s 2048 -o "$out[Q=90,strip]") ;;
    convert) cmd=("$convert" "$photo" -auto-orient -resize '2048x2048>' -strip -quality 90 "$out") ;;
  esac
  start=$EPOCHREALTIME
  /usr/bin/time -f %M -o "$work/rss" "${cmd[@]}" >/dev/null 2>"$work/err" || { echo "fit-photo.sh: '${cmd[*]}' failed: $(cat "$work/err")" >&2; return 1; }
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" -v k="$(tail -1 "$work/rss")" 'BEGIN { printf "%.3f %d\n", (e - s) * 1000, k }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.0f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

status=0
echo "## fitting a phone photo ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, median of $runs interleaved rounds)"
for mp in "${sizes[@]}"; do
  photo=$photos/camera-${mp}mp.jpg
  declare -A wall=() rss=()
  for tool in "${tools[@]}"; do
    run_tool "$tool" "$photo" "$work/$tool.jpg" >/dev/null || exit 1 # warm-up: disk cache, and the output for the quality columns
    wall[$tool]=""
    rss[$tool]=0
  done
  for round in $(seq "$runs"); do
    # Interleaved, and the order turns each round, so no tool always runs first after a pause.
    for i in 0 1 2; do
      tool=${tools[$(((round + i) % 3))]}
      read -r ms kb < <(run_tool "$tool" "$photo" "$work/$tool.jpg") || exit 1
      [ -n "${ms:-}" ] || exit 1
      wall[$tool]+="$ms"$'\n'
      [ "$kb" -gt "${rss[$tool]}" ] && rss[$tool]=$kb
    done
  done
  declare -A med=()
  for tool in "${tools[@]}"; do med[$tool]=$(printf '%s' "${wall[$tool]}" | median); done

  echo
  echo "### ${mp} MP: ${dims[$mp]} stored, orientation 6, $(stat -c %s "$photo") bytes"
  echo
  echo "| tool | median ms | vs ImageMagick | vs vipsthumbnail | peak RSS | output | output bytes | PSNR | SSIM | EXIF/GPS left | upright |"
  echo "|---|---:|---:|---:|---:|---|---:|---:|---:|---|---|"
  for tool in "${tools[@]}"; do
    out=$work/$tool.jpg
    size=$("$identify" -format '%wx%h' "$out")
    ref=$(reference "$photo" "$size") || exit 1
    psnr=$("$compare" -metric PSNR "$out" "$ref" null: 2>&1 | awk '{ printf "%.2f", $1 }')
    s=$(ssim "$out" "$ref") || exit 1
    left=$(exiftool -q -exif:all -gps:all -a -s "$out" | wc -l)
    w=${size%x*}; h=${size#*x}
    upright=no
    [ "$h" -gt "$w" ] && awk -v p="$psnr" 'BEGIN { exit !(p > 25) }' && upright=yes
    [ "$left" = 0 ] && left=none || { left="$left tags"; status=1; }
    [ "$upright" = yes ] || status=1
    awk -v t="$tool" -v m="${med[$tool]}" -v im="${med[convert]}" -v vi="${med[vipsthumbnail]}" -v k="${rss[$tool]}" \
      -v sz="$size" -v b="$(stat -c %s "$out")" -v p="$psnr" -v s="$s" -v l="$left" -v u="$upright" \
      'BEGIN { printf "| %s | %d ms | %.2fx | %.2fx | %.0f MB | %s | %d | %s dB | %s | %s | %s |\n", t, m, m / im, m / vi, k / 1024, sz, b, p, s, l, u }'
  done
  unset wall rss med
done

echo
echo "### the managed library in process (ImageFitter.Fit, 10 fits of the same file in one process)"
echo
echo "| photo | fits | median per fit | peak working set before the first fit | peak working set after | added by fitting | report |"
echo "|---|---:|---:|---:|---:|---:|---|"
for mp in "${sizes[@]}"; do
  dotnet "$harness" fit "$photos/camera-${mp}mp.jpg" 10 || status=1
done
exit $status
