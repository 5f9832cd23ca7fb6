#!/usr/bin/env bash
# Latency from a write accepted by a real kube-apiserver to the new xDS snapshot (docs/reliability.md):
# Gatewire reads a generated workload of N routes from a real API server (built from testkit/go/kube,
# which needs Go; started for the run on loopback ports), and each sample creates one more HTTPRoute.
# From the repository root:
#   benchmarks/cluster-latency.sh [--routes 100,1000] [--samples 20]
# Builds benchmarks/target/benchmarks.jar if missing; prints the median and the maximum per size.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f benchmarks/target/benchmarks.jar ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
echo "machine: $(nproc) cores, java $(java -version 2>&1 | head -1); before: $(uptime)"
java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp benchmarks/target/benchmarks.jar \
  io.gatewire.benchmarks.ads.ClusterLatency "$@"
echo "after: $(uptime)"
