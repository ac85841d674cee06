import { describe, expect, it } from 'vitest';
import { NameScrubber } from './anon-text.ts';

describe('NameScrubber', () => {
  const s = new NameScrubber();
  s.add('bob_the_builder', 'viewer_1');
  s.add('Dave Dancer', 'Viewer d');
  s.add('dave', 'viewer_2');
  s.add('alice.w', 'viewer_3');
  s.add('A', 'never');

  it('replaces whole names, any case, longest first, @mentions included', () => {
    expect(s.scrub('@Bob_The_Builder meets Dave Dancer and dave, then alice.w.')).toBe('@viewer_1 meets Viewer d and viewer_2, then viewer_3.');
  });

  it('leaves names inside longer words and one-character names alone', () => {
    expect(s.scrub('davey bob_the_builders A')).toBe('davey bob_the_builders A');
  });
});
