#!/usr/bin/env bash
# JVM start to "started", in the prod profile: the default fast-jar on the default JDK (17) and on JDK 25 (what
# docker/Dockerfile.jvm runs), the fast-jar with an AppCDS
# archive made by the package step on that JDK (-Dquarkus.package.jar.appcds.enabled=true), and the same code with a
# Leyden AOT cache on JDK 25 (pom.xml profile "aot"), twice: recorded at the package step (Quarkus' static init only)
# and trained by ProdJarIT (the packaged jar serving the integration test's requests; what the profile builds).
# Each is started RUNS times, in turns, against a running dynalite and token issuer; prints every run and the
# medians: launch to the "started" log line (its timestamp), Quarkus' own "started in" (from its static init, so
# without the JVM's boot), launch to /q/health/started answering (with curl's polling), the CPU time (user + system) the
# JVM had used by then (on a shared machine the wall time follows the load average, the CPU time much less),
# launch to /q/health/ready answering 200 (what the kubelet waits for before it sends traffic: its DynamoDB
# check is the client's first call), RSS one second after start, and the first answer after ready:
# GET /api/profile of a seeded user (a token seen for the first time, the first GetItem, decryption and view),
# timed by curl.
# As in prod, the table exists and the measured starts do not create it (profile.bootstrap.create-table=false):
# one start before them creates and seeds it.
#
#   bench/startup.sh             # builds the three copies if needed (target/bench/appcds-build, aot-static-build and
#                                # aot-build; the last runs ProdJarIT on JDK 25, about a minute)
#   PROFILE=1 bench/startup.sh   # instead: two starts of the trained cache under async-profiler (from Maven Central),
#                                # one sampling CPU time, one wall-clock time; prints the CPU share of each kind of
#                                # thread (the JIT's against Quarkus' main thread) and where the main thread's time went,
#                                # by Quarkus step (bench/startup-parts.awk); profiles in target/bench/startup-*.collapsed
# Environment: RUNS (5), JAVA25_HOME (/usr/lib/jvm/temurin-25-jdk-amd64), JAVA_OPTS (-XX:+UseParallelGC -Xmx256m, as the image),
#   PROFILE (unset), ASYNC_PROFILER (4.1).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

RUNS="${RUNS:-5}"
AOT_DIR="$OUT/aot-build"
AOT_STATIC_DIR="$OUT/aot-static-build"
CDS_DIR="$OUT/appcds-build"

check_tools
if [[ ! -x "$JAVA25_HOME/bin/java" ]]; then
  echo "no JDK 25 at $JAVA25_HOME (set JAVA25_HOME): the AOT cache needs JDK 24 or later" >&2
  exit 2
fi
mkdir -p "$OUT"
trap stop_all EXIT
trap 'exit 130' INT TERM

build_if_needed
# build_copy DIR ARCHIVE JAVA_HOME [maven goals and options]: this work tree built again in DIR, unless ARCHIVE is
# newer than the sources.
build_copy() {
  local dir="$1" archive="$2" java_home="$3"
  shift 3
  if [[ -f "$dir/target/quarkus-app/$archive" && -z "$(find src/main pom.xml -newer "$dir/target/quarkus-app/$archive" -print -quit)" ]]; then
    return
  fi
  echo "== building $archive in $dir ($*)"
  rm -rf "$dir"
  mkdir -p "$dir"
  git ls-files -co --exclude-standard -z | xargs -0 tar -c | tar -x -C "$dir"
  ln -s "$PWD/node_modules" "$dir/node_modules"
  JAVA_HOME="$java_home" ./mvnw -B -ntp -q -f "$dir/pom.xml" "$@" >"$dir.log" 2>&1 || { tail -30 "$dir.log" >&2; return 1; }
  [[ -f "$dir/target/quarkus-app/$archive" ]] || { echo "the build in $dir made no $archive" >&2; return 1; }
}
if [[ -z "${PROFILE:-}" ]]; then
  build_copy "$CDS_DIR" app-cds.jsa "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" \
    package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
  build_copy "$AOT_STATIC_DIR" app.aot "$JAVA25_HOME" package -DskipTests -Daot -Dquarkus.package.jar.aot.phase=build
