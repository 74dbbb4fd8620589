#!/usr/bin/env bash
# Re-derives the models that liveness-core ships as resources (MediaPipe's face detector,
# Face Mesh and canonical face; Faceplugin's face-recognition embedding) from the npm
# packages they come from, and verifies them against models/SHA256SUMS.
#   scripts/fetch-models.sh          verify only (exit 1 on any mismatch)
#   scripts/fetch-models.sh --write  overwrite the resources with the re-derived files
# Needs: npm, python3, sha256sum. Network: the npm registry only.
set -euo pipefail
FD_PKG=@mediapipe/face_detection@0.4.1657300184
FM_PKG=@mediapipe/face_mesh@0.4.1657299874
FR_PKG=faceplugin-face-recognition-js@0.0.1
here=$(cd "$(dirname "$0")/.." && pwd)
dest=$here/liveness-core/src/main/resources/models
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "$FD_PKG" "$FM_PKG" "$FR_PKG" >/dev/null
mkdir fd fm fr
tar xzf mediapipe-face_detection-*.tgz -C fd
tar xzf mediapipe-face_mesh-*.tgz -C fm
tar xzf faceplugin-face-recognition-js-*.tgz -C fr
mkdir out
cp fd/package/face_detection_short_range.tflite out/
cp fr/package/model/fr_feature.onnx out/
# the shipped licence text must be the package's own LICENSE file, unchanged
cmp fr/package/LICENSE "$dest/LICENSE-MIT-faceplugin.txt" \
  || { echo "LICENSE-MIT-faceplugin.txt differs from $FR_PKG's LICENSE" >&2; exit 1; }
# face_landmark.tflite and the canonical face geometry live inside one packed
# data file; its loader script lists each file's byte range.
python3 "$here/scripts/unpack_face_mesh.py" \
  fm/package/face_mesh_solution_packed_assets_loader.js \
  fm/package/face_mesh_solution_packed_assets.data out
cp fm/package/package.json out/face_mesh.package.json
cp fd/package/package.json out/face_detection.package.json
cp fr/package/package.json out/face_recognition.package.json
( cd out && sha256sum face_detection_short_range.tflite face_landmark.tflite canonical_face_mesh.txt \
  fr_feature.onnx ) > out/SHA256SUMS
if [[ "${1:-}" == "--write" ]]; then
  # fr_feature.onnx is not written: the build unpacks it from the same tarball (liveness-core/pom.xml)
  cp out/face_detection_short_range.tflite out/face_landmark.tflite out/canonical_face_mesh.txt \
    out/SHA256SUMS "$dest/"
  echo "models written to $dest"
fi
if diff -u "$dest/SHA256SUMS" out/SHA256SUMS; then
  ( cd "$dest" && sha256sum -c --ignore-missing SHA256SUMS )
  echo "models verified: identical to $FD_PKG, $FM_PKG and $FR_PKG"
else
  echo "MISMATCH between shipped models and $FD_PKG / $FM_PKG / $FR_PKG" >&2; exit 1
fi
