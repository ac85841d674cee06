#!/usr/bin/env node
// Prepares the overlay's offline face-detection files in overlay/public/face/ (gitignored; `npm run build` runs this first):
//   face_detection_short_range.tflite  BlazeFace from @mediapipe/face_detection, with TFLite metadata added, because
//                                      tasks-vision refuses a float model without NormalizationOptions metadata
//   wasm/*                             the tasks-vision runtime, copied from @mediapipe/tasks-vision/wasm
// Idempotent and fast when already done: files are rewritten only when their bytes (model) or size+mtime (wasm) differ.
// Usage: node scripts/prepare-face-assets.mjs [--out <dir>] [--quiet]
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder } from 'flatbuffers';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const outDir = outIdx >= 0 ? resolve(args[outIdx + 1] ?? '') : join(root, 'overlay/public/face');
const quiet = args.includes('--quiet');
const log = (msg) => { if (!quiet) console.log(`prepare-face-assets: ${msg}`); };

const MODEL_SRC = join(root, 'node_modules/@mediapipe/face_detection/face_detection_short_range.tflite');
const WASM_SRC = join(root, 'node_modules/@mediapipe/tasks-vision/wasm');
const METADATA_NAME = 'TFLITE_METADATA';

/** Fails with a message that says what to do. */
function fail(msg) {
  console.error(`prepare-face-assets: ${msg}`);
  process.exit(1);
}

/**
 * The TFLite Support ModelMetadata flatbuffer (file identifier M001) for BlazeFace's one input tensor:
 * ImageProperties RGB 128x128 and NormalizationOptions mean 127.5 / std 127.5 (pixels to [-1, 1]).
 * Field slots follow tensorflow_lite_support/metadata/metadata_schema.fbs; a union takes two slots (type, value).
 */
export function buildModelMetadata() {
  const b = new Builder(1024);
  const floats = (values) => {
    b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]);
    return b.endVector();
  };
  const offsets = (values) => {
    b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addOffset(values[i]);
    return b.endVector();
  };
  // NormalizationOptions { mean:[float] (0); std:[float] (1) }
  const mean = floats([127.5]);
  const std = floats([127.5]);
  b.startObject(2);
  b.addFieldOffset(0, mean, 0);
  b.addFieldOffset(1, std, 0);
  const norm = b.endObject();
  // ProcessUnit { options_type:ubyte (0) = NormalizationOptions (1); options (1) }
  b.startObject(2);
  b.addFieldInt8(0, 1, 0);
  b.addFieldOffset(1, norm, 0);
  const unit = b.endObject();
  // ImageSize { width:uint (0); height:uint (1) }
  b.startObject(2);
  b.addFieldInt32(0, 128, 0);
  b.addFieldInt32(1, 128, 0);
  const size = b.endObject();
  // ImageProperties { color_space:byte (0) = RGB (1); default_size (1) }
  b.startObject(2);
  b.addFieldInt8(0, 1, 0);
  b.addFieldOffset(1, size, 0);
  const props = b.endObject();
  // Content { content_properties_type (0) = ImageProperties (2); content_properties (1); range (2) }
  b.startObject(3);
  b.addFieldInt8(0, 2, 0);
  b.addFieldOffset(1, props, 0);
  const content = b.endObject();
  // TensorMetadata { name (0); description (1); dimension_names (2); content (3); process_units (4); ... }
  const tName = b.createString('image');
  const tDesc = b.createString('Input image, RGB 128x128, normalized to [-1, 1].');
  const units = offsets([unit]);
  b.startObject(7);
  b.addFieldOffset(0, tName, 0);
  b.addFieldOffset(1, tDesc, 0);
  b.addFieldOffset(3, content, 0);
  b.addFieldOffset(4, units, 0);
  const tensor = b.endObject();
  // SubGraphMetadata { name (0); description (1); input_tensor_metadata (2); ... }
  const inputs = offsets([tensor]);
  b.startObject(7);
  b.addFieldOffset(2, inputs, 0);
  const subgraph = b.endObject();
  // ModelMetadata { name (0); description (1); version (2); subgraph_metadata (3); author (4); license (5); associated_files (6); min_parser_version (7) }
  const name = b.createString('BlazeFace short range');
  const desc = b.createString('MediaPipe face detection (short range), metadata added by tiksim scripts/prepare-face-assets.mjs.');
  const subgraphs = offsets([subgraph]);
  const author = b.createString('Google (MediaPipe)');
  const license = b.createString('Apache-2.0');
  const minParser = b.createString('1.0.0');
  b.startObject(8);
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(1, desc, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(4, author, 0);
  b.addFieldOffset(5, license, 0);
  b.addFieldOffset(7, minParser, 0);
  const model = b.endObject();
  b.finish(model, 'M001');
  return Buffer.from(b.asUint8Array());
}

