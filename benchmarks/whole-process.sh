#!/usr/bin/env bash
# Figure 7 of docs/performance.md: the whole `translate` process on the generated 10k-route file, beside
# a JVM that only parses the same YAML into Jackson trees (the floor). From the repository root:
#   benchmarks/whole-process.sh [ROUTES] [RUNS]      (defaults: 10000 routes, 3 runs)
# Needs bootstrap/target/gatewire.jar and benchmarks/target/benchmarks.jar (mvn -B -q -DskipTests package)
# and GNU time at /usr/bin/time. Prints each run, the medians and a split of translate's time by phase;
# writes benchmarks/target/figure7.json.
set -euo pipefail
cd "$(dirname "$0")/.."
routes=${1:-10000}
runs=${2:-3}
work=benchmarks/target/whole-process
mkdir -p "$work"
java -jar bootstrap/target/gatewire.jar generate --routes "$routes" > "$work/big.yaml"
echo "generated $work/big.yaml: $routes routes, $(wc -c < "$work/big.yaml") bytes"

measure() { # name, command...: one line "seconds kilobytes" per run into $work/<name>.runs
  local name=$1; shift
  : > "$work/$name.runs"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" > /dev/null
    cat "$work/$name.time" >> "$work/$name.runs"
    echo "$name: $(cat "$work/$name.time") (s, peak RSS KB)"
  done
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

measure translate java -jar bootstrap/target/gatewire.jar translate -f "$work/big.yaml" -o json
measure parse java -cp benchmarks/target/benchmarks.jar io.gatewire.benchmarks.YamlParseOnly "$work/big.yaml"

t_time=$(cut -d' ' -f1 "$work/translate.runs" | median); t_rss=$(cut -d' ' -f2 "$work/translate.runs" | median)
p_time=$(cut -d' ' -f1 "$work/parse.runs" | median); p_rss=$(cut -d' ' -f2 "$work/parse.runs" | median)
echo
echo "| figure 7 ($routes routes, median of $runs) | wall time | peak RSS |"
echo "|---|---|---|"
echo "| translate -o json | ${t_time} s | $((t_rss / 1024)) MiB |"
echo "| YAML parse only (floor) | ${p_time} s | $((p_rss / 1024)) MiB |"
echo
echo "Where translate's time goes (one cold JVM, io.gatewire.benchmarks.WholeProcessPhases):"
java -cp benchmarks/target/benchmarks.jar io.gatewire.benchmarks.WholeProcessPhases "$work/big.yaml"
printf '{"routes": %s, "runs": %s, "translateSeconds": %s, "translatePeakRssKB": %s, "parseSeconds": %s, "parsePeakRssKB": %s}\n' \
  "$routes" "$runs" "$t_time" "$t_rss" "$p_time" "$p_rss" > benchmarks/target/figure7.json
