/**
 * Writes simulator/assets/sounds/chime.wav, the sound `tiksim watch --sound` plays by default: two short sine tones
 * (E6 then A6) with an exponential decay, 22,050 Hz mono 16-bit PCM, 0.2 s (about 9 KB). Generated here rather than
 * taken from anywhere, so its licence is the project's. Deterministic: same bytes on every run.
 * Run: node bin/run-ts.js scripts/make-chime.ts
 */
import { writeFileSync } from 'node:fs';

const RATE = 22_050;
const SECONDS = 0.2;
const n = Math.round(RATE * SECONDS);
const pcm = Buffer.alloc(n * 2);
for (let i = 0; i < n; i++) {
  const t = i / RATE;
  const second = t >= 0.07;
  const f = second ? 1760 : 1318.51;
  const local = second ? t - 0.07 : t;
  const env = Math.exp(-local * 30) * Math.min(1, local * 400); // 2.5 ms attack, no click
  const v = Math.sin(2 * Math.PI * f * t) * env * 0.4;
  pcm.writeInt16LE(Math.round(v * 32767), i * 2);
}
const header = Buffer.alloc(44);
header.write('RIFF', 0, 'ascii');
header.writeUInt32LE(36 + pcm.length, 4);
header.write('WAVE', 8, 'ascii');
header.write('fmt ', 12, 'ascii');
header.writeUInt32LE(16, 16); // PCM fmt chunk size
header.writeUInt16LE(1, 20); // PCM
header.writeUInt16LE(1, 22); // mono
header.writeUInt32LE(RATE, 24);
header.writeUInt32LE(RATE * 2, 28); // byte rate
header.writeUInt16LE(2, 32); // block align
header.writeUInt16LE(16, 34); // bits per sample
header.write('data', 36, 'ascii');
header.writeUInt32LE(pcm.length, 40);
const out = new URL('../simulator/assets/sounds/chime.wav', import.meta.url);
writeFileSync(out, Buffer.concat([header, pcm]));
process.stdout.write(`wrote ${out.pathname} (${44 + pcm.length} bytes)\n`);
