#!/usr/bin/env bash
# Soak test, one command: starts dynalite, the local token issuer and the packaged jar in the prod profile
# (as bench/load.sh does), measures the peak rate of the mix, then holds 80 % of it for SOAK_MINUTES:
# 80 % GET /api/profile, 10 % PATCH /api/profile with a fresh If-Match, 10 % an address page, over 50 users.
# Every 10 s of load (then a 1 s pause and a full GC, between samples) it writes a CSV row (req/s, p99, errors,
# RSS, heap after a full GC, open fds, threads, and dynalite's RSS and CPU), draws the CSV with gnuplot, and judges: 0 errors; RSS and post-GC heap within ±10 % between minute 2
# and the last minute; fds and threads flat (within ±5 between the same two minutes).
# Everything it starts is stopped on exit, failure or Ctrl-C included.
#
#   bench/soak.sh                     # 10 minutes; CSV and PNG under target/bench/
#   SOAK_MINUTES=3 bench/soak.sh      # shorter; the windows become the second and the last minute
#   PNG=docs/soak.png bench/soak.sh   # where the plot goes
# Environment: SOAK_MINUTES (10), CONNECTIONS (32), USERS (50), JAVA_OPTS (-XX:+UseParallelGC -Xms256m -Xmx256m),
#   PEAK (req/s; unset: measured).
set -euo pipefail
cd "$(dirname "$0")/.."
# A fixed heap, as a container gets: the full GC between samples would otherwise shrink the heap, and RSS would
# swing with each regrowth instead of showing what the process keeps.
JAVA_OPTS="${JAVA_OPTS:--XX:+UseParallelGC -Xms256m -Xmx256m}"
source bench/lib.sh

SOAK_MINUTES="${SOAK_MINUTES:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
SAMPLE=10
CSV="$OUT/soak.csv"
PNG="${PNG:-$OUT/soak.png}"

check_tools
need gnuplot "apt-get install -y gnuplot-nox"
need jcmd "install a JDK 17 (jcmd)"
mkdir -p "$OUT"
trap stop_all EXIT
trap 'exit 130' INT TERM

build_if_needed
echo "== load average at start: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"
start_dynalite
start_issuer
service_env
# The GC log gives the heap after each collection; rotation is off so the file is the whole run.
JAVA_OPTS="$JAVA_OPTS -Xlog:gc:file=$OUT/soak-gc.log::filecount=0"
start_service soak target/quarkus-app/quarkus-run.jar
PID=$SERVICE_PID
BASE="http://127.0.0.1:$SERVICE_PORT"
seed "$SERVICE_PORT"

echo "== warm-up, then the peak of the mix at $CONNECTIONS connections"
wrk_run soak-warmup 30s "$CONNECTIONS" "$BASE" bench/wrk/profile.lua mix >/dev/null
if [[ -z "${PEAK:-}" ]]; then
  PEAK=$(result_field rps "$(wrk_run soak-peak 20s "$CONNECTIONS" "$BASE" bench/wrk/profile.lua mix)")
fi
TARGET=$(awk -v p="$PEAK" 'BEGIN { printf "%d", p * 0.8 }')
# each connection sends one request every PACE ms: CONNECTIONS / PACE per ms in all
PACE=$(awk -v c="$CONNECTIONS" -v t="$TARGET" 'BEGIN { printf "%d", c * 1000 / t }')
echo "   peak $PEAK req/s; soaking at $TARGET req/s ($CONNECTIONS connections, one request per ${PACE} ms each)" \
  "for $SOAK_MINUTES min"

# The heap a full collection leaves: what is really held. A young collection's figure creeps up with garbage
# promoted to the old generation, which G1 leaves there until a marking cycle far above this heap's use.
# The collection runs between two samples, while wrk is stopped, so it costs the measured latency nothing.
heap_after_full_gc_mb() {
  jcmd_of "$PID" GC.run >/dev/null
  { grep 'Pause Full' "$OUT/soak-gc.log" | grep -o '[0-9]*[MK]->[0-9]*[MK]' || true; } | tail -1 \
    | awk -F'->' '{ v = $2; unit = substr(v, length(v)); sub(/[MK]$/, "", v); print unit == "K" ? int(v / 1024) : v }'
}