/** Reads a flatbuffer table's vtable: field offsets inside the table (0 = absent). */
function tableFields(buf, table) {
  const vt = table - buf.readInt32LE(table);
  const count = (buf.readUInt16LE(vt) - 4) / 2;
  return Array.from({ length: count }, (_, i) => buf.readUInt16LE(vt + 4 + 2 * i));
}

/** Absolute position a uoffset stored at `pos` points to. */
const deref = (buf, pos) => pos + buf.readUInt32LE(pos);

/** Absolute positions of the tables a vector of offsets (stored at field position `pos`) points to. */
function vectorTables(buf, pos) {
  const vec = deref(buf, pos);
  return Array.from({ length: buf.readUInt32LE(vec) }, (_, i) => deref(buf, vec + 4 + 4 * i));
}

/** Reads a string table field. */
function readString(buf, table, slot) {
  const f = tableFields(buf, table)[slot];
  if (!f) return '';
  const s = deref(buf, table + f);
  return buf.toString('utf8', s + 4, s + 4 + buf.readUInt32LE(s));
}

/**
 * Returns `model` (a TFLite flatbuffer, identifier TFL3) with `metadata` stored as a new model buffer and a
 * `metadata` entry named TFLITE_METADATA pointing at it. Flatbuffer offsets only point forward, so the new root
 * table, the grown `buffers` and `metadata` vectors, the new entry and the new buffer go in a prefix, followed by
 * the untouched original bytes (its internal offsets are relative, so they survive the shift; the prefix is a
 * multiple of 64 so every alignment in the original is kept).
 */
export function addMetadata(model, metadata) {
  if (model.length < 8 || model.toString('latin1', 4, 8) !== 'TFL3') throw new Error('not a TFLite model (file identifier is not TFL3)');
  const oldRoot = model.readUInt32LE(0);
  const fields = tableFields(model, oldRoot);
  const BUFFERS = 4, METADATA = 6;
  if (!fields[BUFFERS]) throw new Error('model has no buffers vector');
  const oldBuffers = vectorTables(model, oldRoot + fields[BUFFERS]);
  for (const t of oldBuffers) {
    const bf = tableFields(model, t);
    if (bf[1] || bf[2]) throw new Error('model uses external buffer offsets (a >2 GB model): not supported');
  }
  const oldMeta = fields[METADATA] ? vectorTables(model, oldRoot + fields[METADATA]) : [];
  if (oldMeta.some((t) => readString(model, t, 0) === METADATA_NAME)) throw new Error(`model already has ${METADATA_NAME}`);
  const slots = Math.max(fields.length, METADATA + 1);

  // Layout of the prefix (positions from the start of the new file).
  const align = (n, a) => Math.ceil(n / a) * a;
  const rootVt = 8;
  const rootVtSize = 4 + 2 * slots;
  const rootTable = align(rootVt + rootVtSize, 4);
  const rootSize = 4 + 4 * slots;
  const buffersVec = rootTable + rootSize;
  const metaVec = buffersVec + 4 + 4 * (oldBuffers.length + 1);
  const entryVt = metaVec + 4 + 4 * (oldMeta.length + 1);
  const entryTable = entryVt + 8;
  const nameStr = entryTable + 12;
  const bufferVt = align(nameStr + 4 + METADATA_NAME.length + 1, 4);
  const bufferTable = bufferVt + 8;
  let dataVec = bufferTable + 8;
  while ((dataVec + 4) % 16 !== 0) dataVec += 4;
  const prefixLen = align(dataVec + 4 + metadata.length, 64);

  const out = Buffer.alloc(prefixLen + model.length);
  model.copy(out, prefixLen);
  const moved = (oldAbs) => oldAbs + prefixLen;
  const putOffset = (at, target) => out.writeUInt32LE(target - at, at);

  out.writeUInt32LE(rootTable, 0);
  out.write('TFL3', 4, 'latin1');
  out.writeUInt16LE(rootVtSize, rootVt);
  out.writeUInt16LE(rootSize, rootVt + 2);
  out.writeInt32LE(rootTable - rootVt, rootTable);
  for (let slot = 0; slot < slots; slot++) {
    const at = rootTable + 4 + 4 * slot;
    const present = slot === BUFFERS || slot === METADATA || Boolean(fields[slot]);
    out.writeUInt16LE(present ? 4 + 4 * slot : 0, rootVt + 4 + 2 * slot);
    if (slot === BUFFERS) putOffset(at, buffersVec);
    else if (slot === METADATA) putOffset(at, metaVec);
    else if (!fields[slot]) continue;
    else if (slot === 0) out.writeUInt32LE(model.readUInt32LE(oldRoot + fields[0]), at); // version: a scalar
    else putOffset(at, moved(deref(model, oldRoot + fields[slot])));
  }
  out.writeUInt32LE(oldBuffers.length + 1, buffersVec);
  oldBuffers.forEach((t, i) => putOffset(buffersVec + 4 + 4 * i, moved(t)));
  putOffset(buffersVec + 4 + 4 * oldBuffers.length, bufferTable);
  out.writeUInt32LE(oldMeta.length + 1, metaVec);
  oldMeta.forEach((t, i) => putOffset(metaVec + 4 + 4 * i, moved(t)));
  putOffset(metaVec + 4 + 4 * oldMeta.length, entryTable);
  // Metadata { name:string (0); buffer:uint (1) }
  out.writeUInt16LE(8, entryVt);
  out.writeUInt16LE(12, entryVt + 2);
  out.writeUInt16LE(4, entryVt + 4);
  out.writeUInt16LE(8, entryVt + 6);
  out.writeInt32LE(entryTable - entryVt, entryTable);
  putOffset(entryTable + 4, nameStr);
  out.writeUInt32LE(oldBuffers.length, entryTable + 8);
  out.writeUInt32LE(METADATA_NAME.length, nameStr);
  out.write(METADATA_NAME, nameStr + 4, 'latin1');
  // Buffer { data:[ubyte] (0) }
  out.writeUInt16LE(6, bufferVt);
  out.writeUInt16LE(8, bufferVt + 2);
  out.writeUInt16LE(4, bufferVt + 4);
  out.writeInt32LE(bufferTable - bufferVt, bufferTable);
  putOffset(bufferTable + 4, dataVec);
  out.writeUInt32LE(metadata.length, dataVec);
  metadata.copy(out, dataVec + 4);
  return out;
}

