#!/usr/bin/env bash
# Packs every package and the skinlite tool into artifacts/packages, checks what each package says about itself, then
# installs the tool from that folder into a temporary tool path, as a user would, and runs the README's main job with
# it. Run from anywhere: `bash eng/ci-packages.sh`. Exits non-zero on the first problem, naming it.
#
# Checked for each package: the version is the repository's one version (VersionPrefix in Directory.Build.props), the
# licence is the MIT expression, the readme is named and packed, and description, tags and authors are filled in.
# The six libraries also need their .snupkg beside them. The installed skinlite must be the native executable: an ELF
# file, with no managed SkinLite.Cli.dll beside it and no mention of libhostfxr (the .NET host library that a dotnet
# apphost loads; a Native AOT executable never does).
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Deterministic, CI-flavoured builds (ContinuousIntegrationBuild) for what is packed, whoever runs this. When the caller
# had CI=true already (.ci/run does), its builds were made that way and are packed as they are; otherwise what is packed
# is rebuilt first, since MSBuild does not notice a changed property and would pack the earlier build, with this
# machine's paths in its symbols.
caller_ci=${CI:-}
export CI=true

out=artifacts/packages
logs=artifacts/ci
mkdir -p "$logs"
log=$logs/packages.log
: >"$log"
fail() { echo "ci-packages: $*" >&2; exit 1; }
started=$(date +%s)

version=$(dotnet msbuild src/SkinLite/SkinLite.csproj -getProperty:Version 2>>"$log")
cli_version=$(dotnet msbuild src/SkinLite.Cli/SkinLite.Cli.csproj -getProperty:Version 2>>"$log")
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]] || fail "could not read the version (got '$version'; see $log)"
[ "$cli_version" = "$version" ] || fail "the CLI's version $cli_version is not the packages' version $version"
echo "version $version"

[ "$caller_ci" = true ] || for project in src/SkinLite.Cli src/SkinLite.DependencyInjection; do
  echo "dotnet build $project --no-incremental" >>"$log"
  dotnet build "$project" -c Release --no-incremental >>"$log" 2>&1 || { tail -n 20 "$log"; fail "dotnet build $project failed (see $log)"; }
done
rm -rf "$out"
pack() {
  echo "dotnet pack $*" >>"$log"
  dotnet pack "$@" -c Release -o "$out" >>"$log" 2>&1 || { tail -n 20 "$log"; fail "dotnet pack $* failed (see $log)"; }
}
pack SkinLite.sln                           # the six libraries and the tool's RID-independent package
pack src/SkinLite.Cli -r linux-x64          # the tool's native package
pack src/SkinLite.Cli -r any                # the tool's framework-dependent fallback
if grep -E " warning [A-Z]+[0-9]+" "$log"; then fail "packing warned (see $log)"; fi

libraries=(SkinLite SkinLite.DependencyInjection SkinLite.Imaging SkinLite.Reports SkinLite.Emulator SkinLite.Emulator.Server)
tools=(SkinLite.Cli SkinLite.Cli.linux-x64 SkinLite.Cli.any)
field() { grep -oE "<$1[^>]*>[^<]+</$1>" <<<"$2" | sed -E 's/<[^>]*>//g'; }
for id in "${libraries[@]}" "${tools[@]}"; do
  nupkg=$out/$id.$version.nupkg
  [ -f "$nupkg" ] || fail "$nupkg is missing"
  nuspec=$(unzip -p "$nupkg" "$id.nuspec") || fail "$nupkg has no $id.nuspec"
  [ "$(field version "$nuspec")" = "$version" ] || fail "$id: version '$(field version "$nuspec")', expected $version"
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "$id: no MIT licence expression"
  readme=$(field readme "$nuspec")
  [ -n "$readme" ] || fail "$id: no readme named"
  unzip -l "$nupkg" "$readme" >/dev/null 2>&1 || fail "$id: names readme $readme but does not hold it"
  for f in description tags authors; do
    [ -n "$(field "$f" "$nuspec")" ] || fail "$id: no $f"
  done
  if [[ " ${libraries[*]} " == *" $id "* ]]; then
    [ -f "$out/$id.$version.snupkg" ] || fail "$id: no symbol package $id.$version.snupkg"
  fi
  printf '  %-48s %9d bytes  ok\n' "$(basename "$nupkg")" "$(stat -c %s "$nupkg")"
done
for s in "$out"/*.snupkg; do printf '  %-48s %9d bytes\n' "$(basename "$s")" "$(stat -c %s "$s")"; done

# Install as a user would, from the folder alone (--add-source: the configured feeds stay usable), into a throwaway
# tool path and package cache, so that no earlier install or cached 0.1.0 stands in for what was just packed.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
t0=$(date +%s%N)
NUGET_PACKAGES=$tmp/nuget dotnet tool install SkinLite.Cli --tool-path "$tmp/tools" --add-source "$out" \
  --version "$version" >>"$log" 2>&1 || { tail -n 20 "$log"; fail "dotnet tool install SkinLite.Cli failed (see $log)"; }
t1=$(date +%s%N)
echo "dotnet tool install: $(( (t1 - t0) / 1000000 )) ms"

skinlite=$tmp/tools/skinlite
[ -e "$skinlite" ] || fail "the install left no $skinlite"
real=$(readlink -f "$skinlite")
case "$real" in */skinlite.cli.linux-x64/*) ;; *) fail "skinlite comes from $real, not the linux-x64 package";; esac
readelf -h "$real" 2>/dev/null | grep -qE "Type: +DYN" || fail "$real is not a position-independent ELF executable (the default, hardened build)"
if grep -q libhostfxr "$real"; then fail "$real loads libhostfxr: a dotnet apphost, not the native executable"; fi
if ls "$(dirname "$real")"/*.dll >/dev/null 2>&1; then fail "managed assemblies beside $real: not the native tool"; fi
echo "installed skinlite -> ${real#"$tmp"/tools/}: $(stat -c %s "$real") bytes, ELF $(readelf -h "$real" | sed -nE 's/ *Type: +([A-Z]+).*/\1/p'), no libhostfxr, no .dll beside it"

[ "$("$skinlite" --version)" = "$version" ] || fail "installed skinlite --version says '$("$skinlite" --version)', expected $version"
"$skinlite" analyze samples/face.png --save "$tmp/saved" --report --quiet >"$logs/packages-analyze.log" 2>&1 \
  || { cat "$logs/packages-analyze.log"; fail "the installed skinlite analyze samples/face.png --save ... --report --quiet failed"; }
[ -s "$tmp/saved/report.html" ] && [ -s "$tmp/saved/manifest.json" ] || fail "the installed skinlite wrote no report.html / manifest.json with --save --report"
head -n 2 "$logs/packages-analyze.log"
# Fitting loads SkiaSharp's native library, which the native package must carry beside the executable.
[ -f "$(dirname "$real")/libSkiaSharp.so" ] || fail "no libSkiaSharp.so beside $real: the installed skinlite cannot fit images"
fitted=$("$skinlite" fit tests/SkinLite.Imaging.Tests/Fixtures/orientation-6.jpg "$tmp/fitted.jpg" 2>&1) \
  || { echo "$fitted"; fail "the installed skinlite fit failed"; }
grep -q "rotated 90°" <<<"$fitted" || fail "the installed skinlite fit did not report the rotation: $fitted"
echo "installed skinlite fit: ${fitted#*: }"
echo "ci-packages: all packages and the installed tool are right ($(( $(date +%s) - started )) s)"
