#!/bin/sh
# Builds the container image's file layout from the zip package; the one source of truth for it, used
# by deploy/Dockerfile (build stage) and by ImageLayoutIT (which runs the function from the result).
#
#   deploy/image/prepare-layout.sh <function.zip> <out-dir>
#
# <out-dir>/task      -> /var/task (${LAMBDA_TASK_ROOT}): function.zip's contents WITHOUT the
#                        pytorch-native-cpu jar (-111 MB; DJL must not extract libtorch at cold start),
#                        the function's own classes and resources packed into lib/function.jar (the
#                        JDK's AOT cache refuses a non-empty directory on the class path: bootstrap),
#                        without Quarkus's class-preload list (below)
# <out-dir>/libtorch  -> /opt/libtorch (PYTORCH_LIBRARY_PATH): libtorch's .so files from that jar, plus
#                        libdjl_torch.so from the pytorch-jni jar, so DJL writes nothing
# Everything ends up world-readable and read-only. Needs only sh, unzip and zip.
set -eu
zip="$1"
out="$2"
arch=linux-x86_64
flavor=cpu

[ -f "$zip" ] || { echo "no such file: $zip (run ./mvnw package first)" >&2; exit 1; }
if [ -e "$out" ]; then
  chmod -R u+w "$out"
  rm -rf "$out"
fi
mkdir -p "$out/task" "$out/libtorch"
unzip -q "$zip" -d "$out/task"

native=$(ls "$out"/task/lib/*pytorch-native-cpu*"$arch"*.jar)
jni=$(ls "$out"/task/lib/*pytorch-jni*.jar)
[ "$(echo "$native" | wc -l)" = 1 ] && [ "$(echo "$jni" | wc -l)" = 1 ] \
  || { echo "expected exactly one pytorch-native-cpu and one pytorch-jni jar in lib/" >&2; exit 1; }

unzip -q -j "$native" "pytorch/$flavor/$arch/*.so*" -d "$out/libtorch"
unzip -q -j "$jni" "jnilib/$arch/$flavor/libdjl_torch.so" -d "$out/libtorch"
rm "$native"

# The top level of function.zip (the function's classes, Quarkus's generated classes, META-INF) -> one jar
# Quarkus's SnapStart preload list (META-INF/quarkus-generated-preload-classes.txt: 332 classes loaded and
# initialised at start, 36 of them training classes serving never uses) is left out: the image cannot use
# SnapStart, and without the list it answered its first request ~40 ms sooner (docs/BENCHMARKS.md, "Cold
# start"). The setting is build-time, so the zip keeps it for SnapStart. PRELOAD_CLASSES=keep keeps it
# (the bench's comparison).
if [ "${PRELOAD_CLASSES:-drop}" = drop ]; then
  rm -f "$out/task/META-INF/quarkus-generated-preload-classes.txt"
fi
(cd "$out/task" && zip -q -r -X lib/function.jar . -x 'lib/*' && find . -mindepth 1 -maxdepth 1 ! -name lib -exec rm -rf {} +)

chmod -R a+rX,a-w "$out/task" "$out/libtorch"
echo "layout in $out: task $(du -sm "$out/task" | cut -f1) MB, libtorch $(du -sm "$out/libtorch" | cut -f1) MB" >&2
