import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_PRESETS } from './load.ts';
import { parseQuirks } from '../quirks.ts';
import { parseRates } from '../rates.ts';
import { collect, makeEngine, T0 } from '../generator-test-utils.ts';

describe('scenarios', () => {
  it('ships quiet, busy, gift-storm and hype presets', () => {
    expect(SCENARIO_PRESETS.map((p) => p.name)).toEqual(['quiet', 'busy', 'gift-storm', 'hype']);
  });

  it('gift-storm sends hundreds of gift frames per second', () => {
    const e = makeEngine({ scenario: 'gift-storm' });
    const gifts = collect(e, T0 + 10_000).filter((f) => f.event === 'gift').length;
    expect(gifts / 10).toBeGreaterThan(300);
    expect(e.status().scenario).toMatchObject({ name: 'gift-storm', phase: 'storm', phaseIndex: 0 });
  });

  it('hype: a big gift sets off a burst of chat for ~15 s', () => {
    const e = makeEngine({ scenario: 'hype' });
    const frames = collect(e, T0 + 75_000);
    const lion = frames.find((f) => f.data.giftName === 'Lion');
    expect(lion).toBeDefined();
    const at = Number(lion?.data.createTime);
    const chatsIn = (a: number, b: number) => frames.filter((f) => f.event === 'chat' && Number(f.data.createTime) >= a && Number(f.data.createTime) < b).length;
    expect(chatsIn(at, at + 15_000)).toBeGreaterThan(3 * chatsIn(at - 15_000, at));
  });

  it('reports a bad scenario file with the field path', () => {
    const p = join(tmpdir(), `tiksim-bad-${process.pid}.json`);
    writeFileSync(p, JSON.stringify({ name: 'x', phases: [{ name: 'a', durationS: 'long', rates: {} }] }));
    const r = loadScenarioFile(p);
    expect(r).toMatchObject({ ok: false, error: { code: 'E_BAD_SCENARIO', field: 'scenario.phases[0].durationS' } });
    const e = makeEngine();
    expect(e.setScenario('nope', T0)).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_SCENARIO', choices: ['quiet', 'busy', 'gift-storm', 'hype'] } });
  });

  it('parses CLI rates and quirks, naming what is wrong', () => {
    expect(parseRates('chat=2,like=8,gift=0.3,member=1,follow=0.05')).toEqual({ ok: true, value: { chat: 2, like: 8, gift: 0.3, member: 1, follow: 0.05 } });
    expect(parseRates('chta=2')).toMatchObject({ ok: false, error: { code: 'E_BAD_RATES', field: 'chta' } });
    expect(parseRates('chat=abc')).toMatchObject({ ok: false, error: { code: 'E_BAD_FIELD', message: 'rate "chat" must be a number of events per second, got "abc"' } });
    expect(parseQuirks('dropStreakEnd=0.1,duplicates=0.02,social=on')).toEqual({ ok: true, value: { dropStreakEnd: 0.1, duplicates: 0.02, social: true } });
    expect(parseQuirks('dropStreakEnd=2')).toMatchObject({ ok: false, error: { code: 'E_OUT_OF_RANGE' } });
  });
});
