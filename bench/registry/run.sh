#!/usr/bin/env bash
# snello copy against skopeo copy through a local registry (Debian's docker-registry on 127.0.0.1), both
# directions, each run with an empty cache and a fresh destination:
#   pull  docker://127.0.0.1:PORT/bench/img:v1 -> oci:DIR:v1
#   push  oci:DIR:v1 -> docker://127.0.0.1:PORT/bench/push-N:v1 (a new repository each run, so every blob moves)
# The image is generated once: about 60 MB in 4 gzip layers, mostly incompressible like binaries.
# Prints each tool's median wall time and the ratio. Goal: ratio at most 0.8 in both directions.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../common/snello.sh"
need docker-registry skopeo time bc python3
runs=${RUNS:-5}
work="$cache/registry"
mkdir -p "$work"

make_image() {
  local layout="$work/image"
  [ -f "$layout/index.json" ] && return
  echo "[bench] generating an image of about 60 MB in 4 layers" >&2
  python3 - "$layout" <<'PY'
import gzip, hashlib, io, json, os, random, sys, tarfile
root = sys.argv[1]
rng = random.Random(7)
blobs = os.path.join(root, "blobs", "sha256")
os.makedirs(blobs, exist_ok=True)
def put(data):
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(blobs, digest), "wb") as f:
        f.write(data)
    return "sha256:" + digest, len(data)
layers, diff_ids = [], []
for n, size_mb in enumerate([36, 18, 12, 6]):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for i in range(size_mb * 4):
            # Three quarters random bytes, one quarter text: compresses a little, like real layers.
            data = rng.randbytes(224 << 10) + (b"snello benchmark text " * 1490)[: 32 << 10]
            info = tarfile.TarInfo(f"layer{n}/file{i:04d}.bin")
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            tar.addfile(info, io.BytesIO(data))
    tar_bytes = raw.getvalue()
    diff_ids.append("sha256:" + hashlib.sha256(tar_bytes).hexdigest())
    digest, size = put(gzip.compress(tar_bytes, compresslevel=1, mtime=0))
    layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": digest, "size": size})
config = json.dumps({"architecture": "amd64", "os": "linux", "config": {},
                     "rootfs": {"type": "layers", "diff_ids": diff_ids}}, separators=(",", ":")).encode()
cdigest, csize = put(config)
manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                       "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": cdigest,
                                  "size": csize}, "layers": layers}, separators=(",", ":")).encode()
mdigest, msize = put(manifest)
with open(os.path.join(root, "oci-layout"), "w") as f:
    json.dump({"imageLayoutVersion": "1.0.0"}, f)
with open(os.path.join(root, "index.json"), "w") as f:
    json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
               "digest": mdigest, "size": msize,
               "annotations": {"org.opencontainers.image.ref.name": "v1"}}]}, f)
PY
}

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
registry="127.0.0.1:$port"
rm -rf "$work/storage"
cat > "$work/config.yml" <<YML
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $work/storage
http:
  addr: $registry
YML
docker-registry serve "$work/config.yml" >"$work/registry.log" 2>&1 &
registry_pid=$!
trap 'kill "$registry_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && break
  sleep 0.1
done

make_image
size=$(du -sb "$work/image/blobs" | cut -f1)
skopeo copy --quiet --dest-tls-verify=false "oci:$work/image:v1" "docker://$registry/bench/img:v1" >&2

dest="$work/out"
counter="$work/counter"
echo 0 > "$counter"
export SNELLO dest registry work counter

# skopeo remembers where it saw blobs (containers/image's blob info cache) and mounts them from there instead
# of uploading; that cache is emptied before each of its runs, as snello's is.
skopeo_cache() {
  if [ "$(id -u)" -eq 0 ]; then echo /var/lib/containers/cache; else
    echo "${XDG_DATA_HOME:-$HOME/.local/share}/containers/cache"; fi
}
skopeo_cache_dir=$(skopeo_cache)
export skopeo_cache_dir

# A fresh repository name per push run, so the registry has none of the blobs.
fresh_push() {
  local n
  n=$(( $(cat "$counter") + 1 ))
  echo "$n" > "$counter"
  if [ "$1" = snello ]; then
    "$SNELLO" copy "oci:$work/image:v1" "docker://$registry/bench/push-snello-$n:v1"
  else
    skopeo copy --quiet --dest-tls-verify=false "oci:$work/image:v1" "docker://$registry/bench/push-skopeo-$n:v1"
  fi
}
export -f fresh_push

compare() {
  local name=$1 snello_cmd=$2 skopeo_cmd=$3
  BEFORE_EACH="rm -rf '$dest' '$XDG_CACHE_HOME' '$skopeo_cache_dir'/blob-info-cache-v1.*"
  read -r s_time s_rss < <(measure "$runs" bash -c "$snello_cmd")
  read -r k_time k_rss < <(measure "$runs" bash -c "$skopeo_cmd")
  printf '%-6s %4d MB   snello %6.2f s %5d MiB   skopeo %6.2f s %5d MiB   ratio %.3f (goal <= 0.8)\n' \
    "$name" $((size / 1000000)) "$s_time" $((s_rss / 1024)) "$k_time" $((k_rss / 1024)) \
    "$(echo "$s_time / $k_time" | bc -l)"
}

echo "registry benchmark: median of $runs runs each, $(nproc) cores, registry at $registry"
compare pull "\"\$SNELLO\" copy docker://\$registry/bench/img:v1 oci:\$dest:v1" \
  "skopeo copy --quiet --src-tls-verify=false docker://\$registry/bench/img:v1 oci:\$dest:v1"
compare push "fresh_push snello" "fresh_push skopeo"
rm -rf "$dest"
