/**
 * Reads at most `max` bytes of a fetch body, failing as soon as it grows past (a declared length over the cap fails
 * before a byte is read, and the body is cancelled either way). `tooLarge` makes the caller's error: `declared` is
 * the Content-Length when that was what gave it away. Shared by the recorder's media capture and the image proxy.
 */
export async function readCapped(res: Response, max: number, tooLarge: (declared: number | null) => Error): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge(declared);
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(null);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
