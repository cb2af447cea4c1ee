# Shared by bench/load.sh and bench/soak.sh (sourced, not run): starts dynalite, the local token
# issuer and the packaged service in the prod profile, each in its own process group, and stops
# them all on exit, whatever the exit. Everything binds 127.0.0.1.

OUT="${OUT:-target/bench}"
USERS="${USERS:-50}"
ADDRESSES="${ADDRESSES:-5}"
# What docker/Dockerfile.jvm gives the JVM in the pod (512Mi limit, k8s/base/deployment.yaml): the Parallel collector
# with the JVM's own sizing policy and half the memory as heap (JAVA_MAX_MEM_RATIO=50). docs/performance.md has the
# runs that chose it against G1, a 384 MB heap and the base image's own GC tuning.
JAVA_OPTS="${JAVA_OPTS:--XX:+UseParallelGC -Xmx256m}"
# The JDK the image runs (docker/Dockerfile.jvm: a JDK 25 runtime); JAVA25_HOME names one, else the java on the PATH.
JAVA25_HOME="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ -z "${SERVICE_JAVA:-}" ]]; then
  if [[ -x "$JAVA25_HOME/bin/java" ]]; then
    SERVICE_JAVA="$JAVA25_HOME/bin/java"
  else
    SERVICE_JAVA="$(command -v java || echo java)"
    echo "== no JDK 25 at $JAVA25_HOME (set JAVA25_HOME): the service runs on $("$SERVICE_JAVA" -version 2>&1 | head -1)," \
      "not on the image's JDK 25" >&2
  fi
fi
PGIDS=()

need() {
  local tool="$1" hint="$2"
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is missing: $hint" >&2
    exit 2
  fi
}

check_tools() {
  need wrk "apt-get install -y wrk"
  need node "install Node.js 20 (apt-get install -y nodejs npm)"
  need java "install a JDK 17"
  need curl "apt-get install -y curl"
  need unzip "apt-get install -y unzip"
  if [[ ! -f node_modules/dynalite/cli.js ]]; then
    npm ci --no-audit --no-fund >/dev/null
  fi
}

# jcmd_of PID ...: jcmd PID ... with the jcmd of the JDK that runs PID (the service may run on another JDK than the
# PATH's); the PATH's jcmd if that JDK has none.
jcmd_of() {
  local own
  own="$(dirname "$(readlink -f "/proc/$1/exe" 2>/dev/null || echo /nonexistent)")/jcmd"
  if [[ -x "$own" ]]; then "$own" "$@"; else jcmd "$@"; fi
}

# A free loopback port below 32768 (Linux's ephemeral port range starts there, so nothing the OS hands out can take it meanwhile).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free port found" >&2
  return 1
}

# start_bg LOGFILE CMD...: runs CMD as the leader of a new process group; the pid is in $STARTED.
start_bg() {
  local log="$1"
  shift
  setsid "$@" >"$log" 2>&1 < /dev/null &
  STARTED=$!
  PGIDS+=("$STARTED")
}

stop_all() {
  local pgid
  for pgid in "${PGIDS[@]}"; do
    kill -TERM -- "-$pgid" 2>/dev/null || true
  done
  for pgid in "${PGIDS[@]}"; do
    for _ in $(seq 1 100); do
      kill -0 -- "-$pgid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$pgid" 2>/dev/null || true
  done
  PGIDS=()
}

# poll_until SECONDS PID WHAT CMD...: runs CMD every 50 ms until it succeeds; fails as soon as PID has died, or
# after SECONDS.
poll_until() {
  local seconds="$1" pid="$2" what="$3"
  shift 3
  for _ in $(seq 1 $((seconds * 20))); do
    if "$@"; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "process $pid died while waiting for $what" >&2
      return 1
    fi
    sleep 0.05
  done
  echo "timed out waiting for $what" >&2
  return 1
}

# started_on PORT MANAGEMENT_PORT: whether /q/health/started answers 200 on either port (builds with a management
# interface serve it there, older ones and bench/plain on the main port).
started_on() {
  curl -sf -o /dev/null "http://127.0.0.1:$2/q/health/started" || curl -sf -o /dev/null "http://127.0.0.1:$1/q/health/started"
}

# wait_started PORT MANAGEMENT_PORT SECONDS PID
wait_started() {
  poll_until "$3" "$4" "port $1 to start" started_on "$1" "$2"
}

# wait_http URL SECONDS PID: until URL answers at all (any status)
wait_http() {
  poll_until "$2" "$3" "$1" curl -s -o /dev/null "$1"
}

