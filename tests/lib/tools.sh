# Helpers for ./test and ./demo: find or install the tools a tier needs. Sourced, not run.

# Debian packages the test tiers need: socat (pty tier), strace (store durability), postgresql (database tier),
# e2fsprogs (the power-cut tier builds its virtual disk with mkfs.ext4 -d), chromium and fonts-wqy-microhei (browser
# tests: Debian's Chromium through Playwright, and a CJK font so screenshots show Chinese, not boxes; the same font is
# embedded in the host's PDFs), fonts-dejavu-core (a Latin-only font the reports tests must see refused),
# poppler-utils (the host's PDFs rendered to PNG by pdftoppm in the reports tests).
TEST_PACKAGES=(socat strace postgresql e2fsprogs chromium fonts-wqy-microhei fonts-dejavu-core poppler-utils)

# dotnet must be the .NET 10 SDK; it is not in Debian's archive, so it cannot be installed from here.
ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 || return 1
  dotnet --list-sdks 2>/dev/null | grep -q '^10\.' || { echo "dotnet is on PATH but no .NET 10 SDK is installed" >&2; return 1; }
}

# The lock every change to the machine's packages here takes: two scripts installing at once (./bench beside
# ./test, two tiers started by hand) would otherwise have apt refuse the second while the first holds its own lock.
APT_LOCK=${TMPDIR:-/tmp}/terminal-apt.lock

# Runs a command holding APT_LOCK (on fd 7: the callers' own locks are on fd 9).
with_apt_lock() {
  ( exec 7>"$APT_LOCK" && flock 7 || { echo "cannot lock $APT_LOCK" >&2; exit 1; }; "$@" )
}

# Prints, one a line, those of the named Debian packages that are not installed.
uninstalled_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

# Installs the named Debian packages that are not installed yet (apt-get; sudo when not root). The check is made
# again under the lock: another script may have installed them while this one waited.
ensure_packages() {
  [ -z "$(uninstalled_packages "$@")" ] && return 0
  with_apt_lock install_uninstalled_packages "$@"
}

install_uninstalled_packages() {
  local missing sudo=""
  mapfile -t missing < <(uninstalled_packages "$@")
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "== installing: ${missing[*]}"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Builds the terminal's program once into .cache/terminal (again when a source under firmware/ is newer).
build_terminal() {
  local out=.cache/terminal/terminal.dll
  mkdir -p .cache
  exec 9>.cache/terminal.lock && flock 9   # two commands started at once build once
  if [ ! -f "$out" ] || [ -n "$(find firmware drivers Directory.Build.props Directory.Packages.props \( -name bin -o -name obj \) -prune -o -type f -newer "$out" -print -quit)" ]; then
    quiet_build firmware/Terminal.Firmware -o .cache/terminal || { exec 9>&-; return 1; }
  fi
  exec 9>&-
}

# Builds a project in Release, printing the build's output only when it fails.
quiet_build() {
  mkdir -p .cache
  local log=.cache/build-$$.log
  if dotnet build "$@" -c Release -nodeReuse:false -v quiet -nologo >"$log" 2>&1; then rm -f "$log"; else cat "$log" >&2; rm -f "$log"; return 1; fi
}
