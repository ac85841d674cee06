import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../testing/simulator.ts';
import type { ChannelState } from './events.ts';
import { TwitchGenerator, type TwitchEmission } from './generator.ts';
import { DEFAULT_ROOM, roomIdOf } from './lines.ts';
import { parseTwitchScenario, resolveTwitchScenario, twitchPreset, TWITCH_SCENARIO_PRESETS } from './scenario.ts';
import { wsClient } from './test-helpers.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { twitchScenarioArg } from '../commands/serve-twitch.ts';

const T0 = 1_700_000_000_000;
const CH: ChannelState = { name: 'dallas', roomId: roomIdOf(1, 'dallas'), room: { ...DEFAULT_ROOM } };

/** Runs a generator with the hype preset for `ms` virtual ms in 250 ms steps; each emission with its lines. */
function run(seed: number, ms: number): Array<{ e: TwitchEmission; lines: string[] }> {
  const hype = twitchPreset('hype');
  if (!hype.ok) throw new Error(hype.error.message);
  const g = new TwitchGenerator({ seed, startMs: T0, scenario: hype.value });
  const out: Array<{ e: TwitchEmission; lines: string[] }> = [];
  for (let t = T0; t <= T0 + ms; t += 250) g.advance(t, (e) => out.push({ e, lines: e.build(CH).map((r) => r.tagged) }));
  return out;
}
const between = (xs: ReturnType<typeof run>, kind: string, fromS: number, toS: number) =>
  xs.filter(({ e }) => e.kind === kind && e.at >= T0 + fromS * 1000 && e.at < T0 + toS * 1000);

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
});

