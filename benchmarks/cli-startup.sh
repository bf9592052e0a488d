#!/usr/bin/env bash
# Group "native CLI" of docs/performance.md: the size of the native `skinlite` binary and the median wall time of
# `skinlite --version` and `skinlite show <recorded success>`, native against the JIT build run as `dotnet SkinLite.Cli.dll`.
#
#   benchmarks/cli-startup.sh [--runs N] [--no-publish]
#
# Uses artifacts/cli/skinlite (where .ci/run publishes it); publishes it once when missing unless --no-publish.
# The recorded success is read from ../shared/fixtures/recorded beside the clone (or $SKINLITE_RECORDED).
# Prints a Markdown table; exits 2 when the fixture is missing, 1 when a command fails.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=25
publish=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --no-publish) publish=0; shift ;;
    *) echo "cli-startup.sh: unknown argument '$1' (expected --runs N or --no-publish)" >&2; exit 2 ;;
  esac
done
[ "$runs" -ge 20 ] 2>/dev/null || { echo "cli-startup.sh: --runs must be a number >= 20, not '$runs'" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

project=src/SkinLite.Cli
native=$root/artifacts/cli/skinlite
managed=$root/$project/bin/Release/net10.0/SkinLite.Cli.dll
recorded=${SKINLITE_RECORDED:-$root/../shared/fixtures/recorded}
document=$recorded/transformation-success.json

[ -f "$document" ] || { echo "cli-startup.sh: no recorded success at $document (set SKINLITE_RECORDED)" >&2; exit 2; }

if [ ! -x "$native" ]; then
  [ "$publish" = 1 ] || { echo "cli-startup.sh: $native is missing and --no-publish was given" >&2; exit 2; }
  echo "publishing the native CLI (once; the same command as .ci/run) ..." >&2
  dotnet publish "$project" -c Release -r linux-x64 -o artifacts/cli -nologo >/dev/null || { echo "cli-startup.sh: native publish failed" >&2; exit 1; }
fi
if [ ! -f "$managed" ]; then
  dotnet build "$project" -c Release -nologo >/dev/null || { echo "cli-startup.sh: managed build failed" >&2; exit 1; }
fi

# Median wall time in milliseconds of "$@" over $runs runs (one unrecorded warm-up run first: disk cache).
median_ms() {
  "$@" >/dev/null 2>&1 || { echo "cli-startup.sh: '$*' failed" >&2; return 1; }
  local samples=() start end
  for _ in $(seq "$runs"); do
    start=$EPOCHREALTIME
    "$@" >/dev/null 2>&1
    end=$EPOCHREALTIME
    samples+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) * 1000 }')")
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }

nv=$(median_ms "$native" --version) || exit 1
mv=$(median_ms dotnet "$managed" --version) || exit 1
ns=$(median_ms "$native" show "$document") || exit 1
ms=$(median_ms dotnet "$managed" show "$document") || exit 1

echo "## native CLI ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, median of $runs runs)"
echo
echo "| measure | native | dotnet SkinLite.Cli.dll | native speed-up | target |"
echo "|---|---:|---:|---:|---|"
echo "| binary size | $(mb "$native") | - | - | <= 16 MB with the emulator server inside |"
echo "| \`--version\` | $nv ms | $mv ms | $(ratio "$mv" "$nv") | native <= 15 ms, >= 10x faster |"
echo "| \`show <recorded success>\` | $ns ms | $ms ms | $(ratio "$ms" "$ns") | native <= 20 ms, >= 10x faster |"
# What each part costs is in docs/performance.md, from native builds of the AOT gate with and without the emulator server.
