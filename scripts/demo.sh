#!/usr/bin/env bash
# Snello's main job on the built-in example, on a fresh Debian 12 machine with the .NET 10 SDK: publishes the
# native snello, compiles examples/c-hello with gcc, builds its distroless image from Debian's packages with
# 'snello build' (no Docker daemon), shows what is in it, and runs it in Docker where an engine answers.
# Everything is written under artifacts/ and the cache under artifacts/cache.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
log() { printf '\n[demo] %s\n' "$*" >&2; }

missing=()
for p in clang zlib1g-dev gcc libc6-dev debian-archive-keyring; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} (Native AOT needs clang and zlib; the example needs gcc; the archive keyring)"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

log "publishing the native snello to artifacts/bin"
dotnet publish src/Snello.Cli -c Release -o artifacts/bin --nologo -v quiet >&2
snello="$root/artifacts/bin/snello"
export XDG_CACHE_HOME="$root/artifacts/cache"

log "compiling examples/c-hello with gcc"
examples/c-hello/build.sh >/dev/null

# The build runs on a copy of the example, so the lock it writes stays out of the repository.
work="$root/artifacts/example"
rm -rf "$work" && mkdir -p "$work"
cp -r examples/c-hello "$work/c-hello"

log "snello build: Debian bookworm packages from the mirror in the host's apt sources, resolved and pinned"
$snello build "$work/c-hello/snello.yaml" --output "oci:$work/oci:hello" --explain

log "the same spec again, now from its lock file and the cache: the same digest"
$snello build "$work/c-hello/snello.yaml" --output "docker-archive:$work/hello.tar:snello-example/c-hello:1"
head -c 600 "$work/c-hello/snello.lock"; echo " ..."

log "what is in the image: no shell, no package manager"
$snello inspect "oci:$work/oci:hello"
$snello ls "oci:$work/oci:hello" /
$snello cat "oci:$work/oci:hello" /etc/passwd

log "the debug variant: busybox at /busybox, entrypoint /busybox/sh"
$snello debug-image "oci:$work/oci:hello" --output "docker-archive:$work/hello-debug.tar:snello-example/c-hello:debug"

engine=""
if docker info >/dev/null 2>&1; then
  engine=default
elif [ -S /run/snello-docker.sock ] && docker -H unix:///run/snello-docker.sock info >/dev/null 2>&1; then
  engine=unix:///run/snello-docker.sock
fi
if [ -n "$engine" ]; then
  d=(docker); [ "$engine" = default ] || d=(docker -H "$engine")
  log "docker load and docker run --network none"
  "${d[@]}" load -i "$work/hello.tar" >&2
  "${d[@]}" run --rm --network none snello-example/c-hello:1
  "${d[@]}" load -i "$work/hello-debug.tar" >&2
  "${d[@]}" run --rm --network none snello-example/c-hello:debug -c 'ls /app && id'
  log "size as docker reports it: $("${d[@]}" image inspect -f '{{.Size}}' snello-example/c-hello:1) bytes"
else
  log "no Docker engine answers here; run the image with: docker load -i $work/hello.tar &&" \
    "docker run --rm snello-example/c-hello:1"
fi
