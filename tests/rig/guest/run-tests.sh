#!/usr/bin/env bash
# Runs inside the guest, chrooted into the machine's root: runs each test assembly the plan names against the
# guest's real devices, writing one TRX per line of the plan into the results share.
# Plan lines: <test assembly path> <TRX file name> <test filter> [<lane>]
# The SDK's vstest.console is started directly (not through `dotnet test`): under emulation every second of
# start-up counts, and the CLI's own start-up is a quarter of a small run.
set -uo pipefail
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
  DOTNET_GENERATE_ASPNET_CERTIFICATE=0 DOTNET_ADD_GLOBAL_TOOLS_TO_PATH=0 DOTNET_CLI_HOME="$HOME" \
  DOTNET_SKIP_WORKLOAD_INTEGRITY_CHECK=1 DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1 \
  DOTNET_TieredPGO=0 VSTEST_CONNECTION_TIMEOUT=200
results=${RIG_RESULTS:?}
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
vstest=$(ls -d "$dotnet_root"/sdk/10.*/vstest.console.dll 2>/dev/null | sort -V | tail -n 1)
# Lanes: the plan's fourth field names a lane; the lanes run at the same time, the assemblies of one lane one
# after the other. The guest has two emulated CPUs and one test assembly keeps about one busy; assemblies that use
# the same device (vivid's /dev/video0) share a lane. Each assembly's console output goes to its own log, printed
# when it ends.
run_one() { # ASSEMBLY TRX FILTER
  local assembly=$1 trx=$2 filter=$3 start; start=$(date +%s%N)
  local log="$results/${trx%.trx}.console.log"
  echo "rig: testing $(basename "$assembly") --filter $filter"
  if [ -n "$vstest" ]; then
    dotnet exec "$vstest" "$assembly" "--TestCaseFilter:$filter" "--logger:trx;LogFileName=$trx" \
      "--logger:console;verbosity=normal" "--ResultsDirectory:$results" >"$log" 2>&1
  else
    dotnet test "$assembly" --filter "$filter" --logger "trx;LogFileName=$trx" \
      --logger "console;verbosity=normal" --results-directory "$results" >"$log" 2>&1
  fi
  local code=$?
  cat "$log"
  echo "rig: $(basename "$assembly") took $(( ($(date +%s%N) - start) / 1000000 )) ms"
  return $code
}
run_lane() { # LANE: its assemblies in plan order
  local lane_status=0 assembly trx filter lane
  while read -r assembly trx filter lane; do
    [ -n "$assembly" ] && [ "${lane:-main}" = "$1" ] || continue
    run_one "$assembly" "$trx" "$filter" || lane_status=1
  done <"$results/plan"
  return $lane_status
}
status=0
pids=()
for lane in $(awk 'NF { print ($4 == "" ? "main" : $4) }' "$results/plan" | awk '!seen[$0]++'); do
  run_lane "$lane" & pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status
