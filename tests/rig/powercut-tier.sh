#!/usr/bin/env bash
# The power-cut tier: the terminal's store on a virtual disk in Debian's kernel under qemu, and qemu killed at a
# random instant while the crash probe finalizes records in the guest: a real power cut. After each cut the next
# boot replays ext4's journal, copies the store out and works on; at the end the store tests' PowerCut check
# (tests/Terminal.Storage.Tests/Durability/TerminalStorePowerCutTests.cs) runs on this machine against every copy.
# See tests/rig/README.md.
#
# Usage: tests/rig/powercut-tier.sh RESULTS_DIR
# Exit status: 0 when the tier ran (the outcome is in RESULTS_DIR/Terminal.Storage.PowerCut.trx, whatever it is);
# non-zero, with one line on stderr saying why, when it could not run. RIG_POWERCUTS (default 4) cuts are made;
# RIG_BUILT=1 skips the build (the caller has built the solution in Release).
set -uo pipefail
RIG_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$RIG_ROOT/tests/rig/lib/guest.sh"

CUTS=${RIG_POWERCUTS:-4}
BOOT_LIMIT=${RIG_BOOT_LIMIT:-240}      # seconds a boot may take before the probe acknowledges its first finalize
PROJECT=tests/Terminal.Storage.Tests
PROBE=tests/Terminal.Storage.CrashProbe
# Only what the disk needs; the device modules of the kernel tier are not loaded.
RIG_DEVICE_MODULES="crc32c_generic
virtio_blk
ext4"
RIG_DEVICE_NODES="/dev/vda"
RIG_GUEST_SCRIPT=$RIG_ROOT/tests/rig/guest/powercut.sh

