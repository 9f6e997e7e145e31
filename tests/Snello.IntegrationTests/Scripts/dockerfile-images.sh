#!/usr/bin/env bash
# Makes the local images the Dockerfile acceptance tests build on, unless the engine has them:
#   snello-test/df-dev:12          Debian 12 minbase with Go, gcc, Python, Node.js and a JDK (the builder)
#   snello-test/df-base-libc:12    only libc6 and its dependencies (for Go and C programs)
#   snello-test/df-base-python:12  python3-minimal's files
#   snello-test/df-base-node:12    nodejs's files
#   snello-test/df-base-java:12    openjdk-17-jre-headless's files, with /usr/bin/java
#   snello-test/df-base-dotnet:12  what a self-contained .NET program loads: glibc, libgcc, libstdc++,
#                                  zlib, OpenSSL and ICU
# The bases are made with mmdebstrap's 'extract' variant: package files only, no maintainer scripts,
# so no shell, no package manager. Packages come from the host's apt configuration.
# Usage: dockerfile-images.sh DOCKER_HOST WORK_DIR
set -euo pipefail
host="$1"
work="$2"
mkdir -p "$work"
export DOCKER_API_VERSION=1.41

make_image() {
    local tag="$1"
    shift
    if docker -H "$host" image inspect "$tag" >/dev/null 2>&1; then
        return
    fi
    local tar="$work/$(echo "$tag" | tr '/:' '__').tar"
    mmdebstrap --quiet "$@" bookworm "$tar"
    docker -H "$host" import "$tar" "$tag" >/dev/null
    rm -f "$tar"
}

make_image snello-test/df-dev:12 --variant=minbase \
    --include=golang-go,gcc,libc6-dev,python3,nodejs,openjdk-17-jdk-headless
make_image snello-test/df-base-libc:12 --variant=extract --include=libc6
make_image snello-test/df-base-python:12 --variant=extract --include=python3-minimal
make_image snello-test/df-base-node:12 --variant=extract --include=nodejs
make_image snello-test/df-base-dotnet:12 --variant=extract \
    --include=libc6,libgcc-s1,libstdc++6,zlib1g,libssl3,libicu72
# update-alternatives, a maintainer script, would make /usr/bin/java; the extract variant runs no
# scripts and no customize hooks, so the link is made here.
if ! docker -H "$host" image inspect snello-test/df-base-java:12 >/dev/null 2>&1; then
    root="$work/java-root"
    rm -rf "$root"
    mmdebstrap --quiet --variant=extract --include=openjdk-17-jre-headless bookworm "$root"
    ln -sf /usr/lib/jvm/java-17-openjdk-amd64/bin/java "$root/usr/bin/java"
    tar -C "$root" -c . | docker -H "$host" import - snello-test/df-base-java:12 >/dev/null
    rm -rf "$root"
fi
