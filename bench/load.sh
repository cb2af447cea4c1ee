#!/usr/bin/env bash
# Load benchmark, one command: builds the jar if needed, starts dynalite, a local token issuer and the
# packaged jar in the prod profile, seeds USERS users, warms the JVM up, then drives wrk on loopback at
# GET /api/profile, PATCH /api/profile (fresh If-Match), one address page and the export, plus dynalite's
# raw GetItem (the ceiling) and a plain Quarkus service doing only OIDC and one GetItem (bench/plain).
# Per target: req/s, p50, p99, non-2xx, CPU µs per request (from /proc/<pid>/stat) and RSS.
# Ends with a JFR recording of GET /api/profile and its hot methods, under target/bench/.
# Everything it starts is stopped on exit, failure or Ctrl-C included.
#
#   bench/load.sh                  # about 6 minutes
#   BEFORE=main bench/load.sh      # also builds that git ref and measures it side by side ("before")
#   bench/load.sh --smoke          # about 5 s of load, 1 s per target: the CI check that the script works
#   VARIANTS='nocache=-Dprofile.token-cache.max-size=0;other=-Dx=y' bench/load.sh
#                                  # also this jar with other JVM options, side by side: one lever at a time
#                                  # (name=@path/to/quarkus-run.jar [options] runs another build,
#                                  # name=--java=/path/to/bin/java [options] another JDK)
# Environment: DURATION (30s), WARMUP (20s), CONNECTIONS (32), USERS (50), JAVA_OPTS (-XX:+UseParallelGC -Xmx256m, as the image), ONLY_GET (0),
#   PLAIN (1: build and measure bench/plain; 0: skip), JFR_SECONDS (20), BEFORE (a git ref; unset: none),
#   ROUNDS (1: each target is measured ROUNDS times per service, in turns, and the rounds are pooled),
#   ONLY (unset: every target; addresses: only the targets whose label contains "addresses"),
#   PACE_MS (unset: every connection sends its next request as soon as it has the answer; N: it waits N ms first,
#   so the services are compared at about the same rate instead of each at its own saturation).
# Services run side by side and each target is measured on each in turn, so that a machine shared
# with other work loads them alike: compare the ratios, and read the load average printed with them.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

SMOKE=0
if [[ "${1:-}" == "--smoke" ]]; then
  # about 5 s of load in all: 1 s of warm-up, 1 s per target, no plain service, no before, no variants
  SMOKE=1 DURATION=1s WARMUP=1s JFR_SECONDS=1 PLAIN=0 BEFORE= VARIANTS= ROUNDS=1
fi
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-20s}"
CONNECTIONS="${CONNECTIONS:-32}"
JFR_SECONDS="${JFR_SECONDS:-20}"
ROUNDS="${ROUNDS:-1}"
PLAIN="${PLAIN:-1}"
BEFORE="${BEFORE:-}"

check_tools
mkdir -p "$OUT"
trap stop_all EXIT
trap 'exit 130' INT TERM

build_if_needed
NAMES=(after)
JARS=(target/quarkus-app/quarkus-run.jar)
OPTIONS=("")
if [[ -n "$BEFORE" ]]; then
  NAMES+=(before)
  JARS+=("$(build_ref "$BEFORE")")
  OPTIONS+=("")
fi
IFS=';' read -r -a variants <<<"${VARIANTS:-}"
for variant in "${variants[@]}"; do
  NAMES+=("${variant%%=*}")
  options="${variant#*=}"
  if [[ "$options" == @* ]]; then # name=@other/quarkus-run.jar [options]: another build
    jar="${options%% *}"
    JARS+=("${jar#@}")
    [[ "$options" == *" "* ]] && options="${options#* }" || options=""
  else
    JARS+=(target/quarkus-app/quarkus-run.jar)
  fi
  OPTIONS+=("$options")
done
if [[ "$PLAIN" == 1 ]]; then
  build_plain
  NAMES+=(plain)
  JARS+=(bench/plain/target/quarkus-app/quarkus-run.jar)
  OPTIONS+=("")
fi

TICK_US=$((1000000 / $(getconf CLK_TCK)))
RESULTS="$OUT/results.md"
FAILED=0

LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== load average at start: $LOAD_AT_START  ($(nproc) cores)"
start_dynalite
start_issuer
service_env
declare -A PID PORT
for i in "${!NAMES[@]}"; do
  name="${NAMES[$i]}"
  # shellcheck disable=SC2086
  start_service "$name" "${JARS[$i]}" ${OPTIONS[$i]}
  PID[$name]=$SERVICE_PID
  PORT[$name]=$SERVICE_PORT
  echo "== $name started in ${SERVICE_STARTED_S} s (launch to /q/health/started), RSS $(rss_mb "$SERVICE_PID") MB;" \
    "Quarkus says: $(grep -o 'started in [0-9.]*s' "$OUT/$name.log" | head -1)"
done
seed "${PORT[after]}"

# measure LABEL PID URL SCRIPT [args]: one wrk run, with the CPU the process PID spent during it, added to
# LABEL's totals; report LABEL prints them: req/s and CPU over all rounds, median p50 and p99 of the rounds.
declare -A REQS SECS TICKS P50S P99S FAILS
LABELS=()
measure() {
  local label="$1" pid="$2" url="$3" script="$4"
  shift 4
  local before after result
  before=$(cpu_ticks "$pid")
  result=$(wrk_run "$label" "$DURATION" "$CONNECTIONS" "$url" "$script" "$@")
  after=$(cpu_ticks "$pid")
  [[ -n "${REQS[$label]+set}" ]] || LABELS+=("$label")
  REQS[$label]=$(( ${REQS[$label]:-0} + $(result_field requests "$result") ))
  SECS[$label]=$(awk -v a="${SECS[$label]:-0}" -v b="$(result_field seconds "$result")" 'BEGIN { print a + b }')
  TICKS[$label]=$(( ${TICKS[$label]:-0} + after - before ))
  P50S[$label]="${P50S[$label]:-} $(result_field p50_ms "$result")"
  P99S[$label]="${P99S[$label]:-} $(result_field p99_ms "$result")"
  FAILS[$label]=$(( ${FAILS[$label]:-0} + $(result_field non2xx "$result") ))
  RSS_NOW=$(rss_mb "$pid")
}
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
report() {
  local label="$1" requests="${REQS[$1]}" rps cpu="-"
  rps=$(awk -v r="$requests" -v s="${SECS[$label]}" 'BEGIN { printf "%.1f", (s > 0 ? r / s : 0) }')
  if [[ "$requests" -gt 0 ]]; then
    cpu=$(( TICKS[$label] * TICK_US / requests ))
  fi
  printf '| %-44s | %9s | %8s | %8s | %7s | %6s | %6s |\n' "$label" "$rps" "$(median "${P50S[$label]}")" \
    "$(median "${P99S[$label]}")" "${FAILS[$label]}" "$cpu" "$2" | tee -a "$RESULTS"
  if [[ "$requests" -eq 0 || "${FAILS[$label]}" != 0 ]]; then
    FAILED=1
  fi
}

# The targets, as "label|path|script|script argument"; the plain service has its own one path.
TARGETS=("GET /api/profile|/api/profile|get.lua|/api/profile"
  "PATCH /api/profile|/api/profile|profile.lua|patch"
  "GET /api/profile/addresses?limit=20|/api/profile/addresses|get.lua|/api/profile/addresses?limit=20"
  "GET /api/profile/export|/api/profile/export|get.lua|/api/profile/export")
if [[ "${ONLY_GET:-0}" == 1 ]]; then
  TARGETS=("${TARGETS[0]}")
