import { describe, expect, it } from 'vitest';
import { parseParams } from './params.ts';

describe('parseParams', () => {
  it('defaults to portrait on the local TikFinity port', () => {
    expect(parseParams('')).toEqual({ ws: 'ws://127.0.0.1:21213/', landscape: false, width: 1080, height: 1920, mute: false, debug: false, seed: 1, toasty: 100, renderer: 'auto', proxy: '', aggregate: '' });
  });
  it('sends pictures from other hosts through the page\'s own server unless told otherwise', () => {
    expect(parseParams('', 'http://127.0.0.1:21213').proxy).toBe('http://127.0.0.1:21213');
    expect(parseParams('?proxy=0', 'http://127.0.0.1:21213').proxy).toBe('');
    expect(parseParams('?proxy=http://127.0.0.1:21214', 'http://127.0.0.1:8080').proxy).toBe('http://127.0.0.1:21214');
  });
  it('reads landscape, flags, seed and a custom socket', () => {
    expect(parseParams('?layout=landscape&mute&debug=1&seed=42&toasty=500&ws=ws://127.0.0.1:5000/x')).toMatchObject({
      width: 1920, height: 1080, mute: true, debug: true, seed: 42, toasty: 500, ws: 'ws://127.0.0.1:5000/x',
    });
    expect(parseParams('?renderer=canvas').renderer).toBe('canvas');
    expect(parseParams('?renderer=gl').renderer).toBe('auto');
    expect(parseParams('?mute=0&ws=http://x&seed=abc')).toMatchObject({ mute: false, ws: 'ws://127.0.0.1:21213/', seed: 1 });
  });

  it('served by tiksim it connects to the server that served it; opened elsewhere, to TikFinity\'s socket', () => {
    expect(parseParams('', 'http://127.0.0.1:21999', true).ws).toBe('ws://127.0.0.1:21999/');
    expect(parseParams('', 'https://studio.local:8443', true).ws).toBe('wss://studio.local:8443/');
    expect(parseParams('?ws=ws://127.0.0.1:5000/', 'http://127.0.0.1:21999', true).ws).toBe('ws://127.0.0.1:5000/');
    expect(parseParams('', 'http://localhost:5173', false).ws).toBe('ws://127.0.0.1:21213/');
    expect(parseParams('', 'null', true).ws).toBe('ws://127.0.0.1:21213/');
  });

  it('takes the merged socket of tiksim watch from ?aggregate= (ws:// or wss:// only)', () => {
    expect(parseParams('?aggregate=ws://127.0.0.1:21216/').aggregate).toBe('ws://127.0.0.1:21216/');
    expect(parseParams('').aggregate).toBe('');
    expect(parseParams('?aggregate=http://127.0.0.1:21216/').aggregate).toBe('');
  });
});
