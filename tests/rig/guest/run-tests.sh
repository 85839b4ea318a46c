#!/usr/bin/env bash
# Runs inside the guest, chrooted into the machine's root: runs each test assembly the plan names against the
# guest's real devices, writing one TRX per line of the plan into the results share.
# Plan lines: <test assembly path> <TRX file name> <test filter>
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
status=0
while read -r assembly trx filter; do
  [ -n "$assembly" ] || continue
  echo "rig: testing $(basename "$assembly") --filter $filter"
  start=$(date +%s%N)
  if [ -n "$vstest" ]; then
    dotnet exec "$vstest" "$assembly" "--TestCaseFilter:$filter" "--logger:trx;LogFileName=$trx" \
      "--logger:console;verbosity=normal" "--ResultsDirectory:$results" || status=1
  else
    dotnet test "$assembly" --filter "$filter" --logger "trx;LogFileName=$trx" \
      --logger "console;verbosity=normal" --results-directory "$results" || status=1
  fi
  echo "rig: $(basename "$assembly") took $(( ($(date +%s%N) - start) / 1000000 )) ms"
done <"$results/plan"
exit $status
