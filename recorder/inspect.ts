/** `tiksim inspect`: what a recording holds, in one streaming pass. */
import { readEntries, openRecording } from './reader.ts';
import { frameKind } from './frame-kind.ts';
import { findMediaUrls } from './media-urls.ts';
import type { Header } from './format.ts';
import { redactSource } from './redact.ts';

/** Rate buckets at most; a longer recording gets wider buckets (doubled until it fits). */
export const MAX_RATE_BUCKETS = 2000;

/** A gifter's total, counted by the streak rule (giftType !== 1 || repeatEnd; diamondCount * repeatCount). */
export interface Gifter {
  userId: string;
  uniqueId: string;
  nickname: string;
  diamonds: number;
  gifts: number;
}

/** Everything inspect reports. */
export interface InspectReport {
  recording: string;
  header: Header;
  durationMs: number;
  frames: number;
  byKind: Record<string, number>;
  /** Frames per bucket over time. */
  rates: { bucketMs: number; counts: number[] };
  uniqueViewers: number;
  totalDiamonds: number;
  topGifters: Gifter[];
  gaps: Array<{ t: number; durationMs: number; reason: string }>;
  /** Image URLs in frames: captured, failed downloads, skipped (never fetched by the media policy), not captured. */
  media: { urls: number; captured: number; failed: number; skipped: number; missing: number };
  badLines: Array<{ line: number; error: string }>;
  truncated: boolean;
  /** Frames that are not TikFinity JSON (still replayed untouched). */
  notTikFinity: number;
  /** Binary WebSocket frames (kept as `binary` entries; counted in `frames` and `byKind.binary`). */
  binaryFrames: number;
}

interface GiftData {
  userId?: unknown;
  uniqueId?: unknown;
  nickname?: unknown;
  giftType?: unknown;
  repeatEnd?: unknown;
  diamondCount?: unknown;
  repeatCount?: unknown;
}

/** Frame counts per time bucket; the buckets widen (double) so there are never more than MAX_RATE_BUCKETS. */
class RateBuckets {
  counts: number[] = [];
  constructor(public bucketMs: number) {}
  add(t: number): void {
    let b = Math.floor(t / this.bucketMs);
    while (b >= MAX_RATE_BUCKETS) {
      const merged: number[] = [];
      for (let i = 0; i < this.counts.length; i += 2) merged.push(this.counts[i]! + (this.counts[i + 1] ?? 0));
      this.counts = merged;
      this.bucketMs *= 2;
      b = Math.floor(t / this.bucketMs);
    }
    while (this.counts.length <= b) this.counts.push(0);
    this.counts[b]!++;
  }
}

