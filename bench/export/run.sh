#!/usr/bin/env bash
# snello export against umoci unpack --rootless on the same OCI layouts, in one run:
#   1. a real Debian root filesystem (mmdebstrap --variant=minbase bookworm), when mmdebstrap can reach the
#      mirror of the host's apt sources;
#   2. a generated image of about 1 GB in 100,000 files, for wall time and snello's peak memory.
# Prints each tool's median wall time, peak RSS and the ratio. Goals: ratio at most 0.2; peak RSS at most
# 150 MiB on the 1 GB image; `snello --version` at most 20 ms.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../common/snello.sh"
need umoci mmdebstrap hyperfine time bc
runs=${RUNS:-3}
work="$cache/export"
mkdir -p "$work"

make_generated() {
  local layout="$work/generated"
  [ -f "$layout/index.json" ] && return
  echo "[bench] generating 100,000 files of about 1 GB" >&2
  local rootfs="$work/generated-rootfs"
  rm -rf "$rootfs"
  python3 - "$rootfs" <<'PY'
import os, random, sys
root = sys.argv[1]
rng = random.Random(42)
# Half random bytes (incompressible, like binaries), half text-like (compressible), 10 KiB on average.
words = [bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz ") for _ in range(rng.randint(3, 12))) for _ in range(2000)]
for i in range(100_000):
    d = os.path.join(root, f"usr/lib/pkg{i % 500:03d}/sub{i % 7}")
    os.makedirs(d, exist_ok=True)
    size = rng.randint(0, 20480)
    if i % 2:
        data = rng.randbytes(size)
    else:
        data = b" ".join(rng.choice(words) for _ in range(size // 7))[:size]
    with open(os.path.join(d, f"file{i}.dat"), "wb") as f:
        f.write(data)
PY
  "$SNELLO" copy "dir:$rootfs" "oci:$layout:bench" >&2
  rm -rf "$rootfs"
}

make_debian() {
  local layout="$work/debian"
  [ -f "$layout/index.json" ] && return 0
  echo "[bench] building a bookworm minbase root filesystem with mmdebstrap" >&2
  if ! mmdebstrap --variant=minbase --quiet bookworm "$work/debian.tar" >&2; then
    echo "[bench] mmdebstrap failed; skipping the Debian image" >&2
    return 1
  fi
  rm -rf "$work/debian-rootfs" && mkdir -p "$work/debian-rootfs"
  tar -xf "$work/debian.tar" -C "$work/debian-rootfs" --exclude='./dev/*'
  "$SNELLO" copy "dir:$work/debian-rootfs" "oci:$layout:bench" >&2
  rm -rf "$work/debian-rootfs" "$work/debian.tar"
}

compare() {
  local name=$1 layout=$2
  local out="$work/out" trash="$work/trash"
  mkdir -p "$trash"
  # Earlier outputs are moved aside, not deleted, before each run: ext4 skips inodes freed in the last
  # minute or more when it allocates (recently_deleted, fs/ext4/ialloc.c), so a run right after deleting
  # 100,000 files spends seconds of system time scanning past them, whichever tool it is.
  BEFORE_EACH="if [ -e '$out' ]; then mv '$out' '$trash'/\$RANDOM\$RANDOM; fi"
  read -r s_time s_rss < <(measure "$runs" "$SNELLO" export "oci:$layout:bench" "$out")
  read -r u_time u_rss < <(measure "$runs" umoci unpack --rootless --image "$layout:bench" "$out")
  eval "$BEFORE_EACH"
  local files
  files=$("$SNELLO" ls -R "oci:$layout:bench" / | wc -l)
  printf '%-22s %8s entries  snello %6.2f s %6d MiB   umoci %6.2f s %6d MiB   ratio %.3f (goal <= 0.2)\n' \
    "$name" "$files" "$s_time" $((s_rss / 1024)) "$u_time" $((u_rss / 1024)) \
    "$(echo "$s_time / $u_time" | bc -l)"
}

echo "export benchmark: median of $runs runs each, $(nproc) cores"
if make_debian; then compare "debian bookworm minbase" "$work/debian"; fi
make_generated
compare "generated 1 GB" "$work/generated"
rm -rf "$work/trash"
hyperfine -N --warmup 5 --runs 100 "$SNELLO --version" --export-json "$work/startup.json" >/dev/null 2>&1
python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f'startup  snello --version  mean {r[\"mean\"]*1000:.1f} ms, median {r[\"median\"]*1000:.1f} ms (goal <= 20 ms)')" "$work/startup.json"
