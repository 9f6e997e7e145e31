#!/usr/bin/env bash
# Assembles the example root filesystem into OUT (default artifacts/example/rootfs): the committed files plus
# Debian's static busybox, so the image has a real program in it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-$here/../../artifacts/example/rootfs}
if [ ! -x /bin/busybox ]; then
  echo "examples/hello/build.sh: /bin/busybox is missing; install Debian's busybox-static" >&2
  exit 5
fi
rm -rf "$out"
mkdir -p "$out/bin" "$out/tmp"
chmod 1777 "$out/tmp"
cp -a "$here/rootfs/." "$out/"
cp /bin/busybox "$out/bin/busybox"
ln -s busybox "$out/bin/sh"
echo "$out"
