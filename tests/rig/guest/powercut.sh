#!/usr/bin/env bash
# Runs inside the power-cut tier's guest, chrooted into the machine's root (tests/rig/powercut-tier.sh). Mounts
# the virtual disk (ext4 replays its journal: what a power cut left is what the store sees), copies the store as
# it is now to the results share when the machine asks for it, then lets the crash probe work on the store until
# the machine kills qemu. The job comes from $RIG_RESULTS/job: "<copy-to or -> <work or stop> <seed>".
set -uo pipefail
results=${RIG_RESULTS:?}
read -r copy_to work seed probe <"$results/job" || { echo "rig: no job for the guest"; exit 1; }
disk=/tmp/disk
mkdir -p "$disk"
mount -t ext4 /dev/vda "$disk" || { echo "rig: cannot mount the virtual disk /dev/vda"; exit 1; }
echo "rig: disk mounted"
if [ "$copy_to" != "-" ]; then
  mkdir -p "$results/$copy_to"
  cp -a "$disk/store" "$results/$copy_to/store" || { echo "rig: cannot copy the store out"; exit 1; }
  sync
  echo "rig: store copied to $copy_to"
fi
if [ "$work" = "work" ]; then
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_TieredPGO=0
  echo "rig: probe starting"
  # The probe prints READY, then BEGIN/ACK lines; the console (the machine reads it) gets each line as it comes.
  exec dotnet exec "$probe" work "$disk/store" op-0401 246810 "$seed"
fi
umount "$disk"
exit 0