/** Reads a recording once and summarises it. Throws RecordingError when the header is bad. */
export async function inspectRecording(path: string, opts: { bucketMs?: number; top?: number } = {}): Promise<InspectReport> {
  const info = await openRecording(path);
  const bucketMs = opts.bucketMs ?? 10_000;
  if (!(Number.isFinite(bucketMs) && bucketMs >= 1)) throw new RangeError(`the rate bucket must be at least 1 ms, got ${bucketMs}`);
  const buckets = new RateBuckets(bucketMs);
  const r: InspectReport = {
    recording: info.dir,
    // Recordings made before sources were redacted may still hold a token: never show it.
    header: { ...info.header, source: redactSource(info.header.source) },
    durationMs: 0,
    frames: 0,
    byKind: {},
    rates: { bucketMs, counts: [] },
    uniqueViewers: 0,
    totalDiamonds: 0,
    topGifters: [],
    gaps: [],
    media: { urls: 0, captured: 0, failed: 0, skipped: 0, missing: 0 },
    badLines: [],
    truncated: false,
    notTikFinity: 0,
    binaryFrames: 0,
  };
  const viewers = new Set<string>();
  const gifters = new Map<string, Gifter>();
  const urls = new Set<string>();
  const captured = new Set<string>();
  const failed = new Set<string>();
  const skipped = new Set<string>();
  for await (const it of readEntries(info)) {
    if ('bad' in it) {
      r.badLines.push({ line: it.line, error: it.bad });
      if (it.truncated) r.truncated = true;
      continue;
    }
    const e = it.entry;
    if (e.kind === 'gap') {
      r.gaps.push({ t: e.t, durationMs: e.durationMs, reason: e.reason });
      r.durationMs = Math.max(r.durationMs, e.t + e.durationMs);
      continue;
    }
    if (e.kind === 'media') {
      (e.ok ? captured : e.error?.startsWith('skipped:') ? skipped : failed).add(e.url);
      continue;
    }
    if (e.kind === 'binary') {
      // A binary WebSocket frame: counted with the frames (it is one), under its own kind.
      r.frames++;
      r.binaryFrames++;
      r.byKind.binary = (r.byKind.binary ?? 0) + 1;
      r.durationMs = Math.max(r.durationMs, e.t);
      buckets.add(e.t);
      continue;
    }
    if (e.kind !== 'frame') continue;
    r.frames++;
    r.durationMs = Math.max(r.durationMs, e.t);
    buckets.add(e.t);
    const kind = frameKind(e.frame);
    r.byKind[kind] = (r.byKind[kind] ?? 0) + 1;
    for (const u of findMediaUrls(e.frame)) urls.add(u.url);
    let data: GiftData | undefined;
    try {
      data = (JSON.parse(e.frame) as { data?: GiftData }).data;
    } catch {
      r.notTikFinity++;
      continue;
    }
    if (!data || typeof data !== 'object') continue;
    if (typeof data.userId === 'string' || typeof data.userId === 'number') viewers.add(String(data.userId));
    if (kind === 'gift') {
      const counts = data.giftType !== 1 || data.repeatEnd === true;
      if (!counts) continue;
      const diamonds = Number(data.diamondCount ?? 0) * Number(data.repeatCount ?? 1);
      const id = String(data.userId ?? '?');
      const g = gifters.get(id) ?? { userId: id, uniqueId: String(data.uniqueId ?? ''), nickname: String(data.nickname ?? ''), diamonds: 0, gifts: 0 };
      g.diamonds += Number.isFinite(diamonds) ? diamonds : 0;
      g.gifts++;
      gifters.set(id, g);
      r.totalDiamonds += Number.isFinite(diamonds) ? diamonds : 0;
    }
  }
  r.rates = { bucketMs: buckets.bucketMs, counts: buckets.counts };
  r.uniqueViewers = viewers.size;
  r.topGifters = [...gifters.values()].sort((a, b) => b.diamonds - a.diamonds || a.userId.localeCompare(b.userId)).slice(0, opts.top ?? 10);
  r.media = {
    urls: urls.size,
    captured: [...urls].filter((u) => captured.has(u)).length,
    failed: [...urls].filter((u) => !captured.has(u) && failed.has(u)).length,
    skipped: [...urls].filter((u) => !captured.has(u) && !failed.has(u) && skipped.has(u)).length,
    missing: [...urls].filter((u) => !captured.has(u)).length,
  };
  return r;
}

const fmtMs = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** Renders a report as text for a terminal. */
export function formatInspect(r: InspectReport): string {
  const lines: string[] = [];
  lines.push(`recording  ${r.recording}`);
  lines.push(`source     ${r.header.source}  started ${r.header.startedAt}  by ${r.header.tool}${r.header.anonymized ? `  (anonymized, seed ${r.header.anonymized.seed})` : ''}`);
  lines.push(`duration   ${fmtMs(r.durationMs)} (${r.durationMs} ms)`);
  lines.push(`frames     ${r.frames}${r.notTikFinity ? `  (${r.notTikFinity} not TikFinity JSON)` : ''}${r.binaryFrames ? `  (${r.binaryFrames} binary)` : ''}`);
  for (const [k, n] of Object.entries(r.byKind).sort((a, b) => b[1] - a[1])) lines.push(`  ${k.padEnd(16)} ${n}`);
  const peak = r.rates.counts.reduce((a, b) => Math.max(a, b), 0);
  lines.push(`rate       per ${r.rates.bucketMs / 1000} s: ${r.rates.counts.join(' ')}${peak ? `  (peak ${((peak * 1000) / r.rates.bucketMs).toFixed(1)}/s)` : ''}`);
  lines.push(`viewers    ${r.uniqueViewers} unique`);
  lines.push(`diamonds   ${r.totalDiamonds} (streak rule)`);
  for (const g of r.topGifters) lines.push(`  ${String(g.diamonds).padStart(8)}  ${g.uniqueId || g.userId} (${g.gifts} gifts)`);
  lines.push(`gaps       ${r.gaps.length}${r.gaps.map((g) => `\n  at ${fmtMs(g.t)} for ${g.durationMs} ms: ${g.reason}`).join('')}`);
  lines.push(`media      ${r.media.urls} images: ${r.media.captured} captured, ${r.media.missing} missing (${r.media.failed} failed downloads, ${r.media.skipped} skipped by the fetch policy)`);
  lines.push(`bad lines  ${r.badLines.length}${r.badLines.slice(0, 20).map((b) => `\n  line ${b.line}: ${b.error}`).join('')}${r.badLines.length > 20 ? `\n  ... ${r.badLines.length - 20} more` : ''}`);
  return lines.join('\n');
}
