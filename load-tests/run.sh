#!/usr/bin/env bash
# Runs the tierbus load tests (see load-tests/README.md).
#
#   load-tests/run.sh [--quick] [--no-build] [--gc parallel|g1] [CASE...]
#   load-tests/run.sh [--quick] [--no-build] jmh [JMH-REGEX...]
#
# Builds what it needs (the root project, installed into ~/.m2, then the benchmarks jar), runs
# the cases in one JVM, prints a table and writes load-tests/results/latest.json.
# `jmh` runs the JMH micro-benchmarks instead and writes load-tests/results/jmh-latest.json.
# JAVA_OPTS (environment) adds JVM flags to a case run.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/tierbus-load-tests.jar"

quick=false
build=true
gc=parallel
jmh=false
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true ;;
    --no-build) build=false ;;
    --gc) gc="$2"; shift ;;
    jmh) jmh=true ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) args+=("$1") ;;
  esac
  shift
done

log() { echo "[load-tests] $*" >&2; }

# Offline first (fast, no snapshot checks); online only when something is missing locally.
mvn_build() {
  { mvn -o -q -B "$@" >/dev/null 2>&1 || mvn -q -B "$@" 2>&1; } | sed 's/\x1b\[[0-9;]*m//g' >&2
}

if $build; then
  t0=$(date +%s)
  log "building the runtime (mvn install in $root, tests skipped)"
  if ! mvn_build -f "$root/pom.xml" -DskipTests install; then
    log "the runtime does not build; fix it (or run with --no-build against the last installed one)"
    exit 1
  fi
  # The benchmarks jar is rebuilt only when its sources or the installed runtime changed.
  installed="$HOME/.m2/repository/dev/tierbus/tierbus/0.1.0-SNAPSHOT/tierbus-0.1.0-SNAPSHOT.jar"
  if [[ ! -f "$jar" || "$installed" -nt "$jar" || "$here/pom.xml" -nt "$jar" \
        || -n "$(find "$here/src" -newer "$jar" -print -quit)" ]]; then
    log "building the benchmarks jar"
    # the harness's own tests (mvn -f load-tests/pom.xml test) are not run on every build
    mvn_build -f "$here/pom.xml" -DskipTests package
  fi
  log "build took $(( $(date +%s) - t0 )) s"
fi
[[ -f "$jar" ]] || { log "missing $jar: run without --no-build"; exit 1; }

# Heap fixed at 2 GiB so sizing never changes mid-run. Transparent huge pages: on this VM the
# first touch of each 4 KiB heap page is expensive (G1 without them ran 3-10x slower, since it
# keeps allocating in never-touched regions); with them first touch is cheap and there is no
# 4 s of -XX:+AlwaysPreTouch at start. ParallelGC is the default: on 2 cores it gave the higher
# fast-tier throughput at similar tails (README, "GC choice").
heap=(-Xms2g -Xmx2g -XX:+UseTransparentHugePages -XX:+UseParallelGC)
if [[ "$gc" == g1 ]]; then
  heap=(-Xms2g -Xmx2g -XX:+UseTransparentHugePages -XX:+UseG1GC)
elif [[ "$gc" != parallel ]]; then
  log "--gc must be parallel or g1, was $gc"; exit 2
fi

mkdir -p "$here/results"
if $jmh; then
  if $quick; then
    timing=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
  else
    timing=(-f 2 -wi 4 -w 1s -i 5 -r 2s)
  fi
  log "JMH ($([[ $quick == true ]] && echo quick || echo full)): ${args[*]:-all benchmarks}"
  exec java -cp "$jar" org.openjdk.jmh.Main "${timing[@]}" -jvmArgs "${heap[*]}" \
    -rf json -rff "$here/results/jmh-latest.json" "${args[@]}"
fi

log "machine load before the run (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
opts=(--out "$here/results/latest.json")
$quick && opts+=(--quick)
cd "$here"
# JAVA_OPTS adds JVM flags, e.g. JAVA_OPTS=-Dfast.age=0 (fast-tier max batch age in ms)
# shellcheck disable=SC2086
exec java "${heap[@]}" ${JAVA_OPTS:-} -jar "$jar" "${opts[@]}" "${args[@]}"
