#!/usr/bin/env bash
# ADS load (docs/reliability.md): 1,000 ADS streams, half state of the world and half delta, on the
# 1k-route workload against XdsServing on a local port; the push time of a change to every stream.
# From the repository root:
#   benchmarks/load.sh [--routes 1000] [--streams 1000] [--connections 8] [--client-threads 2] [--changes 7]
# Builds benchmarks/target/benchmarks.jar if missing; prints the machine's load before and after, a
# table per change and the medians; writes benchmarks/target/ads-load.json.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f benchmarks/target/benchmarks.jar ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
echo "machine: $(nproc) cores, java $(java -version 2>&1 | head -1); before: $(uptime)"
java -Xmx3g -Dgatewire.log.level=WARN -cp benchmarks/target/benchmarks.jar \
  io.gatewire.benchmarks.ads.AdsLoad "$@"
echo "after: $(uptime)"