fi
build_copy "$AOT_DIR" app.aot "$JAVA25_HOME" verify -Daot -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ProdJarIT

echo "== load average at start: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"
start_dynalite
start_issuer
service_env
start_service create target/quarkus-app/quarkus-run.jar
seed "$SERVICE_PORT" >/dev/null
kill -TERM -- "-$SERVICE_PID"
while kill -0 "$SERVICE_PID" 2>/dev/null; do sleep 0.1; done
export PROFILE_BOOTSTRAP_CREATE_TABLE=false
read -r _ FIRST_TOKEN < "$TOKENS"

# start_in DIR JAVA [options]: one start from DIR (the AOT cache names its jars relative to it); prints a row
start_in() {
  local dir="$1" java="$2" port management t0 t1 pid
  shift 2
  port="$(free_port)"
  management="$(free_port)"
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  setsid bash -c 'dir="$1"; shift; cd "$dir" && exec "$@"' _ "$dir" "$java" $JAVA_OPTS "$@" \
    -Dquarkus.http.port="$port" -Dquarkus.management.port="$management" -jar quarkus-run.jar >"$OUT/startup.log" 2>&1 </dev/null &
  pid=$!
  PGIDS+=("$pid")
  wait_started "$port" "$management" 60 "$pid" || { tail -20 "$OUT/startup.log" >&2; return 1; }
  t1=$(date +%s%N)
  local cpu first ready started logged
  cpu=$(cpu_ticks "$pid")
  # Quarkus' "started in" line, read once: its figure, and its own timestamp for launch to the moment Quarkus logged
  # it (the JVM's boot included, no polling in it)
  started="$(grep -m1 'started in' "$OUT/startup.log")" || { echo "no \"started in\" line in $OUT/startup.log" >&2; return 1; }
  logged=$(( ($(date -d "$(grep -o '"timestamp":"[^"]*"' <<<"$started" | cut -d'"' -f4)" +%s%N) - t0) / 1000000 ))
  poll_until 12 "$pid" "readiness" curl -sf -o /dev/null "http://127.0.0.1:$management/q/health/ready" || return 1
  ready=$(( ($(date +%s%N) - t0) / 1000000 ))
  sleep 1
  first=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $FIRST_TOKEN" \
    "http://127.0.0.1:$port/api/profile")
  [[ "$first" == 200* ]] || { echo "first GET /api/profile answered ${first%% *}" >&2; return 1; }
  printf '%d %s %d %d %d %d %d\n' $(( (t1 - t0) / 1000000 )) "$(grep -o 'started in [0-9.]*s' <<<"$started" | grep -o '[0-9.]*')" \
    "$(rss_mb "$pid")" $(( cpu * 1000 / $(getconf CLK_TCK) )) "$(awk -v t="${first#* }" 'BEGIN { printf "%d", t * 1000 }')" "$ready" "$logged"
  kill -TERM -- "-$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

if [[ -n "${PROFILE:-}" ]]; then
  # async-profiler's agent from Maven Central (one jar per platform); 2 ms samples of every thread, in collapsed stacks
  case "$(uname -m)" in
    x86_64) platform=linux-x64 ;;
    aarch64) platform=linux-arm64 ;;
    *) echo "no async-profiler build for $(uname -m)" >&2; exit 2 ;;
  esac
  out="$(cd "$OUT" && pwd)" # absolute: the JVM runs in the build's directory
  profiler_dir="$out/async-profiler-${ASYNC_PROFILER:-4.1}"
  if [[ ! -f "$profiler_dir/$platform/libasyncProfiler.so" ]]; then
    ./mvnw -B -ntp -q dependency:copy -Dartifact="tools.profiler:async-profiler:${ASYNC_PROFILER:-4.1}:jar:$platform" \
      -DoutputDirectory="$profiler_dir" >/dev/null
    unzip -q -o "$profiler_dir"/async-profiler-*.jar "$platform/*" -d "$profiler_dir"
  fi
  for event in itimer wall; do
    file="$out/startup-$event.collapsed"
    rm -f "$file"
    row="$(start_in "$AOT_DIR/target/quarkus-app" "$JAVA25_HOME/bin/java" -XX:AOTCache=app.aot \
      "-agentpath:$profiler_dir/$platform/libasyncProfiler.so=start,event=$event,interval=2ms,threads,collapsed,file=$file")"
    echo "== one start of the trained cache, $event samples (ms, s, MB, CPU ms, first answer ms, ready ms, logged ms): $row"
    [[ -s "$file" ]] || { echo "async-profiler wrote no $file" >&2; exit 1; }
  done
  echo "== CPU time (itimer) by thread, from the launch to the stop (the start, readiness, one request, the stop)"
  awk -v mode=threads -f bench/startup-parts.awk "$OUT/startup-itimer.collapsed"
  echo "== wall-clock time of the main thread"
  awk -v mode=main -f bench/startup-parts.awk "$OUT/startup-wall.collapsed"
  exit 0