# CPU time (user + system) of a process, in clock ticks; fields 14 and 15 of /proc/<pid>/stat.
cpu_ticks() {
  awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}

rss_mb() {
  awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}

build_if_needed() {
  local jar=target/quarkus-app/quarkus-run.jar
  if [[ ! -f "$jar" || -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]]; then
    echo "== building the jar (./mvnw -B -ntp package -DskipTests)"
    ./mvnw -B -ntp -q package -DskipTests
  fi
}

# build_ref REF: builds the service at a git ref (a clean export under $OUT/ref-<commit>, kept between
# runs) and prints its jar's path.
build_ref() {
  local commit dir
  commit="$(git rev-parse --verify "$1^{commit}")"
  dir="$OUT/ref-${commit:0:12}"
  if [[ ! -f "$dir/target/quarkus-app/quarkus-run.jar" ]]; then
    echo "== building $1 ($commit) in $dir" >&2
    rm -rf "$dir"
    mkdir -p "$dir"
    git archive "$commit" | tar -x -C "$dir"
    ln -s "$PWD/node_modules" "$dir/node_modules"
    ./mvnw -B -ntp -q -f "$dir/pom.xml" package -DskipTests >&2
  fi
  echo "$dir/target/quarkus-app/quarkus-run.jar"
}

build_plain() {
  local jar=bench/plain/target/quarkus-app/quarkus-run.jar
  if [[ ! -f "$jar" || -n "$(find bench/plain/src bench/plain/pom.xml -newer "$jar" -print -quit)" ]]; then
    echo "== building the plain comparison service (bench/plain)"
    ./mvnw -B -ntp -q -f bench/plain/pom.xml package -DskipTests
  fi
}

oidc_key() {
  local version jar
  version="$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml)"
  jar="${MAVEN_REPO:-$HOME/.m2/repository}/io/quarkus/quarkus-test-oidc-server/$version/quarkus-test-oidc-server-$version.jar"
  if [[ ! -f "$jar" ]]; then
    ./mvnw -B -ntp -q dependency:get -Dartifact="io.quarkus:quarkus-test-oidc-server:$version" >/dev/null
  fi
  unzip -p "$jar" "$1"
}

start_dynalite() {
  DYNALITE_PORT="$(free_port)"
  # dynalite's cli.js through the tests' keep-alive wrapper: dynalite 4 dies when a client aborts a request,
  # which wrk does at the end of every run and the SDK after every attempt timeout
  start_bg "$OUT/dynalite.log" node src/test/resources/dynalite-keepalive.js --host 127.0.0.1 --port "$DYNALITE_PORT" \
    --createTableMs 0 --deleteTableMs 0 --updateTableMs 0
  DYNALITE_PID=$STARTED
  wait_http "http://127.0.0.1:$DYNALITE_PORT" 30 "$DYNALITE_PID"
}

start_issuer() {
  ISSUER_PORT="$(free_port)"
  oidc_key privateKey.jwk >"$OUT/privateKey.jwk"
  oidc_key publicKey.jwk >"$OUT/publicKey.jwk"
  TOKENS="$OUT/tokens.txt"
  rm -f "$TOKENS"
  start_bg "$OUT/issuer.log" node bench/issuer.mjs --port "$ISSUER_PORT" --private "$OUT/privateKey.jwk" \
    --public "$OUT/publicKey.jwk" --users "$USERS" --ttl "${TOKEN_TTL:-7200}" --tokens "$TOKENS"
  ISSUER_PID=$STARTED
  ISSUER="http://127.0.0.1:$ISSUER_PORT/realms/bench"
  wait_http "$ISSUER/.well-known/openid-configuration" 30 "$ISSUER_PID"
  export TOKENS
}

random_secret() {
  head -c 32 /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_'
}

keyset() {
  java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" dev.profileservice.crypto.KeysetTool "$1"
}

