#!/usr/bin/env bash
# The arm64 tier: the terminal's linux-arm64 build under qemu-user. The drivers', record model's and store's unit
# tests, published self-contained for linux-arm64 as MSTest's own test programs, and the terminal's program with a
# scripted check of its command line, all run by qemu-aarch64-static on this x86-64 machine. See tests/rig/README.md.
#
# Usage: tests/rig/arm64-tier.sh RESULTS_DIR
# Exit status: 0 when the tier ran (outcomes are in RESULTS_DIR/<Project minus .Tests>.Arm64.trx, whatever they are);
# non-zero, with one line on stderr saying why, when the tier could not run. Progress and timings go to stdout.
# ARM64_CACHE (default .cache/arm64) holds the arm64 build; ARM64_TEST_LIMIT (seconds, default 600) bounds each
# test program. RIG_BUILT=1 skips the x86-64 build of tests/Terminal.Firmware.Tests (the caller has built the
# solution in Release), whose Arm64 test drives the scripted collection.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/lib/tools.sh"

# The test projects and the tests of each that run here (MSTest filter). Left out, and why (tests/rig/README.md):
# Kernel (needs the kernel rig's guest); the store's Durability test and crash harness (they start the crash probe
# through the machine's x86-64 dotnet, so they would not test arm64 code) and its Argon2id timing test (it would
# time the emulator, not the handheld); the camera's two random-image sweeps of the photo normaliser (two thirds of
# its emulated time; the example photos take the same SkiaSharp paths on arm64); the ID card reader's long-delay
# test, whose fixed 1.5 s drain window is too short under emulation on a busy machine.
PROJECTS=(
  "tests/Terminal.Drivers.IdCard.Tests|TestCategory!=Kernel&FullyQualifiedName!~ReadCard_LongDelay_TimesOutThenRecovers"
  "tests/Terminal.Drivers.SignaturePad.Tests|TestCategory!=Kernel&FullyQualifiedName!~Open_DevNull_NotAPen"
  "tests/Terminal.Drivers.Panel.Tests|TestCategory!=Kernel"
  "tests/Terminal.Drivers.Linux.Tests|TestCategory!=Kernel&FullyQualifiedName!~Ioctl_OnAFileThatIsNoDevice"
  "tests/Terminal.Drivers.Camera.Tests|TestCategory!=Kernel&FullyQualifiedName!~Normalise_AnyImageAndKind_AlwaysWithinLimit&FullyQualifiedName!~Normalise_RandomNoise_WithinLimitAndSize"
  "tests/Terminal.Records.Tests|TestCategory!=Kernel"
  "tests/Terminal.Storage.Tests|TestCategory!=Kernel&TestCategory!=Durability&TestCategory!=PowerCut&FullyQualifiedName!~TerminalStoreCrashTests&FullyQualifiedName!~Derive_ProductionDefaults"
)
PROGRAM=firmware/Terminal.Firmware
# Debian packages: the arm64 C library, C++ runtime, OpenSSL, zlib and ICU the .NET runtime loads, and qemu-user;
# for the scripted collection socat (the simulators' pty pairs), Chromium and the CJK font (the browser side).
PACKAGES=(libc6:arm64 libstdc++6:arm64 libssl3:arm64 zlib1g:arm64 libicu72:arm64 qemu-user-static socat chromium fonts-wqy-microhei)
CACHE=${ARM64_CACHE:-$ROOT/.cache/arm64}
TEST_LIMIT=${ARM64_TEST_LIMIT:-600}
# .NET under qemu-user: W^X maps the JIT's code twice, and qemu does not see code written through the second
# mapping, so stale translations crash the process or throw bogus NullReferenceExceptions (dotnet/runtime#78340).
# Dynamic PGO's instrumented code doubles the emulated run time. Neither changes what the tests check.
# CsCheck_Iter: the property tests that take CsCheck's default run 20 cases each here, not 100: this tier shows the
# code works on arm64 (the same code paths and the arm64 native libraries); the x86-64 run gives them
# their full count. Tests that name their own count keep it.
QEMU_ENV=(DOTNET_EnableWriteXorExecute=0 DOTNET_TieredPGO=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CsCheck_Iter=20)

