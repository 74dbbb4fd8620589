#!/usr/bin/env python3
"""Extracts face_landmark.tflite and the canonical face mesh from
@mediapipe/face_mesh's packed assets.

usage: unpack_face_mesh.py LOADER_JS PACKED_DATA OUT_DIR

The loader script lists {"filename": ..., "start": ..., "end": ...} for every
file in the packed data. The canonical mesh comes from
geometry_pipeline_metadata_landmarks.binarypb (a protobuf: field 1 is a Mesh3d
whose field 3 is the vertex buffer, 5 floats per vertex x,y,z,u,v, and whose
field 4 is the triangle index buffer); it is written as plain text so the Java
side needs no protobuf library.
"""
import json, re, struct, sys

loader, packed, out = sys.argv[1:4]
text = open(loader, encoding="utf-8").read()
ranges = {m.group(1).rsplit("/", 1)[-1]: (int(m.group(2)), int(m.group(3)))
          for m in re.finditer(r'"filename":\s*"([^"]+)",\s*"start":\s*(\d+),\s*"end":\s*(\d+)', text)}
data = open(packed, "rb").read()

def part(name):
    start, end = ranges[name]
    return data[start:end]

open(f"{out}/face_landmark.tflite", "wb").write(part("face_landmark.tflite"))

def varint(b, i):
    r = s = 0
    while True:
        c = b[i]; i += 1; r |= (c & 0x7F) << s; s += 7
        if c < 0x80:
            return r, i

def fields(b):
    i = 0
    while i < len(b):
        key, i = varint(b, i); num, wt = key >> 3, key & 7
        if wt == 0:
            v, i = varint(b, i)
        elif wt == 2:
            n, i = varint(b, i); v = b[i:i + n]; i += n
        elif wt == 5:
            v = struct.unpack("<f", b[i:i + 4])[0]; i += 4
        elif wt == 1:
            v = b[i:i + 8]; i += 8
        else:
            raise ValueError(f"wire type {wt}")
        yield num, wt, v

meta = part("geometry_pipeline_metadata_landmarks.binarypb")
mesh = next(v for n, wt, v in fields(meta) if n == 1)
verts, tris = [], []
for n, wt, v in fields(mesh):
    if n == 3:
        if wt == 2:  # packed encoding
            verts.extend(struct.unpack(f"<{len(v)//4}f", v))
        else:
            verts.append(v)
    elif n == 4:
        if wt == 2:
            j = 0
            while j < len(v):
                x, j = varint(v, j); tris.append(x)
        else:
            tris.append(v)
assert len(verts) == 468 * 5, len(verts)
assert len(tris) % 3 == 0
with open(f"{out}/canonical_face_mesh.txt", "w") as f:
    f.write("# MediaPipe canonical face model (centimetres; x right, y up, z toward the viewer)\n")
    f.write("# derived by scripts/unpack_face_mesh.py from geometry_pipeline_metadata_landmarks.binarypb\n")
    f.write("vertices 468\n")
    for k in range(468):
        x, y, z = verts[5 * k:5 * k + 3]
        f.write(f"{x:.6f} {y:.6f} {z:.6f}\n")
    f.write(f"triangles {len(tris)//3}\n")
    for k in range(0, len(tris), 3):
        f.write(f"{tris[k]} {tris[k+1]} {tris[k+2]}\n")