# dynalite's own RSS and CPU share ride along: a latency spike with dynalite busy is the engine's, not the service's.
echo "t_s,rps,p99_ms,errors,rss_mb,heap_after_full_gc_mb,fds,threads,dynalite_rss_mb,dynalite_cpu_pct" >"$CSV"
DYNALITE_TICKS=$(cpu_ticks "$DYNALITE_PID")
DYNALITE_AT=$(date +%s%N)
SAMPLES=$((SOAK_MINUTES * 60 / SAMPLE))
START=$(date +%s)
for i in $(seq 1 "$SAMPLES"); do
  # One wrk run per sample, so each row has its own rate, p99 and errors; connections are reopened each time.
  # wrk abandons the requests in flight when a run ends: the pause lets their writes land before the next run
  # reads the users' versions, or its first PATCHes would carry a stale If-Match (a 412 of the client's making).
  sleep 1
  result=$(wrk_run soak-sample "${SAMPLE}s" "$CONNECTIONS" "$BASE" bench/wrk/profile.lua mix "$PACE")
  rps=$(result_field rps "$result")
  p99=$(result_field p99_ms "$result")
  errors=$(result_field non2xx "$result")
  if [[ "${errors:-1}" != 0 ]]; then
    echo "   errors at $(( $(date +%s) - START )) s: $result" >&2
    cp "$OUT/wrk-soak-sample.txt" "$OUT/wrk-soak-errors-$i.txt"
  fi
  fds=$(find "/proc/$PID/fd" -mindepth 1 -maxdepth 1 | wc -l)
  threads=$(awk '/^Threads/ { print $2 }' "/proc/$PID/status")
  ticks=$(cpu_ticks "$DYNALITE_PID")
  now=$(date +%s%N)
  dynalite_cpu=$(awk -v t=$((ticks - DYNALITE_TICKS)) -v hz="$(getconf CLK_TCK)" -v ns=$((now - DYNALITE_AT)) \
    'BEGIN { printf "%.0f", 100 * t / hz / (ns / 1e9) }')
  DYNALITE_TICKS=$ticks
  DYNALITE_AT=$now
  row="$(( $(date +%s) - START )),${rps:-0},${p99:-0},${errors:-1},$(rss_mb "$PID"),$(heap_after_full_gc_mb),$fds,$threads"
  row="$row,$(rss_mb "$DYNALITE_PID"),$dynalite_cpu"
  # wrk's delay() does not count the answer's own latency: re-aim the pace at the target from what was achieved
  PACE=$(awk -v p="$PACE" -v c="$CONNECTIONS" -v t="$TARGET" -v r="${rps:-0}" \
    'BEGIN { if (r > 0) p = p + 1000 * c / t - 1000 * c / r; printf "%d", p < 0 ? 0 : p }')
  echo "$row" >>"$CSV"
  printf '   %s\n' "$row"
done

gnuplot <<EOF
set terminal pngcairo size 1200,900 font ",10"
set output "$PNG"
set datafile separator ","
set key autotitle columnhead top left
set xlabel "seconds"
set grid
set yrange [0:*]
set multiplot layout 2,2 title "bench/soak.sh: $SOAK_MINUTES min aimed at $TARGET req/s (80 % of the $PEAK req/s peak of the mix), $(date -u +%F)"
set title "throughput and errors"
plot "$CSV" using 1:2 with lines lw 2 title "req/s", "" using 1:4 with impulses lw 2 title "errors"
set title "p99 latency (ms)"
set y2range [0:*]
set y2tics
plot "$CSV" using 1:3 with lines lw 2 title "p99 ms", "" using 1:10 axes x1y2 with lines lw 1 dt 2 title "dynalite CPU % (right)"
unset y2tics
set title "memory (MB)"
plot "$CSV" using 1:5 with lines lw 2 title "RSS", "" using 1:6 with lines lw 2 title "heap after full GC", \
  "" using 1:9 with lines lw 1 dt 2 title "dynalite RSS"
set title "open file descriptors and threads"
plot "$CSV" using 1:7 with lines lw 2 title "fds", "" using 1:8 with lines lw 2 title "threads"
unset multiplot
EOF
echo "== $CSV, $PNG"

# The verdict: minute 2 against the last minute (by elapsed time; shorter than 3 minutes, the first and last third).
awk -F, '
NR == 1 { next }
{ n++; t[n] = $1; err += $4; rss[n] = $5; heap[n] = $6; fds[n] = $7; threads[n] = $8 }
function mean(a, from, to,   s, k, c) { s = 0; c = 0; for (k = from; k <= to; k++) { s += a[k]; c++ } return c ? s / c : 0 }
END {
  if (t[n] >= 180) {
    for (k = 1; k <= n; k++) { if (t[k] > 60 && t[k] <= 120) { a2 = k; if (!a1) a1 = k } if (t[k] > t[n] - 60 && !b1) b1 = k }
    b2 = n
  } else { third = int(n / 3); if (third < 1) third = 1; a1 = 1; a2 = third; b1 = n - third + 1; b2 = n }
  ok = 1
  printf "errors: %d\n", err; if (err != 0) ok = 0
  r1 = mean(rss, a1, a2); r2 = mean(rss, b1, b2); h1 = mean(heap, a1, a2); h2 = mean(heap, b1, b2)
  printf "RSS: %.0f MB -> %.0f MB (%+.1f %%)\n", r1, r2, 100 * (r2 - r1) / r1; if (r2 > r1 * 1.1 || r2 < r1 * 0.9) ok = 0
  printf "heap after full GC: %.0f MB -> %.0f MB (%+.1f %%)\n", h1, h2, 100 * (h2 - h1) / h1; if (h2 > h1 * 1.1 || h2 < h1 * 0.9) ok = 0
  f1 = mean(fds, a1, a2); f2 = mean(fds, b1, b2); c1 = mean(threads, a1, a2); c2 = mean(threads, b1, b2)
  printf "fds: %.1f -> %.1f; threads: %.1f -> %.1f\n", f1, f2, c1, c2
  if (f2 - f1 > 5 || f1 - f2 > 5 || c2 - c1 > 5 || c1 - c2 > 5) ok = 0
  print (ok ? "SOAK PASSED" : "SOAK FAILED")
  exit ok ? 0 : 1
}' "$CSV"