now_ms() { date +%s%3N; }
say() { echo "arm64: $*"; }
die() { echo "arm64 tier could not run: $*" >&2; exit 1; }
[ $# -eq 1 ] || die "usage: $0 RESULTS_DIR"
mkdir -p "$1" || die "cannot create $1"
results=$(cd "$1" && pwd)
started=$(now_ms)
phase=$started
secs() { echo "$(( $1 / 1000 )).$(( $1 % 1000 / 100 ))"; }
lap() { local now; now=$(now_ms); say "$1 took $(secs $((now - phase))) s"; phase=$now; }

# 1. Tools: the arm64 architecture in dpkg, its libraries and qemu-user (apt-get; sudo when not root).
command -v dotnet >/dev/null 2>&1 || die "dotnet is not on PATH (the .NET 10 SDK is needed to publish for linux-arm64)"
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "adding the arm64 architecture to dpkg"
  with_apt_lock $sudo dpkg --add-architecture arm64 || die "dpkg --add-architecture arm64 failed"
fi
errors=$(mktemp) || die "cannot create a temporary file"
trap 'rm -f "$errors"' EXIT
ensure_packages "${PACKAGES[@]}" 2>"$errors" || die "apt-get could not install ${PACKAGES[*]}: $(tail -n 1 "$errors")"
QEMU=$(command -v qemu-aarch64-static) || die "qemu-aarch64-static is missing although qemu-user-static is installed"
[ -e /lib/ld-linux-aarch64.so.1 ] || die "the arm64 dynamic loader /lib/ld-linux-aarch64.so.1 is missing (libc6:arm64)"
lap "tools"

# 2. Publish each test project as a self-contained linux-arm64 test program (TerminalTestRunner: see
#    tests/Directory.Build.props), and the terminal's program, in one MSBuild run (tests/rig/arm64/publish.proj).
#    Into $CACHE, apart from the x86-64 build's bin/ and obj/.
mkdir -p "$CACHE" && exec 9>"$CACHE/.lock" && flock 9 || die "cannot lock $CACHE"   # one run at a time
projects=()
declare -A dirs=()
for entry in "${PROJECTS[@]}"; do
  project=${entry%%|*}; name=$(basename "$project")
  projects+=("$ROOT/$project/$name.csproj")
  dirs[$name]=$CACHE/build/publish/$name/release_linux-arm64/   # the SDK's artifacts layout
done
projects+=("$ROOT/$PROGRAM/$(basename "$PROGRAM").csproj")
program_dir=$CACHE/build/publish/$(basename "$PROGRAM")/release_linux-arm64/
log=$results/arm64-publish.log
if ! dotnet msbuild "$ROOT/tests/rig/arm64/publish.proj" -restore -t:Publish -m -nodeReuse:false -nologo -v:quiet \
    -p:ArtifactsPath="$CACHE/build" -p:Projects="\"$(IFS=";"; echo "${projects[*]}")\"" >"$log" 2>&1; then
  grep -E 'error|warning' "$log" | sort -u | head -n 30
  die "the linux-arm64 publish failed (errors above; whole log: $log)"
fi
for name in "${!dirs[@]}"; do
  [ -x "${dirs[$name]}$name" ] || die "the publish of $name left no test program at ${dirs[$name]}$name"
done
[ -x "${program_dir}terminal" ] || die "the publish of $(basename "$PROGRAM") left no program at ${program_dir}terminal"
# SkiaSharp's native library (camera, signature pad) must be the arm64 build: ELF machine 0xb7 (AArch64).
for name in Terminal.Drivers.Camera.Tests Terminal.Drivers.SignaturePad.Tests; do
  skia=${dirs[$name]}libSkiaSharp.so
  [ -f "$skia" ] || die "$name: no libSkiaSharp.so in its publish output (SkiaSharp.NativeAssets.Linux.NoDependencies)"
  [ "$(od -An -tx1 -j18 -N2 "$skia" | tr -d ' ')" = "b700" ] || die "$name: $skia is not an arm64 library"
done
lap "publish"

# 3. Run each test program under qemu-user; MSTest's runner writes the TRX.
run_arm64() { env "${QEMU_ENV[@]}" timeout -k 10 "$TEST_LIMIT" "$QEMU" -L / "$@"; }
missing=()
for entry in "${PROJECTS[@]}"; do
  project=${entry%%|*}; filter=${entry#*|}; name=$(basename "$project")
  trx=${name%.Tests}.Arm64.trx
  rm -f "$results/$trx"
  t=$(now_ms)
  # The tests find their data files beside the program, as in the x86-64 run.
  (cd "${dirs[$name]}" && run_arm64 "./$name" --filter "$filter" --report-trx --report-trx-filename "$trx" \
     --results-directory "$results" --no-progress --no-ansi >"$results/${name%.Tests}.Arm64.log" 2>&1)
  code=$?
  elapsed=$(( $(now_ms) - t ))
  if [ -f "$results/$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$results/$trx" | head -n 1 | grep -o -E ' (total|passed|failed)="[0-9]*"' | tr -d '"' | tr '\n' ' ')
    say "$name:${counters} (exit $code) in $(secs "$elapsed") s"
    grep -E '^(failed|  [A-Za-z].*(Exception|failed))' "$results/${name%.Tests}.Arm64.log" | head -n 20
  else
    tail -n 20 "$results/${name%.Tests}.Arm64.log"
    say "$name wrote no TRX (exit $code after $(secs "$elapsed") s; log: $results/${name%.Tests}.Arm64.log)"
    missing+=("$trx")
  fi
done
lap "tests under qemu-user"

# 4. The terminal's program under qemu-user: the technician's commands of the README, as one TRX.
. "$ROOT/tests/rig/lib/trx.sh"
trx_begin "Terminal.Firmware.Arm64"
check_cli() { # NAME EXPECTED_EXIT EXPECTED_TEXT ARGS...: one test of the program's command line
  local test=$1 want=$2 text=$3; shift 3
  local t out code outcome=Passed why=""
  t=$(now_ms)
  out=$(cd "$program_dir" && run_arm64 ./terminal "$@" 2>&1); code=$?
  if [ "$code" -ne "$want" ]; then outcome=Failed; why="exit $code, expected $want"
  elif ! grep -qF -- "$text" <<<"$out"; then outcome=Failed; why="the output lacks: $text"
  fi
  trx_result "$test" "$outcome" "$(( $(now_ms) - t ))" "terminal $*"$'\n'"$out" "$why"
  say "terminal $*: $outcome${why:+ ($why)} in $(secs $(( $(now_ms) - t ))) s"
}
check_cli "IdNumberCheck_ValidNumber_PrintsBirthDateSexAndArea" 0 "地区：新疆维吾尔自治区乌鲁木齐市水磨沟区（650105）" \
  idnumber check 650105198001010011
check_cli "IdNumberCheck_WrongCheckDigit_SaysWhichDigitItShouldBe" 1 "第18位校验码应为1" \
  idnumber check 650105198001010012
check_cli "CategoriesCheck_AllowedSet_ListsTheCategories" 0 "允许：（1）军队转业干部、（7）残疾军人、（9）烈士遗属" \
  categories check 1,7,9
check_cli "CategoriesCheck_DisabledSoldierAlone_IsRefused" 1 "（7）残疾军人不可单独选择" \
  categories check 7
trx_end "$results/Terminal.Firmware.Arm64.trx" || die "cannot write $results/Terminal.Firmware.Arm64.trx"
lap "terminal program under qemu-user"

# 5. One scripted collection on the arm64 program: the x86-64 MSTest test of the Arm64 category
#    (tests/Terminal.Firmware.Tests/Arm64) provisions a terminal with it, starts `terminal serve` under qemu-user with
#    the reader and pad simulators on ptys and the demo camera, drives one Subject from ID card to Finalize through
#    the web UI in headless Chromium, and opens the sealed record from the outbox with the district key. It finds
#    the program through TERMINAL_ARM64_PROGRAM (without it the test fails saying so).
collection=Terminal.Firmware.Collection.Arm64
rm -f "$results/$collection.trx"
if [ -z "${RIG_BUILT:-}" ]; then   # ./test sets RIG_BUILT=1: it has just built the whole solution in Release
  (cd "$ROOT" && quiet_build tests/Terminal.Firmware.Tests) 2>"$errors" || die "tests/Terminal.Firmware.Tests does not build: $(grep -m 1 error "$errors")"
fi
t=$(now_ms)
TERMINAL_ARM64_PROGRAM=${program_dir}terminal TERMINAL_ARM64_QEMU=$QEMU timeout -k 10 "$TEST_LIMIT" \
  dotnet test "$ROOT/tests/Terminal.Firmware.Tests" -c Release --no-build -nologo -v quiet --filter "TestCategory=Arm64" \
  --logger "trx;LogFileName=$collection.trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  >"$results/$collection.log" 2>&1
code=$?
if [ -f "$results/$collection.trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$results/$collection.trx" | head -n 1 | grep -o -E ' (total|passed|failed)="[0-9]*"' | tr -d '"' | tr '\n' ' ')
  say "scripted collection:${counters} (exit $code) in $(secs $(( $(now_ms) - t ))) s"
  grep -E '^\s*(Failed|Error Message)' -A 3 "$results/$collection.log" | head -n 20
else
  tail -n 20 "$results/$collection.log"
  say "the scripted collection wrote no TRX (exit $code; log: $results/$collection.log)"
  missing+=("$collection.trx")
fi
lap "scripted collection under qemu-user"

say "arm64 tier took $(( ($(now_ms) - started) / 1000 )) s in all"
[ ${#missing[@]} -eq 0 ] || die "no test results from ${missing[*]} (logs in $results)"
exit 0
