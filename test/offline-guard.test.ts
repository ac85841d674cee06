import { describe, expect, it } from 'vitest';

describe('offline guard', () => {
  it('refuses connections beyond this machine in every test process', async () => {
    await expect(fetch('http://example.com/')).rejects.toThrow();
    try {
      await fetch('http://example.com/');
    } catch (e) {
      expect(String((e as Error & { cause?: Error }).cause?.message ?? e)).toMatch(/offline guard: a test tried to connect to example\.com/);
    }
  });
});