/** The metadata bytes a model carries under TFLITE_METADATA, or null. Used to check the result. */
export function readMetadata(model) {
  const rootT = model.readUInt32LE(0);
  const fields = tableFields(model, rootT);
  if (!fields[6]) return null;
  for (const entry of vectorTables(model, rootT + fields[6])) {
    if (readString(model, entry, 0) !== METADATA_NAME) continue;
    const index = model.readUInt32LE(entry + tableFields(model, entry)[1]);
    const buffer = vectorTables(model, rootT + fields[4])[index];
    const data = deref(model, buffer + tableFields(model, buffer)[0]);
    return model.subarray(data + 4, data + 4 + model.readUInt32LE(data));
  }
  return null;
}

function prepareModel() {
  if (!existsSync(MODEL_SRC)) fail(`${MODEL_SRC} is missing: run npm install (package @mediapipe/face_detection)`);
  const metadata = buildModelMetadata();
  const patched = addMetadata(readFileSync(MODEL_SRC), metadata);
  const back = readMetadata(patched);
  if (!back || !back.equals(metadata) || back.toString('latin1', 4, 8) !== 'M001') fail('self-check failed: the metadata did not read back');
  const dest = join(outDir, 'face_detection_short_range.tflite');
  if (existsSync(dest) && readFileSync(dest).equals(patched)) return log('model up to date');
  writeFileSync(dest, patched);
  log(`wrote ${dest} (${patched.length} bytes, metadata ${metadata.length} bytes)`);
}

function copyWasm() {
  if (!existsSync(WASM_SRC)) fail(`${WASM_SRC} is missing: run npm install (package @mediapipe/tasks-vision)`);
  const dest = join(outDir, 'wasm');
  mkdirSync(dest, { recursive: true });
  let copied = 0;
  for (const name of readdirSync(WASM_SRC)) {
    const from = join(WASM_SRC, name), to = join(dest, name);
    const s = statSync(from);
    if (!s.isFile()) continue;
    if (existsSync(to)) {
      const d = statSync(to);
      if (d.size === s.size && Math.trunc(d.mtimeMs / 1000) === Math.trunc(s.mtimeMs / 1000)) continue; // utimes keeps whole seconds reliably, not sub-ms
    }
    copyFileSync(from, to);
    utimesSync(to, s.atime, s.mtime);
    copied++;
  }
  log(copied ? `copied ${copied} wasm file(s) to ${dest}` : 'wasm up to date');
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  mkdirSync(outDir, { recursive: true });
  prepareModel();
  copyWasm();
}
