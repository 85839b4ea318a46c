# The kernel rig's host side: Debian's kernel and busybox from the package registry, a minimal initramfs, and
# one guest boot under qemu (software emulation). Sourced by kernel-tier.sh (and by any later tier that needs a
# real kernel); not run on its own. Every function prints one line on stderr and returns non-zero on failure.

# Extra arguments for qemu (rig_start_guest), e.g. a virtual disk; empty for the kernel tier.
RIG_QEMU_EXTRA=()

# Where downloads and built images are kept between runs (git-ignored).
RIG_CACHE=${RIG_CACHE:-$RIG_ROOT/.cache/rig}
. "$RIG_ROOT/tests/lib/tools.sh"   # with_apt_lock

# The modules that mount the shares (virtio-9p); their dependencies are found with modinfo.
RIG_SHARE_MODULES="virtio_pci 9pnet_virtio 9p"

# The device modules loaded for the drivers' tests, one a line: the name, then its options. vivid gives two
# capture-only webcams (/dev/video0, /dev/video1: a test may "unplug" the second with vivid's Disconnect control);
# uinput gives /dev/uinput and evdev the /dev/input/eventN nodes of the pens a test makes through it (evdev is a
# module in Debian's kernel, not built in); dummy_hcd + g_serial (usb_f_acm) + cdc_acm give both ends of a USB
# CDC-ACM cable.
RIG_DEVICE_MODULES="vivid n_devs=2 node_types=0x1,0x1 num_inputs=1,1 input_types=0x0,0x0
uinput
evdev
dummy_hcd
usb_f_acm
g_serial
cdc_acm"

# The device nodes the guest reports as present or missing.
RIG_DEVICE_NODES="/dev/video0 /dev/video1 /dev/uinput /dev/ttyGS0 /dev/ttyACM0"

rig_fail() { echo "kernel rig: $*" >&2; return 1; }
rig_say() { echo "rig: $*"; }

