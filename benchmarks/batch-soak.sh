#!/usr/bin/env bash
# The batch soak: `skinlite batch` over N images against the emulator server on 127.0.0.1 with about a third of all
# requests faulted (429s, 500/502/503, dropped connections, truncated and malformed bodies, slow answers) plus a submit
# rate limit, SIGKILLed K times at random (seeded) moments and resumed until every image is settled. Prints the
# figures of docs/reliability.md: images with a final outcome, lost (must be 0), submitted more than once (must be 0,
# from the emulator's counters), uncertain (each in flight at a kill or a submit whose answer was lost), unhandled
# exceptions (0), wall time and peak memory.
#
#   benchmarks/batch-soak.sh                  1,000 images, 3 kills, seed 14 (about 5 minutes after the publish)
#   benchmarks/batch-soak.sh 200 1 7          images, kills, seed
#
# It runs the CLI tests' BatchKillTests with SKINLITE_SOAK set (CI runs the same test with 200 images and one kill),
# so the native binary is published first, as for every CLI test.
set -euo pipefail
cd "$(dirname "$0")/.."
images=${1:-1000}
kills=${2:-3}
seed=${3:-14}
report=$(mktemp)
SKINLITE_SOAK="$images,$kills,$seed" SKINLITE_SOAK_REPORT="$report" \
  dotnet test tests/SkinLite.Cli.Tests -c Release --filter 'FullyQualifiedName~BatchKillTests' --logger 'console;verbosity=minimal'
cat "$report"
rm -f "$report"