fi
if [[ -n "${ONLY:-}" ]]; then # ONLY=addresses: the targets whose label contains it
  for i in "${!TARGETS[@]}"; do
    [[ "${TARGETS[$i]%%|*}" == *"$ONLY"* ]] || unset 'TARGETS[i]'
  done
  TARGETS=("${TARGETS[@]}")
  [[ ${#TARGETS[@]} -gt 0 ]] || { echo "no target's label contains '$ONLY'" >&2; exit 2; }
fi
base() { echo "http://127.0.0.1:${PORT[$1]}"; }

echo "== warm-up: $WARMUP of GET /api/profile per service, a quarter of it on each other target"
QUARTER="$(( ${WARMUP%s} / 4 > 0 ? ${WARMUP%s} / 4 : 1 ))s"
for name in "${NAMES[@]}"; do
  if [[ "$name" == plain ]]; then
    wrk_run "warmup-$name" "$WARMUP" "$CONNECTIONS" "$(base plain)" bench/wrk/get.lua /plain/profile >/dev/null
    continue
  fi
  for t in "${TARGETS[@]}"; do
    IFS='|' read -r label _ script arg <<<"$t"
    [[ "$label" == "GET /api/profile" ]] && length="$WARMUP" || length="$QUARTER"
    [[ "$label" == "GET /api/profile" || "$SMOKE" == 0 ]] || continue
    wrk_run "warmup-$name-$label" "$length" "$CONNECTIONS" "$(base "$name")" "bench/wrk/$script" "$arg" >/dev/null
  done
done
if [[ "$SMOKE" == 0 ]]; then
  wrk_run warmup-dynalite "$QUARTER" "$CONNECTIONS" "http://127.0.0.1:$DYNALITE_PORT/" bench/wrk/dynalite.lua >/dev/null
fi

echo "== measuring: $ROUNDS round(s) of $DURATION per target and service, services taking turns"
declare -A RSS_OF
for round in $(seq 1 "$ROUNDS"); do
  for t in "${TARGETS[@]}"; do
    IFS='|' read -r label _ script arg <<<"$t"
    for name in "${NAMES[@]}"; do
      [[ "$name" == plain ]] && continue
      measure "$label ($name)" "${PID[$name]}" "$(base "$name")" "bench/wrk/$script" "$arg"
      RSS_OF["$label ($name)"]=$RSS_NOW
    done
    if [[ "$label" == "GET /api/profile" && -n "${PID[plain]:-}" ]]; then
      measure "plain Quarkus: OIDC + one GetItem" "${PID[plain]}" "$(base plain)" bench/wrk/get.lua /plain/profile
      RSS_OF["plain Quarkus: OIDC + one GetItem"]=$RSS_NOW
    fi
  done
  measure "dynalite GetItem, raw (dynalite's CPU)" "$DYNALITE_PID" "http://127.0.0.1:$DYNALITE_PORT/" bench/wrk/dynalite.lua
  RSS_OF["dynalite GetItem, raw (dynalite's CPU)"]=$RSS_NOW
done
{
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (at start: $LOAD_AT_START);" \
    "$CONNECTIONS connections, 2 wrk threads, $ROUNDS x $DURATION per target, $USERS users, JAVA_OPTS=$JAVA_OPTS"
  echo
  printf '| %-44s | %9s | %8s | %8s | %7s | %6s | %6s |\n' target req/s "p50 ms" "p99 ms" non-2xx "CPU µs" "RSS MB"
  echo "|---|---|---|---|---|---|---|"
} | tee "$RESULTS"
for label in "${LABELS[@]}"; do
  report "$label" "${RSS_OF[$label]}"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"

JFR_TOOL="${JFR_TOOL:-$JAVA25_HOME/bin/jfr}"
[[ -x "$JFR_TOOL" ]] || JFR_TOOL=jfr
for name in "${NAMES[@]}"; do
  [[ "$name" == after || "$name" == before ]] || continue
  echo "== JFR of $name: ${JFR_SECONDS}s of GET /api/profile"
  jfr_file="$PWD/$OUT/$name.jfr"
  jcmd_of "${PID[$name]}" JFR.start name=bench settings=profile filename="$jfr_file" >/dev/null
  wrk_run "jfr-$name" "${JFR_SECONDS}s" "$CONNECTIONS" "$(base "$name")" bench/wrk/get.lua /api/profile >/dev/null
  jcmd_of "${PID[$name]}" JFR.stop name=bench >/dev/null
  if "$JFR_TOOL" view --width 160 hot-methods "$jfr_file" >"$OUT/hot-methods-$name.txt" 2>&1; then
    echo "   $jfr_file; hot methods in $OUT/hot-methods-$name.txt"
  else
    echo "   $jfr_file ('jfr view' needs JDK 21+: set JFR_TOOL to its jfr)"
  fi
  "$JFR_TOOL" print --stack-depth 64 --events jdk.ExecutionSample "$jfr_file" | awk -f bench/jfr-parts.awk \
    >"$OUT/parts-$name.txt" || true
  sed 's/^/   /' "$OUT/parts-$name.txt"
done

echo "== results in $RESULTS"
if [[ "$FAILED" != 0 ]]; then
  echo "FAILED: a target answered non-2xx or not at all (see $OUT/wrk-*.txt and $OUT/*.log)" >&2
  exit 1
fi
