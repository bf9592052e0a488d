#!/usr/bin/env bash
# The samples under samples/, as CI proves them: the README's snippets are the samples' code (no drift), every sample
# builds, ConsoleAot and WebApiAot publish natively without a trim/AOT warning, and each runs to its expected answer,
# offline or against an emulator on 127.0.0.1 (no traffic goes anywhere else). Logs in artifacts/ci/samples-*.log,
# binaries in artifacts/samples/. The last line is `samples: N passed, N failed`; the exit code is 0 when none failed.
#
# Snippet check: a README line `<!-- snippet: samples/X/File -->` must be followed by a fenced block whose lines equal
# the file's lines between `// <snippet>` and `// </snippet>`, dedented (the whole file when it has no markers).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
logs=$root/artifacts/ci
out=$root/artifacts/samples
mkdir -p "$logs" "$out"
passed=0 failed=0
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done; }
trap cleanup EXIT

ok() { echo "ok: $*"; passed=$((passed + 1)); }
bad() { echo "FAILED: $*" >&2; failed=$((failed + 1)); }
step() { echo; echo "== $*"; }
seconds() { echo $(( $(date +%s) - start )); }
start=$(date +%s)

step "README snippets equal the samples' code"
# The snippets the README must carry, each checked below; any other snippet marker in the README is checked too.
required="samples/ConsoleAot/Program.cs samples/WebApiAot/Program.cs samples/WebApiAot/appsettings.json samples/OfflineEmulator/Program.cs"
readme_block() { # the fenced block after the marker line of $1 (status 1 when there is no such marker or fence)
  awk -v want="<!-- snippet: $1 -->" '
    $0 == want { state = 1; next }
    state == 1 { if ($0 ~ /^```/) { state = 2; next } else exit 1 }
    state == 2 { if ($0 ~ /^```[ \t]*$/) { state = 3; exit } print }
    END { exit state == 3 ? 0 : 1 }' README.md
}
file_region() { # the lines between // <snippet> and // </snippet>, dedented (a region may sit inside a method), or the whole file without markers
  if grep -q '^// <snippet>$' "$1"; then
    awk '/^\/\/ <\/snippet>$/ { inside = 0 } inside { print } /^\/\/ <snippet>$/ { inside = 1 }' "$1" | dedent
  else
    cat "$1"
  fi
}

dedent() { # removes the indentation every non-empty line shares
  awk '{ lines[NR] = $0; if ($0 ~ /[^ ]/) { match($0, /^ */); if (min == "" || RLENGTH < min) min = RLENGTH } }
       END { for (i = 1; i <= NR; i++) print substr(lines[i], min + 1) }'
}
marked=$(grep -oE '^<!-- snippet: [^ ]+ -->$' README.md | sed -E 's/^<!-- snippet: (.*) -->$/\1/' | sort -u)
for path in $(printf '%s\n' $required $marked | sort -u); do
  if [ ! -f "$path" ]; then bad "README snippet names $path, which does not exist"; continue; fi
  if ! block=$(readme_block "$path"); then bad "README has no fenced snippet marked <!-- snippet: $path -->"; continue; fi
  if [ -z "$block" ]; then bad "README snippet of $path is empty"; continue; fi
  if diff -u --label "README.md ($path)" --label "$path" <(printf '%s\n' "$block") <(file_region "$path") >"$logs/samples-snippet.diff"; then
    ok "README snippet = $path ($(printf '%s\n' "$block" | wc -l) lines)"
  else
    cat "$logs/samples-snippet.diff"; bad "README snippet of $path differs from the file (diff above): copy the file's region into the README"
  fi
done

step "build the samples (Release, warnings are errors)"
for project in ConsoleAot WebApiAot OfflineEmulator; do
  if dotnet build "samples/$project" -c Release >"$logs/samples-build-$project.log" 2>&1; then
    ok "build samples/$project"
  else
    tail -n 20 "$logs/samples-build-$project.log"; bad "build samples/$project"
  fi
done

publish() { # native publish of samples/$1 into artifacts/samples/$1; no trim/AOT warning allowed
  local t0=$(date +%s)
  dotnet publish "samples/$1" -c Release -r linux-x64 -o "$out/$1" >"$logs/samples-publish-$1.log" 2>&1
  local rc=$?
  if [ "$rc" != 0 ] || grep -E " (warning|error) [A-Z]+[0-9]+" "$logs/samples-publish-$1.log"; then
    tail -n 20 "$logs/samples-publish-$1.log"; bad "native publish of samples/$1 failed or warned (exit code $rc)"; return 1
  fi
  ok "native publish of samples/$1 in $(( $(date +%s) - t0 )) s: $(stat -c %s "$out/$1/$1") bytes"
}

