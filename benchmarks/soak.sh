#!/usr/bin/env bash
# Churn soak (docs/reliability.md): 1,000 routes created and deleted in 50 cycles through files in a
# watched temporary directory (or, with --source kubernetes, as HTTPRoute objects in fabric8's CRUD mock
# API server read by the cluster source's informers; with --source kube-apiserver, in a real
# kube-apiserver and etcd started for the run, built from testkit/go/kube, which needs Go), served by XdsServing to 4 steady ADS streams while 1,000 clients
# connect and leave, with broken input added and removed every cycle; heap, threads, streams and the
# server's and translator's memos at the baseline (after a warm-up cycle), with the last routes
# loaded, and at the end. From the repository root:
#   benchmarks/soak.sh [--routes 1000] [--cycles 50] [--streams 4] [--client-churn 1000] [--source files|kubernetes|kube-apiserver]
# Builds benchmarks/target/benchmarks.jar if missing; writes benchmarks/target/soak.json. The ERROR
# lines about broken.yaml (files) or WARN lines "cannot parse "eighty"" (kubernetes: a route updated to
# a version the decoder rejects, which the source refuses, keeping its last good version) are the
# broken input being refused, once per cycle; a real API server refuses that write itself.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f benchmarks/target/benchmarks.jar ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
echo "machine: $(nproc) cores, java $(java -version 2>&1 | head -1); before: $(uptime)"
java -Xmx3g -Dgatewire.log.level=WARN -cp benchmarks/target/benchmarks.jar \
  io.gatewire.benchmarks.ads.ChurnSoak "$@"
echo "after: $(uptime)"
