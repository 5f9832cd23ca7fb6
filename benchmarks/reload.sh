#!/usr/bin/env bash
# Hot reload to the data plane (docs/performance.md): the time from a saved edit of the file that
# `serve` watches to the first request a real Envoy routes differently, for a route change, a backend
# change, an endpoint move and a listener added; median and max over N edits each. With
# --source kube-apiserver, the time from a write accepted by a real Kubernetes API server (built
# from testkit/go/kube, which needs Go: docs/testing.md) to the first request Envoy routes the new
# way, for an HTTPRoute created and an EndpointSlice moved, at each size of a generated workload.
# From the repository root:
#   benchmarks/reload.sh [--edits 10] [--protocol delta|sotw]
#   benchmarks/reload.sh --source kube-apiserver [--routes 100,1000] [--samples 20] [--protocol delta|sotw]
# Builds benchmarks/target/benchmarks.jar if missing. Envoy comes from the same cache as the tests'
# (docs/testing.md; GATEWIRE_ENVOY=/path/to/envoy uses another one).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f benchmarks/target/benchmarks.jar ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
echo "machine: $(nproc) cores, java $(java -version 2>&1 | head -1); before: $(uptime)"
java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp benchmarks/target/benchmarks.jar \
  io.gatewire.benchmarks.dataplane.ReloadLatency "$@"
echo "after: $(uptime)"
