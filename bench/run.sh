#!/usr/bin/env bash
# Builds the service jar and the benchmarks, then runs them with bounded iterations (about 4 minutes).
# Extra arguments go to JMH, e.g. bench/run.sh JsonHandlerBenchmark  or  bench/run.sh -prof gc
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_INSTALL:-0}" != 1 ]]; then
  ./mvnw -B -q install -DskipTests
fi
./mvnw -B -q -f bench/pom.xml package
java -jar bench/target/benchmarks.jar -wi 3 -i 3 -f 1 -w 3s -r 3s -rf json -rff bench/target/results.json "$@"