describe('Twitch scenarios', () => {
  it('hype plays a raid wave, a sub train and a cheer storm at their times, then loops', () => {
    const xs = run(1, 260_000);
    // Warm-up has no raid (the default rate is 0.01/s; the phase keeps it) but the wave opens with a 1,200-viewer raid at 20 s.
    const raids = between(xs, 'raid', 20, 40);
    expect(raids[0]!.e.at).toBe(T0 + 20_000);
    expect(raids[0]!.lines[0]).toContain('msg-param-viewerCount=1200;');
    expect(raids.map((r) => r.e.at)).toContain(T0 + 29_000);
    // The raiders flood chat: 40/s plus the 30-line burst, against 4/s in the warm-up.
    expect(between(xs, 'chat', 20, 40).length).toBeGreaterThan(5 * between(xs, 'chat', 0, 20).length);
    // The sub train: a 10-sub community gift at 40 s, then 12 subs 1.2 s apart and 10 resubs 1.5 s apart.
    const mystery = between(xs, 'submysterygift', 40, 70);
    expect(mystery[0]!.e.at).toBe(T0 + 40_000);
    expect(mystery[0]!.lines[0]).toContain('msg-param-mass-gift-count=10;');
    expect(between(xs, 'sub', 40, 70).length).toBeGreaterThanOrEqual(12);
    expect(between(xs, 'resub', 40, 70).length).toBeGreaterThanOrEqual(10);
    // The cheer storm: 20 cheers in 3 s at 70 s, a 10,000-bit cheer at 80 s, 4/s besides.
    const storm = between(xs, 'cheer', 70, 90);
    expect(storm.length).toBeGreaterThanOrEqual(40);
    expect(storm.some(({ e, lines }) => e.at === T0 + 80_000 && lines[0]!.includes(';bits=10000;') && lines[0]!.endsWith(':Cheer10000 HYPE PogChamp'))).toBe(true);
    expect(between(xs, 'cheer', 0, 20).length).toBeLessThan(5);
    // Looped: the second wave's raid lands 120 s after the first.
    expect(between(xs, 'raid', 140, 160)[0]!.e.at).toBe(T0 + 140_000);
  });

  it('repeats byte for byte for a seed and differs for another', () => {
    const a = run(5, 125_000).flatMap((x) => x.lines);
    expect(run(5, 125_000).flatMap((x) => x.lines)).toEqual(a);
    expect(run(6, 125_000).flatMap((x) => x.lines)).not.toEqual(a);
  });

  it('lays phase rates over the base rates, and stopping the scenario restores the base', () => {
    const busy = twitchPreset('busy');
    if (!busy.ok) throw new Error(busy.error.message);
    const g = new TwitchGenerator({ seed: 1, startMs: T0, rates: { chat: 2, roomstate: 0.5 } });
    g.setScenario(busy.value, T0);
    expect(g.currentRates().chat).toBe(25);
    expect(g.currentRates().roomstate).toBe(0.5); // busy leaves roomstate out
    expect(g.setRates({ chat: 3, roomstate: 0.7 }, T0).chat).toBe(25);
    expect(g.currentRates().roomstate).toBe(0.7);
    expect(g.scenarioInfo(T0 + 1000)).toEqual({ name: 'busy', loop: false, phase: 'busy', phaseIndex: 0, phases: 1, elapsedMs: 1000, phaseLeftMs: null });
    expect(g.setScenario(null, T0 + 1000)).toBeNull();
    expect(g.currentRates().chat).toBe(3);
  });

  it('refuses bad scenarios with the field and what to do', () => {
    const kind = parseTwitchScenario({ name: 'x', phases: [{ name: 'a', durationS: 5, rates: { follow: 1 } }] });
    expect(!kind.ok && kind.error.code).toBe('E_BAD_SCENARIO');
    expect(!kind.ok && kind.error.field).toBe('scenario.phases[0].rates');
    const params = parseTwitchScenario({ name: 'x', phases: [{ name: 'a', durationS: 5, bursts: [{ atS: 0, kind: 'raid', params: { viewers: 0 } }] }] });
    expect(!params.ok && params.error.field).toBe('scenario.phases[0].bursts[0].params.viewers');
    const channel = parseTwitchScenario({ name: 'x', phases: [{ name: 'a', durationS: 5, bursts: [{ atS: 0, kind: 'chat', params: { channel: 'x' } }] }] });
    expect(!channel.ok && channel.error.message).toBe('scenario.phases[0].bursts[0].params: a burst goes to every joined channel; drop "channel"');
    const preset = resolveTwitchScenario({ name: 'hyp' });
    expect(!preset.ok && preset.error.message).toBe('unknown Twitch scenario "hyp"; presets: quiet, busy, hype');
    expect(resolveTwitchScenario(null)).toEqual({ ok: true, value: null });
  });

  it('--twitch-scenario takes a preset or a JSON file, and names what is wrong in a bad file', () => {
    expect(twitchScenarioArg('quiet').scenario.name).toBe('quiet');
    const dir = mkdtempSync(join(tmpdir(), 'tiksim-twitch-scn-'));
    const good = join(dir, 'raid-night.json');
    writeFileSync(good, JSON.stringify({ name: 'raid-night', loop: true, phases: [{ name: 'raid', durationS: 20, bursts: [{ atS: 0, kind: 'raid', params: { viewers: 500 } }] }] }));
    const c = twitchScenarioArg(good);
    expect(c.scenario.phases[0]!.bursts![0]).toEqual({ atS: 0, kind: 'raid', count: 1, everyMs: 0, params: { viewers: 500 } });
    const g = new TwitchGenerator({ seed: 2, startMs: T0, rates: { chat: 0 }, scenario: c });
    const raids: string[] = [];
    g.advance(T0 + 45_000, (e) => void (e.kind === 'raid' && raids.push(e.build(CH)[0]!.tagged)));
    expect(raids.filter((l) => l.includes('msg-param-viewerCount=500;'))).toHaveLength(3); // at 0, 20 and 40 s
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"name":"x","phases":[{"name":"a","durationS":0}]}');
    expect(() => twitchScenarioArg(bad)).toThrow(`Twitch scenario file ${bad}: scenario.phases[0].durationS`);
    writeFileSync(bad, '{oops');
    expect(() => twitchScenarioArg(bad)).toThrow(`Twitch scenario file ${bad} is not valid JSON`);
  });

  it('PUT /api/twitch/scenario starts a preset that a raw client sees, GET /api/twitch/scenarios lists them', async () => {
    const sim = await startSimulator({ seed: 3, server: { twitch: { port: 0, tcpPort: null, rates: { chat: 0 } } } });
    stops.push(() => sim.close());
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${sim.server.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const list = (await (await api('GET', '/api/twitch/scenarios')).json()) as { scenarios: typeof TWITCH_SCENARIO_PRESETS };
    expect(list.scenarios.map((s) => s.name)).toEqual(['quiet', 'busy', 'hype']);
    expect(list.scenarios[2]!.phases).toEqual(['warm-up', 'raid wave', 'sub train', 'cheer storm', 'cool-down']);
    const c = await wsClient(sim.server.state.twitch!.wsUrl);
    c.send('CAP REQ :twitch.tv/tags twitch.tv/commands\r\nNICK justinfan7\r\nJOIN #hypechan\r\n');
    await c.waitFor(/ 366 justinfan7 #hypechan /);
    const put = await api('PUT', '/api/twitch/scenario', { name: 'busy' });
    expect(put.status).toBe(200);
    expect(((await put.json()) as { scenario: { name: string } }).scenario.name).toBe('busy');
    // busy's 25 chat lines/s reach the client although the base chat rate is 0.
    await c.waitFor(/ PRIVMSG #hypechan :/, 5000);
    const st = (await (await api('GET', '/api/twitch/status')).json()) as { scenario: { name: string; phase: string } | null; rates: { chat: number } };
    expect(st.scenario?.phase).toBe('busy');
    expect(st.rates.chat).toBe(25);
    const bad = await api('PUT', '/api/twitch/scenario', { name: 'nope' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string; choices: string[] } }).error).toMatchObject({ code: 'E_UNKNOWN_SCENARIO', choices: ['quiet', 'busy', 'hype'] });
    expect(((await (await api('PUT', '/api/twitch/scenario', null)).json()) as { scenario: null }).scenario).toBeNull();
    c.close();
  });
});
