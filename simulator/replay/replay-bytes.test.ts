import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serializeFrame } from '../../protocol/index.ts';
import { makeHeader } from '../../recorder/format.ts';
import { RecordingWriter } from '../../recorder/writer.ts';
import { mediaKey } from '../../recorder/media-urls.ts';
import { tempDir } from '../../recorder/test-helpers.ts';
import { startSim } from '../../test/faults/sim-cases.ts';
import type { RunningSimulator } from '../server/app.ts';
import { createReplayer, type ReplayTarget } from './replayer.ts';

// README promises replay "byte for byte". Every frame the simulator writes is already in JSON.stringify's form, so
// tests made from its frames cannot tell a faithful replay from one that re-serialises. These frames are written the
// way other servers write JSON: each one changes if it is parsed and stringified again.

/** Frames as real servers write them, each with what makes it non-canonical. */
const SERVER_FRAMES: Array<[why: string, text: string]> = [
  ['data before event', '{"data":{"comment":"data first","uniqueId":"a"},"event":"chat"}'],
  ['spaces, tabs and line breaks between tokens', '{ "event" : "chat" ,\t"data" : {\r\n  "comment" : "spaced out" , "n" : [ 1 , 2 ] } }'],
  ['\\u escapes, an escaped slash, upper-case hex, an escaped lone surrogate', '{"event":"chat","data":{"comment":"caf\\u00e9 \\ud83d\\ude00 \\u0022q\\u0022 a\\/b \\uD800","nickname":"\\u4f60\\u597d"}}'],
  ['numbers as 1.0, 1e3, -0, 1E+2, 0.10 and an id past 2^53', '{"event":"like","data":{"likeCount":1.0,"totalLikeCount":1e3,"x":-0,"y":1E+2,"z":0.10,"userId":7512006564394845230}}'],
  ['raw non-ASCII (UTF-8 bytes on the wire), a space after a comma', '{"event":"chat", "data":{"comment":"日本語 😀 é \u2028"}}'],
  ['a repeated key', '{"event":"member","data":{"actionId":1,"actionId":26}}'],
  ['an unknown event, literals, empty containers with a space inside', '{"event":"pollStart","data":{"options":[{"a":null,"b":true,"c":false,"d":[ ],"e":{ }}]}}'],
  ['a 350 KB line with escapes all along', `{"event":"chat","data":{"comment":"${'x\\u0041'.repeat(50_000)}","n":2.50}}`],
];
const FRAMES = SERVER_FRAMES.map(([, text]) => text);

function makeRecording(frames: string[]): string {
  const dir = join(tempDir(), 'rec');
  const w = RecordingWriter.create(dir, makeHeader('test', 1_700_000_000_000, 'tiksim test'));
  frames.forEach((f, i) => w.writeFrame(i * 2, f));
  w.close();
  return dir;
}

function collector(): ReplayTarget & { got: string[] } {
  const got: string[] = [];
  return { got, send: (text) => void got.push(text), writable: () => true, whenWritable: async () => undefined };
}

/** Replays `dir` through a real simulator and returns each WebSocket message's bytes as received. */
async function viaSimulator(dir: string, n: number, rewriteMedia: boolean): Promise<{ got: Buffer[]; binary: boolean[]; base: string }> {
  sim = await startSim({ paused: true, chatBacklog: false, replay: { recording: dir, instant: true, rewriteMedia } });
  const client = new WebSocket(sim.wsUrl);
  const got: Buffer[] = [];
  const binary: boolean[] = [];
  client.on('message', (d, isBinary) => {
    got.push(Buffer.isBuffer(d) ? d : Buffer.concat(d as Buffer[]));
    binary.push(isBinary);
  });
  await expect.poll(() => got.length, { timeout: 10_000 }).toBe(n);
  client.close();
  return { got, binary, base: sim.state.mediaBase };
}

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('replay is byte for byte', () => {
  it('each frame is non-canonical JSON: re-serialised, or put back in the envelope order, it would differ', () => {
    for (const [why, text] of SERVER_FRAMES) {
      const o = JSON.parse(text) as { event: string; data: unknown };
      expect(JSON.stringify(o) !== text || serializeFrame(o.event, o.data) !== text, why).toBe(true);
    }
  });

  it('the replayer hands on exactly the recorded text, timed and instant', async () => {
    const dir = makeRecording(FRAMES);
    for (const instant of [false, true]) {
      const c = collector();
      const rep = await createReplayer({ path: dir, instant, rewriteMedia: false, mediaBase: 'http://x' }, c);
      rep.start();
      await expect.poll(() => rep.status().ended, { timeout: 10_000 }).toBe(true);
      expect(c.got.length).toBe(FRAMES.length);
      c.got.forEach((g, i) => expect(g === FRAMES[i], SERVER_FRAMES[i]![0]).toBe(true));
    }
  });

  it('a WebSocket client of the simulator receives exactly the recorded bytes, as text frames', async () => {
    const dir = makeRecording(FRAMES);
    const { got, binary } = await viaSimulator(dir, FRAMES.length, false);
    expect(binary.every((b) => !b)).toBe(true);
    got.forEach((g, i) => expect(g.equals(Buffer.from(FRAMES[i]!, 'utf8')), SERVER_FRAMES[i]![0]).toBe(true));
  });

  it('with image URLs rewritten, only the URL literals differ', async () => {
    const url = 'https://p16-sign.tiktokcdn.com/a/b~c.webp?x=1&y=%2F';
    const escaped = '"https:\\/\\/p16-sign.tiktokcdn.com\\/a\\/b~c.webp?x=1&y=%2F"';
    const frames = [
      `{ "data" : { "profilePictureUrl" : "${url}", "likeCount" : 1.0, "totalLikeCount" : 1e3 }, "event" : "like" }`,
      `{"event":"chat","data":{"comment":"caf\\u00e9 see https://example.com/page","userDetails":{"profilePictureUrls":[${escaped},"${url}"]}}}`,
    ];
    const dir = makeRecording(frames);
    const { got, base } = await viaSimulator(dir, frames.length, true);
    const local = JSON.stringify(`${base}/media/rec/${mediaKey(url)}`);
    const want = frames.map((f) => f.split(escaped).join(local).split(`"${url}"`).join(local));
    expect(want[0]).not.toBe(frames[0]);
    expect(got.map((g) => g.toString('utf8'))).toEqual(want);
  });
});