free_port() { # a port nobody listens on, on 127.0.0.1
  local port
  for _ in $(seq 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}
wait_http() { # until http://127.0.0.1:$1/ answers anything, for up to 30 s
  for _ in $(seq 150); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/")" != 000 ] && return 0
    sleep 0.2
  done
  return 1
}

step "ConsoleAot: native, offline (no SKINLITE_ACCESS_KEY: the in-process emulator)"
if publish ConsoleAot; then
  if env -u SKINLITE_ACCESS_KEY -u SKINLITE_APP_ID timeout 60 "$out/ConsoleAot/ConsoleAot" >"$logs/samples-console.log" 2>&1 \
    && grep -qE "^score [0-9]+, .*\(emulated\)$" "$logs/samples-console.log"; then
    ok "ConsoleAot printed: $(grep -E '^score' "$logs/samples-console.log")"
  else
    cat "$logs/samples-console.log"; bad "ConsoleAot did not print an emulated score"
  fi
fi

step "WebApiAot: native, against skinlite emulator on 127.0.0.1"
cli=$root/artifacts/cli/skinlite
if [ ! -x "$cli" ]; then
  dotnet publish src/SkinLite.Cli -c Release -r linux-x64 -o artifacts/cli >"$logs/samples-cli-publish.log" 2>&1 || { tail -n 20 "$logs/samples-cli-publish.log"; bad "publish skinlite"; }
fi
if publish WebApiAot && [ -x "$cli" ]; then
  emu_port=$(free_port)
  "$cli" emulator --port "$emu_port" --processing-time 1s >"$logs/samples-emulator.log" 2>&1 &
  pids+=($!)
  if ! wait_http "$emu_port"; then
    cat "$logs/samples-emulator.log"; bad "skinlite emulator did not start on 127.0.0.1:$emu_port"
  else
    web_port=$(free_port)
    (cd "$out/WebApiAot" && ASPNETCORE_URLS="http://127.0.0.1:$web_port" SkinLite__BaseAddress="http://127.0.0.1:$emu_port" exec ./WebApiAot) >"$logs/samples-webapi.log" 2>&1 &
    web_pid=$!; pids+=($web_pid)
    if ! wait_http "$web_port"; then
      cat "$logs/samples-webapi.log"; bad "WebApiAot did not start on 127.0.0.1:$web_port"
    else
      answer=$(curl -s --max-time 60 -w '\n%{http_code}' -H 'Content-Type: image/png' --data-binary @samples/face.png "http://127.0.0.1:$web_port/analyze")
      body=$(printf '%s\n' "$answer" | head -n -1); code=$(printf '%s\n' "$answer" | tail -n 1)
      echo "POST /analyze -> $code $body"
      if [ "$code" = 200 ] && printf '%s' "$body" | grep -qE '"outcome":"succeeded","score":[0-9]+,.*"emulated":true'; then
        ok "WebApiAot POST /analyze answered a score"
      else
        cat "$logs/samples-webapi.log"; bad "WebApiAot POST /analyze answered $code: $body"
      fi
      phone=tests/SkinLite.Imaging.Tests/Fixtures/orientation-6.jpg   # rotated, with GPS: fitted before it is sent
      fitted=$(curl -s --max-time 60 -w '\n%{http_code}' -H 'Content-Type: image/jpeg' --data-binary @"$phone" "http://127.0.0.1:$web_port/analyze")
      if [ "$(printf '%s\n' "$fitted" | tail -n 1)" = 200 ] && printf '%s' "$fitted" | grep -qE '"outcome":"succeeded","score":[0-9]+'; then
        ok "WebApiAot fitted a rotated phone JPEG with GPS and answered a score"
      else
        cat "$logs/samples-webapi.log"; bad "WebApiAot POST /analyze of $phone answered: $fitted"
      fi
      rejected=$(curl -s --max-time 30 -o /dev/null -w '%{http_code}' --data-binary 'not an image' "http://127.0.0.1:$web_port/analyze")
      if [ "$rejected" = 422 ]; then ok "WebApiAot refuses a non-image with 422"; else bad "WebApiAot answered $rejected to a non-image, not 422"; fi
    fi
  fi
  cleanup; pids=()
fi

step "OfflineEmulator: the README's offline example rides through the injected faults"
if timeout 120 dotnet "samples/OfflineEmulator/bin/Release/net10.0/OfflineEmulator.dll" >"$logs/samples-offline.log" 2>&1 \
  && grep -qE "^Succeeded after 5 injected faults: score [0-9]+ \(emulated: True\)$" "$logs/samples-offline.log"; then
  cat "$logs/samples-offline.log"; ok "OfflineEmulator completed"
else
  cat "$logs/samples-offline.log"; bad "OfflineEmulator did not complete through its faults"
fi

echo
echo "samples: $passed passed, $failed failed ($(seconds) s)"
[ "$failed" = 0 ]
