# Helpers for ./test and ./demo: find or install the tools a tier needs. Sourced, not run.

# Debian packages the test tiers need. Each later tier adds its own (postgresql, chromium, socat, qemu...).
TEST_PACKAGES=()

# dotnet must be the .NET 10 SDK; it is not in Debian's archive, so it cannot be installed from here.
ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 || return 1
  dotnet --list-sdks 2>/dev/null | grep -q '^10\.' || { echo "dotnet is on PATH but no .NET 10 SDK is installed" >&2; return 1; }
}

# Installs the named Debian packages that are not installed yet (apt-get; sudo when not root).
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "== installing: ${missing[*]}"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Builds the terminal's program once into .cache/terminal (again when a source under firmware/ is newer).
build_terminal() {
  local out=.cache/terminal/terminal.dll
  if [ ! -f "$out" ] || [ -n "$(find firmware Directory.Build.props Directory.Packages.props \( -name bin -o -name obj \) -prune -o -type f -newer "$out" -print -quit)" ]; then
    dotnet build firmware/Terminal.Firmware -c Release -nodeReuse:false -v quiet -nologo -clp:ErrorsOnly -clp:NoSummary -o .cache/terminal >&2 || return 1
  fi
}
