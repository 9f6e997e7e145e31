#!/usr/bin/env bash
# Snello's main job on the built-in example, on a fresh Debian 12 machine with the .NET 10 SDK: publishes the
# native snello, assembles examples/hello into a root filesystem, and makes, inspects, lists, converts and
# exports an image from it. Everything is written under artifacts/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
log() { printf '\n[demo] %s\n' "$*" >&2; }

missing=()
for p in clang zlib1g-dev busybox-static; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} (Native AOT needs clang and zlib; the example needs a static busybox)"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

log "publishing the native snello to artifacts/bin"
dotnet publish src/Snello.Cli -c Release -o artifacts/bin --nologo -v quiet >&2
snello=artifacts/bin/snello
export XDG_CACHE_HOME="$root/artifacts/cache"

rootfs=$(examples/hello/build.sh artifacts/example/rootfs)
rm -rf artifacts/example/oci artifacts/example/hello.tar artifacts/example/export

log "snello copy dir:$rootfs oci:artifacts/example/oci:hello"
$snello copy "dir:$rootfs" oci:artifacts/example/oci:hello

log "snello inspect oci:artifacts/example/oci:hello"
$snello inspect oci:artifacts/example/oci:hello

log "snello ls oci:artifacts/example/oci:hello /"
$snello ls oci:artifacts/example/oci:hello /

log "snello cat oci:artifacts/example/oci:hello /app/greeting.txt"
$snello cat oci:artifacts/example/oci:hello /app/greeting.txt

log "snello copy oci:artifacts/example/oci:hello docker-archive:artifacts/example/hello.tar:snello/hello:1"
$snello copy oci:artifacts/example/oci:hello docker-archive:artifacts/example/hello.tar:snello/hello:1

log "snello export oci:artifacts/example/oci:hello artifacts/example/export"
$snello export oci:artifacts/example/oci:hello artifacts/example/export

log "digests: the manifest, and the config (the image ID docker will show after 'docker load')"
$snello digest oci:artifacts/example/oci:hello
$snello digest --config docker-archive:artifacts/example/hello.tar