# The prod-profile configuration an operator gives the jar (as ProdConfigResource does for ProdJarIT).
service_env() {
  export QUARKUS_OIDC_AUTH_SERVER_URL="$ISSUER"
  export QUARKUS_OIDC_TOKEN_ISSUER="$ISSUER"
  export QUARKUS_OIDC_TOKEN_AUDIENCE=profile-service
  # the browser sign-in's secrets, which prod requires (throw-away ones: the bench never signs in)
  export QUARKUS_OIDC_CREDENTIALS_SECRET="${QUARKUS_OIDC_CREDENTIALS_SECRET:-$(random_secret)}"
  export QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET="${QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET:-$(random_secret)}"
  export QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET="${QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET:-$(random_secret)}"
  export PROFILE_CRYPTO_KEYSET="${PROFILE_CRYPTO_KEYSET:-$(keyset aead)}"
  export PROFILE_CRYPTO_INDEX_KEYSET="${PROFILE_CRYPTO_INDEX_KEYSET:-$(keyset prf)}"
  export PROFILE_BOOTSTRAP_CREATE_TABLE=true
  # No ingress to drain from: the benches stop the service without prod's 5 s shutdown delay.
  export PROFILE_SHUTDOWN_DELAY="${PROFILE_SHUTDOWN_DELAY:-0S}"
  # The per-caller limits (10 writes/s, 6 exports/min) would turn most of a load run into 429s: 50 users at thousands of
  # requests a second is a capacity test, not 50 people. The buckets are still checked on every request, so their cost
  # stays in the figures; RateLimitTest proves the limits themselves.
  export PROFILE_LIMITS_WRITES_PER_SECOND="${PROFILE_LIMITS_WRITES_PER_SECOND:-100000}"
  export PROFILE_LIMITS_WRITES_BURST="${PROFILE_LIMITS_WRITES_BURST:-100000}"
  export PROFILE_LIMITS_EXPORTS_PER_MINUTE="${PROFILE_LIMITS_EXPORTS_PER_MINUTE:-1000000}"
  export QUARKUS_HTTP_HOST=127.0.0.1
  # as k8s/base/configmap.yaml sets it for the pod (2 CPUs at most): one event loop per CPU
  export QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE="${QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE:-2}"
  # health and metrics sit on the management interface (port 9000 on every interface by default): loopback,
  # and a free port per service (start_service), so that several services and other work can run side by side
  export QUARKUS_MANAGEMENT_HOST=127.0.0.1
  export QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE="http://127.0.0.1:$DYNALITE_PORT"
  export QUARKUS_DYNAMODB_AWS_REGION=us-east-1
  export QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE=static
  export QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID=local
  export QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY=local
}

# start_service LABEL JAR [--java=PATH] [JVM options...]: sets SERVICE_PID, SERVICE_PORT, SERVICE_MANAGEMENT_PORT and
# SERVICE_STARTED_S (launch to /q/health/started answering 200). The JVM is SERVICE_JAVA's; --java runs another
# JDK's java (e.g. --java=java, the JDK 17 on the PATH).
start_service() {
  local label="$1" jar="$2" java="$SERVICE_JAVA"
  shift 2
  if [[ "${1:-}" == --java=* ]]; then
    java="${1#--java=}"
    shift
  fi
  SERVICE_PORT="$(free_port)"
  local log="$OUT/$label.log" t0
  t0=$(date +%s%N)
  SERVICE_MANAGEMENT_PORT="$(free_port)"
  # shellcheck disable=SC2086
  start_bg "$log" "$java" $JAVA_OPTS "$@" -Dquarkus.http.port="$SERVICE_PORT" -Dquarkus.management.port="$SERVICE_MANAGEMENT_PORT" \
    -jar "$jar"
  SERVICE_PID=$STARTED
  wait_started "$SERVICE_PORT" "$SERVICE_MANAGEMENT_PORT" 60 "$SERVICE_PID" || { tail -20 "$log" >&2; return 1; }
  SERVICE_STARTED_S="$(awk -v t="$(( ($(date +%s%N) - t0) / 1000000 ))" 'BEGIN { printf "%.2f", t / 1000 }')"
}

seed() {
  node bench/seed.mjs --base "http://127.0.0.1:$1" --tokens "$TOKENS" --addresses "$ADDRESSES"
}

# wrk_run LABEL DURATION CONNECTIONS URL SCRIPT [script args]: prints wrk's RESULT line (see bench/wrk/common.lua).
wrk_run() {
  local label="$1" duration="$2" connections="$3" url="$4" script="$5"
  shift 5
  local file
  file="$OUT/wrk-$(tr -cs 'A-Za-z0-9' '-' <<<"$label" | sed 's/^-*//; s/-*$//').txt"
  wrk -t2 -c"$connections" -d"$duration" --timeout 5s -s "$script" "$url" -- "$@" >"$file" 2>&1 || true
  grep '^RESULT' "$file" || { cat "$file" >&2; echo "RESULT requests=0 failed"; }
}

# result_field NAME RESULT: one field of a wrk RESULT line (rps, p99_ms, non2xx, ...); empty when absent.
result_field() {
  sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" <<<"$2"
}
