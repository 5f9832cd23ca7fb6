#!/usr/bin/env bash
# Figures 1-6 of docs/performance.md. From the repository root:
#   benchmarks/run.sh [--quick] [--sizes 100,1000,10000] [--change-routes 10000]
# Builds benchmarks/target/benchmarks.jar if missing, prints a Markdown table, writes
# benchmarks/target/figures.json and JMH's benchmarks/target/jmh-{full,full-endpoints,changes}.json.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f benchmarks/target/benchmarks.jar ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
exec java -Xmx3g -cp benchmarks/target/benchmarks.jar io.gatewire.benchmarks.Report "$@"
