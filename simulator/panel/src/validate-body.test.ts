import { describe, expect, it } from 'vitest';
import { checkFireBody, withSender } from './validate-body.ts';
import { EXAMPLES } from './examples.ts';

describe('checkFireBody', () => {
  it('accepts every prefilled example', () => {
    for (const body of Object.values(EXAMPLES)) expect(checkFireBody(JSON.stringify(body))).toEqual({ ok: true, body });
  });

  it('refuses invalid JSON with the parser message, before anything is sent', () => {
    const r = checkFireBody('{"event": "chat", "data": {');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('E_BAD_JSON');
    if (!r.ok) expect(r.error.message).toMatch(/^not valid JSON: /);
  });

  it('leaves an unknown event, a wrong shape and range checks to the API (its code and choices are shown)', () => {
    expect(checkFireBody('{"event":"gifts"}')).toEqual({ ok: true, body: { event: 'gifts' } });
    expect(checkFireBody('[1]')).toEqual({ ok: true, body: [1] });
    expect(checkFireBody('{"event":"like","count":0}').ok).toBe(true);
  });
});

describe('withSender', () => {
  it('adds the sender to an object without user, and leaves anything else alone', () => {
    expect(withSender({ event: 'chat' }, { random: true })).toEqual({ event: 'chat', user: { random: true } });
    expect(withSender({ event: 'chat', user: { new: true } }, { random: true })).toEqual({ event: 'chat', user: { new: true } });
    expect(withSender([1], { random: true })).toEqual([1]);
    expect(withSender(null, { random: true })).toBe(null);
  });
});
