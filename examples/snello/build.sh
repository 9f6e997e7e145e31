#!/usr/bin/env bash
# Publishes Snello's own command line, src/Snello.Cli, as a Native AOT program into out/snello, with the
# sample Dockerfile the image's default command lints.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
if ! command -v dotnet >/dev/null; then
  echo "examples/snello/build.sh: dotnet is missing; install the .NET 10 SDK" >&2
  exit 5
fi
# Native AOT links with the host's clang (or gcc) and needs zlib's headers: Debian's clang and zlib1g-dev.
rm -rf "$here/out"
DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet publish "$root/src/Snello.Cli/Snello.Cli.csproj" \
  -c Release -r linux-x64 -p:PublishAot=true -o "$here/out/publish" -nologo -v quiet >&2
install -m 0755 "$here/out/publish/snello" "$here/out/snello"
rm -rf "$here/out/publish"
install -m 0644 "$here/sample.Dockerfile" "$here/out/Dockerfile"
echo "$here/out/snello"
