#!/usr/bin/env bash
# Publishes the console app with the host's .NET SDK into out/: self-contained for linux-x64, so the
# image needs only the libraries the runtime loads, not a .NET installation.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if ! command -v dotnet >/dev/null; then
  echo "examples/dotnet-hello/build.sh: dotnet is missing; install the .NET 10 SDK" >&2
  exit 5
fi
rm -rf "$here/out"
DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet publish "$here/hello.csproj" -c Release -o "$here/out" \
  -nologo -v quiet >&2
echo "$here/out/hello"