die() { echo "power-cut tier could not run: $*" >&2; exit 1; }
[ $# -eq 1 ] || die "usage: $0 RESULTS_DIR"
mkdir -p "$1" || die "cannot create $1"
results=$(cd "$1" && pwd)
started=$(rig_now_ms)
errors=$(mktemp) || die "cannot create a temporary file"
share=""
trap 'rm -f "$errors"; [ -z "$share" ] || rm -rf "$share"; [ -z "${RIG_QEMU_PID:-}" ] || kill -9 "$RIG_QEMU_PID" 2>/dev/null' EXIT
step() { "$@" 2>"$errors" || die "$(tail -n 1 "$errors")"; }

command -v dotnet >/dev/null 2>&1 || die "dotnet is not on PATH (the .NET 10 SDK is needed to build the probe)"
step rig_ensure_tools
command -v mkfs.ext4 >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" command -v mkfs.ext4 >/dev/null 2>&1 \
  || die "mkfs.ext4 is missing (Debian package e2fsprogs)"

# 1. Build the probe and the store tests (Release).
for project in "$PROBE" "$PROJECT"; do
  [ -z "${RIG_BUILT:-}" ] || break   # ./test sets RIG_BUILT=1: it has just built the whole solution in Release
  log=$(mktemp)
  dotnet build "$RIG_ROOT/$project" -c Release -nodeReuse:false -v quiet -nologo >"$log" 2>&1 \
    || { cat "$log"; rm -f "$log"; die "$(basename "$project") does not build (errors above)"; }
  rm -f "$log"
done
probe=$(dotnet msbuild "$RIG_ROOT/$PROBE" -nologo -p:Configuration=Release -getProperty:TargetPath 2>/dev/null)
[ -f "$probe" ] || die "the probe's build left no assembly (${probe:-no TargetPath})"

# 2. Kernel, initramfs, and a disk that holds a freshly provisioned store (mkfs.ext4 -d: no mount needed).
mkdir -p "$RIG_CACHE" && exec 9>"$RIG_CACHE/.lock" && flock 9 || die "cannot lock $RIG_CACHE"
step rig_fetch
share=$(mktemp -d "$RIG_CACHE/powercut.XXXXXX") || die "cannot create a results share in $RIG_CACHE"
step rig_build_initramfs "$share/initrd.gz"
mkdir -p "$share/root"
dotnet exec "$probe" provision "$share/root/store" op-0401 246810 "$share/district.key" >"$errors" 2>&1 \
  || die "the probe could not provision a store: $(tail -n 1 "$errors")"
truncate -s 256M "$share/disk.img"
PATH="$PATH:/usr/sbin:/sbin" mkfs.ext4 -q -F -d "$share/root" "$share/disk.img" 2>"$errors" || die "mkfs.ext4: $(tail -n 1 "$errors")"
RIG_QEMU_EXTRA=(-drive "file=$share/disk.img,if=virtio,format=raw")
rig_say "power-cut tier: kernel $RIG_KVER, disk ready after $(( ($(rig_now_ms) - started) / 1000 )) s"

# 3. Boot k works until it is cut; boot k+1 first copies out what cut k left. One last boot only copies.
random_between() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
for boot in $(seq 1 $((CUTS + 1))); do
  copy_to=-; [ "$boot" -gt 1 ] && copy_to=cut-$((boot - 1))
  work=work; [ "$boot" -gt "$CUTS" ] && work=stop
  echo "$copy_to $work $boot $probe" >"$share/job"
  console=$share/console-$boot.log
  : >"$console"
  boot_started=$(rig_now_ms)
  rig_start_guest "$share/initrd.gz" "$share" "$console"
  if [ "$work" = stop ]; then
    rig_wait_guest "$BOOT_LIMIT" 2>"$errors" || die "last boot: $(tail -n 1 "$errors") (console: $results/console-$boot.log)"
    cp "$console" "$results/" 2>/dev/null
    break
  fi
  # Wait until the probe has acknowledged a random number (1-6) of finalizes, then cut at a random instant
  # within the next 1.5 s: the cut lands in drafts, photos, finalizes or purges alike.
  want=$(random_between 1 6)
  while [ "$(grep -c '^ACK FINALIZE' "$console")" -lt "$want" ]; do
    kill -0 "$RIG_QEMU_PID" 2>/dev/null || { cp "$console" "$results/"; die "boot $boot: the guest stopped before the probe acknowledged $want finalizes (console: $results/console-$boot.log)"; }
    [ $(( $(rig_now_ms) - boot_started )) -lt $((BOOT_LIMIT * 1000)) ] || { cp "$console" "$results/"; die "boot $boot: no $want acknowledged finalizes within $BOOT_LIMIT s"; }
    sleep 0.2
  done
  sleep "0.$(random_between 0 14)"
  kill -9 "$RIG_QEMU_PID" 2>/dev/null; wait "$RIG_QEMU_PID" 2>/dev/null; RIG_QEMU_PID=""
  mkdir -p "$share/cut-$boot"
  tr -d '\r' <"$console" >"$share/cut-$boot/console.log"
  rig_say "cut $boot after $(( ($(rig_now_ms) - boot_started) / 1000 )) s: $(grep -c '^ACK FINALIZE' "$share/cut-$boot/console.log") finalizes acknowledged in this boot"
done

# 4. The results: the copies, the consoles, the key; then the checks, on this machine.
for cut in $(seq 1 "$CUTS"); do
  [ -d "$share/cut-$cut" ] && cp -r "$share/cut-$cut" "$results/"
done
cp "$share/district.key" "$results/district.key"
echo "$CUTS" >"$results/cuts"
rig_say "power-cut tier: $CUTS cuts in $(( ($(rig_now_ms) - started) / 1000 )) s; checking the copies"
TERMINAL_POWERCUT_RESULTS=$results dotnet test "$RIG_ROOT/$PROJECT" -c Release --no-build -nologo -v quiet \
  --filter "TestCategory=PowerCut" --logger "trx;LogFileName=Terminal.Storage.PowerCut.trx" \
  --logger "console;verbosity=normal" --results-directory "$results" >"$results/checks.log" 2>&1
grep -E 'power cuts|Passed|Failed|Assert' "$results/checks.log" | head -n 20
[ -f "$results/Terminal.Storage.PowerCut.trx" ] || die "the checks wrote no TRX (see $results/checks.log)"
exit 0