# Milliseconds since the epoch, for the timings the rig prints.
rig_now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Installs the Debian packages that provide the rig's tools when a tool is missing (apt-get update first).
rig_ensure_tools() {
  local -A package_of=([qemu-system-x86_64]=qemu-system-x86 [modinfo]=kmod [depmod]=kmod [cpio]=cpio [gzip]=gzip [dpkg-deb]=dpkg)
  local missing=() tool
  for tool in "${!package_of[@]}"; do
    command -v "$tool" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" command -v "$tool" >/dev/null 2>&1 || missing+=("${package_of[$tool]}")
  done
  # qemu's firmware (SeaBIOS) is a separate package on Debian; without it qemu cannot start a PC.
  [ -e /usr/share/seabios/bios-256k.bin ] || [ -e /usr/share/qemu/bios-256k.bin ] || missing+=(seabios)
  [ ${#missing[@]} -eq 0 ] && return 0
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  command -v apt-get >/dev/null 2>&1 || { rig_fail "missing ${missing[*]} and no apt-get to install them"; return 1; }
  rig_say "installing ${missing[*]}"
  # Under the package lock of tests/lib/tools.sh; an update that fails (offline) still lets the cached lists serve.
  with_apt_lock rig_apt_install "${missing[@]}" || { rig_fail "apt-get could not install ${missing[*]}"; return 1; }
}

rig_apt_install() { # PACKAGES...
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null 2>&1
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1
}

# The kernel package the meta-package linux-image-amd64 depends on (e.g. linux-image-6.1.0-56-amd64).
rig_kernel_package() {
  local name
  name=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
  if [ -z "$name" ]; then
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    with_apt_lock $sudo apt-get update -qq >/dev/null 2>&1
    name=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
  fi
  if [ -z "$name" ]; then  # offline: take the kernel already in the cache
    name=$(find "$RIG_CACHE" -maxdepth 1 -name 'linux-image-*-amd64_*.deb' -printf '%f\n' 2>/dev/null | sort | tail -n 1 | cut -d _ -f 1)
  fi
  [ -n "$name" ] || { rig_fail "apt-cache names no kernel for linux-image-amd64 and none is cached"; return 1; }
  echo "$name"
}

# Downloads a Debian package into the cache unless a copy is there; prints the .deb's path.
rig_download() {
  local package=$1 deb
  deb=$(find "$RIG_CACHE" -maxdepth 1 -name "${package}_*.deb" | sort | tail -n 1)
  if [ -z "$deb" ]; then
    (cd "$RIG_CACHE" && apt-get -o APT::Sandbox::User=root download "$package" >/dev/null 2>&1) \
      || { rig_fail "apt-get download $package failed"; return 1; }
    deb=$(find "$RIG_CACHE" -maxdepth 1 -name "${package}_*.deb" | sort | tail -n 1)
  fi
  [ -n "$deb" ] || { rig_fail "no $package package in $RIG_CACHE after downloading"; return 1; }
  echo "$deb"
}

# Fetches and unpacks the kernel and busybox; sets RIG_KVER, RIG_KERNEL_ROOT and RIG_BUSYBOX.
rig_fetch() {
  mkdir -p "$RIG_CACHE" || { rig_fail "cannot create $RIG_CACHE"; return 1; }
  local package deb
  package=$(rig_kernel_package) || return 1
  RIG_KVER=${package#linux-image-}
  RIG_KERNEL_ROOT=$RIG_CACHE/$package
  if [ ! -f "$RIG_KERNEL_ROOT/.unpacked" ]; then
    deb=$(rig_download "$package") || return 1
    rm -rf "$RIG_KERNEL_ROOT" && mkdir -p "$RIG_KERNEL_ROOT"
    dpkg-deb -x "$deb" "$RIG_KERNEL_ROOT" || { rig_fail "cannot unpack $deb"; return 1; }
    touch "$RIG_KERNEL_ROOT/.unpacked"
  fi
  [ -f "$RIG_KERNEL_ROOT/boot/vmlinuz-$RIG_KVER" ] || { rig_fail "$package holds no boot/vmlinuz-$RIG_KVER"; return 1; }
  RIG_BUSYBOX=$RIG_CACHE/busybox-static/bin/busybox
  if [ ! -x "$RIG_BUSYBOX" ]; then
    deb=$(rig_download busybox-static) || return 1
    rm -rf "$RIG_CACHE/busybox-static" && dpkg-deb -x "$deb" "$RIG_CACHE/busybox-static" \
      || { rig_fail "cannot unpack $deb"; return 1; }
  fi
  [ -x "$RIG_BUSYBOX" ] || { rig_fail "busybox-static holds no bin/busybox"; return 1; }
}

# Adds module $1 and, first, everything it depends on (modinfo -F depends) to the staged module tree.
# Uses the associative array module_path (name -> .ko path) and the set staged, both set by the caller.
rig_stage_module() {
  local name=${1//-/_} dep path
  [ -n "${staged[$name]:-}" ] && return 0
  staged[$name]=1
  path=${module_path[$name]:-}
  if [ -z "$path" ]; then
    grep -q "/${name//_/[-_]}\.ko" "$RIG_KERNEL_ROOT/lib/modules/$RIG_KVER/modules.builtin" 2>/dev/null && return 0
    rig_fail "kernel $RIG_KVER has no module $name"; return 1
  fi
  for dep in $(modinfo -F depends "$path" | tr ',' ' '); do rig_stage_module "$dep" || return 1; done
  local relative=${path#"$RIG_KERNEL_ROOT"/}
  mkdir -p "$stage/$(dirname "$relative")" && cp "$path" "$stage/$relative"
}

# Builds the initramfs $1 holding busybox, the rig's /init with its settings, and the modules it loads.
rig_build_initramfs() {
  local out=$1 stage name path spec
  stage=$(mktemp -d "$RIG_CACHE/initramfs.XXXXXX") || return 1
  local -A module_path=() staged=()
  while IFS= read -r path; do
    name=${path##*/}; name=${name%%.ko*}; module_path[${name//-/_}]=$path
  done < <(find "$RIG_KERNEL_ROOT/lib/modules/$RIG_KVER/kernel" -name '*.ko*')
  for name in $RIG_SHARE_MODULES $(cut -d ' ' -f 1 <<<"$RIG_DEVICE_MODULES"); do
    rig_stage_module "$name" || { rm -rf "$stage"; return 1; }
  done
  local modules=$stage/lib/modules/$RIG_KVER
  cp "$RIG_KERNEL_ROOT/lib/modules/$RIG_KVER"/modules.{builtin,builtin.modinfo,order} "$modules/" 2>/dev/null
  PATH="$PATH:/usr/sbin:/sbin" depmod -b "$stage" "$RIG_KVER" || { rm -rf "$stage"; rig_fail "depmod failed"; return 1; }
  mkdir -p "$stage"/{bin,dev,proc,sys,host,results}
  cp "$RIG_BUSYBOX" "$stage/bin/busybox"
  cp "$RIG_ROOT/tests/rig/guest/init" "$stage/init" && chmod +x "$stage/init"
  {
    printf 'RIG_SHARE_MODULES="%s"\n' "$RIG_SHARE_MODULES"
    printf 'RIG_DEVICE_NODES="%s"\n' "$RIG_DEVICE_NODES"
    printf 'RIG_GUEST_SCRIPT="%s"\n' "$RIG_GUEST_SCRIPT"
    printf 'RIG_ROOT_PATH="%s"\n' "$RIG_ROOT"
  } >"$stage/rig.env"
  echo "$RIG_DEVICE_MODULES" >"$stage/rig.modules"
  (cd "$stage" && find . | cpio -o -H newc --quiet | gzip -1) >"$out" || { rm -rf "$stage"; rig_fail "cpio failed"; return 1; }
  rm -rf "$stage"
}

# Starts the guest with initramfs $1 and the results share $2 in the background; its serial console goes to $3
# (default $2/console.log). Extra qemu arguments (e.g. a disk) come from the array RIG_QEMU_EXTRA. Sets
# RIG_QEMU_PID to qemu's own pid, so that a caller can kill qemu itself (a wrapper would leave it running), and
# RIG_QEMU_LOG to the file that holds what qemu itself printed.
rig_start_guest() {
  local initrd=$1 share=$2 console=${3:-$2/console.log}
  PATH="$PATH:/usr/sbin:/sbin" qemu-system-x86_64 -accel tcg -cpu max -smp 2 -m 2048 \
    -kernel "$RIG_KERNEL_ROOT/boot/vmlinuz-$RIG_KVER" -initrd "$initrd" \
    -append "console=ttyS0 panic=-1 quiet loglevel=3" \
    -display none -monitor none -serial "file:$console" -no-reboot -nic none \
    -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
    -virtfs "local,path=$share,mount_tag=results,security_model=none,multidevs=remap" \
    "${RIG_QEMU_EXTRA[@]}" </dev/null >"$share/qemu.log" 2>&1 &
  RIG_QEMU_PID=$!
  RIG_QEMU_LOG=$share/qemu.log
}

# Waits for the guest started by rig_start_guest to power off, at most $1 seconds; kills qemu after that.
rig_wait_guest() {
  local limit=$1 waited=0
  while kill -0 "$RIG_QEMU_PID" 2>/dev/null; do
    if [ "$waited" -ge $((limit * 2)) ]; then
      kill -9 "$RIG_QEMU_PID" 2>/dev/null; wait "$RIG_QEMU_PID" 2>/dev/null
      rig_fail "the guest did not power off within $limit s"; return 1
    fi
    sleep 0.5; waited=$((waited + 1))
  done
  wait "$RIG_QEMU_PID" || { rig_fail "qemu failed: $(tail -n 1 "$RIG_QEMU_LOG")"; return 1; }
}

# Boots the guest with initramfs $1, the results share $2 and a time limit of $3 seconds; the serial console
# goes to $2/console.log. Kills qemu itself (by its pid) when the limit passes.
rig_boot() {
  rig_start_guest "$1" "$2" || return 1
  rig_wait_guest "$3"
}
