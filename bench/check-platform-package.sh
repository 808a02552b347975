#!/usr/bin/env bash
# Packages function.zip with another platform's profile active, as a build on that platform would,
# in a copy of the sources (so target/ here is untouched), and checks what the package carries:
# exactly one libtorch jar, the Lambda's linux-x86_64 one, never the build machine's.
# Usage: bench/check-platform-package.sh [PROFILE=platform-osx-aarch64]   (offline once the jars are local)
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-platform-osx-aarch64}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work"
(cd "$work" && ./mvnw -B -q -o package -DskipTests -P"$profile")
natives=$(unzip -Z1 "$work/target/function.zip" | grep 'pytorch-native-cpu' || true)
echo "$profile: function.zip holds: $natives"
if [[ "$natives" != *"pytorch-native-cpu-2.7.1-linux-x86_64.jar" || $(wc -l <<<"$natives") != 1 ]]; then
  echo "FAIL: expected only the linux-x86_64 libtorch jar in function.zip" >&2
  exit 1
fi
echo "OK"
