#!/usr/bin/env bash
# The kernel tier: the drivers' Kernel-category tests against a real Linux kernel (Debian's, booted under qemu
# with software emulation), with vivid, uinput and a USB CDC-ACM gadget loaded. See tests/rig/README.md.
#
# Usage: tests/rig/kernel-tier.sh RESULTS_DIR
# Exit status: 0 when the tier ran (test outcomes are in RESULTS_DIR/<Project>.Kernel.trx, whatever they are);
# non-zero, with one line on stderr saying why, when the tier could not run. Progress and timings go to stdout.
# RIG_BUILT=1 skips the build (the caller has built the solution in Release). RIG_GUEST_LIMIT (seconds, default
# 720: a hang guard, not a budget) bounds the guest; RIG_CACHE (default .cache/rig) holds the downloads.
set -uo pipefail
RIG_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$RIG_ROOT/tests/rig/lib/guest.sh"

# The test projects whose Kernel-category tests run in the guest; each gives <Assembly minus .Tests>.Kernel.trx.
# RIG_PROJECTS (space-separated) and RIG_FILTER (a test filter, default TestCategory=Kernel) narrow a run, e.g.
# for the bench's camera rate: RIG_PROJECTS=tests/Terminal.Drivers.Camera.Tests RIG_FILTER='Name~Stream_TwelveFrames'.
PROJECTS=(tests/Terminal.Drivers.Camera.Tests tests/Terminal.Drivers.SignaturePad.Tests tests/Terminal.Host.Dock.Tests tests/Terminal.Firmware.Tests)
[ -z "${RIG_PROJECTS:-}" ] || read -r -a PROJECTS <<<"$RIG_PROJECTS"
FILTER=${RIG_FILTER:-TestCategory=Kernel}
# The whole guest (boot, tests, power-off) must end within this many seconds.
GUEST_LIMIT=${RIG_GUEST_LIMIT:-720}
RIG_GUEST_SCRIPT=$RIG_ROOT/tests/rig/guest/run-tests.sh

die() { echo "kernel tier could not run: $*" >&2; exit 1; }
[ $# -eq 1 ] || die "usage: $0 RESULTS_DIR"
mkdir -p "$1" || die "cannot create $1"
results=$(cd "$1" && pwd)
started=$(rig_now_ms)
phase=$started
lap() { local now; now=$(rig_now_ms); rig_say "$1 took $(( (now - phase) / 1000 )).$(( (now - phase) % 1000 / 100 )) s"; phase=$now; }

errors=$(mktemp) || die "cannot create a temporary file"
share=""
trap 'rm -f "$errors"; [ -z "$share" ] || rm -rf "$share"' EXIT
# Runs a rig step; when it fails, the tier stops with the step's last error line.
step() { "$@" 2>"$errors" || die "$(tail -n 1 "$errors")"; }

command -v dotnet >/dev/null 2>&1 || die "dotnet is not on PATH (the .NET 10 SDK is needed to build the tests)"
step rig_ensure_tools
lap "tools"

# 1. Build the test projects (Release), as the guest runs them from the machine's disk.
plan=""
for project in "${PROJECTS[@]}"; do
  name=$(basename "$project")
  if [ -z "${RIG_BUILT:-}" ]; then   # ./test sets RIG_BUILT=1: it has just built the whole solution in Release
    log=$(mktemp)
    if ! dotnet build "$RIG_ROOT/$project" -c Release -nodeReuse:false -v quiet -nologo >"$log" 2>&1; then
      cat "$log"; rm -f "$log"; die "$name does not build (errors above)"
    fi
    rm -f "$log"
  fi
  # The output path depends on the project's settings (e.g. a RuntimeIdentifier): ask MSBuild.
  assembly=$(dotnet msbuild "$RIG_ROOT/$project" -nologo -p:Configuration=Release -getProperty:TargetPath 2>/dev/null)
  [ -f "$assembly" ] || die "the build of $name left no test assembly (${assembly:-no TargetPath})"
  # the camera's and the app's photo tests both stream from vivid's /dev/video0: one lane, one after the other
  case $name in Terminal.Drivers.Camera.Tests|Terminal.Firmware.Tests) lane=video ;; *) lane=devices ;; esac
  plan+="$assembly ${name%.Tests}.Kernel.trx $FILTER $lane"$'\n'
done
lap "build"

# 2. The kernel and busybox from the package registry (cached), and the initramfs.
mkdir -p "$RIG_CACHE" && exec 9>"$RIG_CACHE/.lock" && flock 9 || die "cannot lock $RIG_CACHE"  # one run at a time
step rig_fetch
rig_say "kernel $RIG_KVER"
share=$(mktemp -d "$RIG_CACHE/run.XXXXXX") || die "cannot create a results share in $RIG_CACHE"
initrd=$share/initrd.gz
step rig_build_initramfs "$initrd"
printf '%s' "$plan" >"$share/plan"
lap "kernel and initramfs"

# 3. Boot, run the tests in the guest, power off.
if ! rig_boot "$initrd" "$share" "$GUEST_LIMIT" 2>"$errors"; then
  cp "$share/console.log" "$results/kernel-console.log" 2>/dev/null
  tail -n 20 "$share/console.log" 2>/dev/null | tr -d '\r'
  die "$(tail -n 1 "$errors") (console: $results/kernel-console.log)"
fi
grep '^rig: ' "$share/console.log" | tr -d '\r'
lap "guest (boot, tests, power-off)"

# 4. Bring the results out.
cp "$share/guest.log" "$results/kernel-guest.log" 2>/dev/null
cp "$share/console.log" "$results/kernel-console.log" 2>/dev/null
# The tests' attachments (e.g. the captured still), in the folders the TRX files point to.
find "$share" -mindepth 1 -maxdepth 1 -type d -exec cp -r {} "$results/" \;
missing=()
for project in "${PROJECTS[@]}"; do
  trx=$(basename "$project"); trx=${trx%.Tests}.Kernel.trx
  if [ -f "$share/$trx" ]; then cp "$share/$trx" "$results/$trx"; else missing+=("$trx"); fi
done
total=$(( ($(rig_now_ms) - started) / 1000 ))
rig_say "kernel tier took $total s in all"
if [ ${#missing[@]} -gt 0 ]; then
  tail -n 20 "$share/console.log" | tr -d '\r'
  die "the guest wrote no ${missing[*]} (guest log: $results/kernel-guest.log)"
fi
exit 0
