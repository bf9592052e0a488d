#!/usr/bin/env bash
# Adds every public symbol missing from PublicAPI.Unshipped.txt (the RS0016 code fix), for a project given as $1.
# Review the diff: a line you did not mean to add is an accidental public type.
set -euo pipefail
project=${1:-src/SkinLite/SkinLite.csproj}
dotnet format analyzers "$project" --diagnostics RS0016 --severity info