fi

declare -A ROWS
for run in $(seq 1 "$RUNS"); do
  ROWS[fast]+="$(start_in target/quarkus-app java)"$'\n'
  ROWS[fast25]+="$(start_in target/quarkus-app "$JAVA25_HOME/bin/java")"$'\n'
  ROWS[cds]+="$(start_in "$CDS_DIR/target/quarkus-app" java -XX:SharedArchiveFile=app-cds.jsa -Xshare:auto)"$'\n'
  ROWS[aotstatic]+="$(start_in "$AOT_STATIC_DIR/target/quarkus-app" "$JAVA25_HOME/bin/java" -XX:AOTCache=app.aot)"$'\n'
  ROWS[aot]+="$(start_in "$AOT_DIR/target/quarkus-app" "$JAVA25_HOME/bin/java" -XX:AOTCache=app.aot)"$'\n'
  echo "   run $run: fast-jar $(tail -2 <<<"${ROWS[fast]}" | head -1) | on 25 $(tail -2 <<<"${ROWS[fast25]}" | head -1) | AppCDS $(tail -2 <<<"${ROWS[cds]}" | head -1)" \
    "| AOT static init $(tail -2 <<<"${ROWS[aotstatic]}" | head -1) | AOT trained $(tail -2 <<<"${ROWS[aot]}" | head -1)" \
    " [ms, s, MB, CPU ms, first answer ms, ready ms, logged ms]"
done

median() { awk -v c="$1" 'NF { print $c }' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo
echo "$(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $RUNS runs each, JAVA_OPTS=$JAVA_OPTS"
echo
echo "| packaging | launch to \"started\" logged | Quarkus \"started in\" | launch to /q/health/started answering | CPU time to started | launch to ready | RSS after start | first answer after ready |"
echo "|---|---|---|---|---|---|---|---|"
declare -A LABEL=([fast]="fast-jar, JDK 17" [fast25]="fast-jar, JDK 25 (the image)" [cds]="fast-jar + app-cds.jsa (AppCDS), JDK 17" [aotstatic]="aot-jar + app.aot recorded at the package step (static init only), JDK 25"
  [aot]="aot-jar + app.aot trained by ProdJarIT, JDK 25")
for kind in fast fast25 cds aotstatic aot; do
  label="${LABEL[$kind]}"
  echo "| $label | $(median 7 <<<"${ROWS[$kind]}") ms | $(median 2 <<<"${ROWS[$kind]}") s | $(median 1 <<<"${ROWS[$kind]}") ms | $(median 4 <<<"${ROWS[$kind]}") ms | $(median 6 <<<"${ROWS[$kind]}") ms | $(median 3 <<<"${ROWS[$kind]}") MB | $(median 5 <<<"${ROWS[$kind]}") ms |"
done
