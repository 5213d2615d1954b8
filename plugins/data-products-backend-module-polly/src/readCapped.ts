/**
 * Reads a response body as text, at most `maxBytes` of it. Past the cap it
 * stops reading and closes the stream, so a huge or endless answer costs
 * no more memory than the cap. A declared Content-Length over the cap is
 * refused before any of the body is read.
 */
export async function readCapped(
  response: Response,
  maxBytes: number,
): Promise<{ text: string; complete: boolean }> {
  if (!response.body) {
    return { text: '', complete: true };
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body.cancel();
    return { text: '', complete: false };
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    if (size + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - size));
      await reader.cancel();
      return { text: decode(chunks), complete: false };
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { text: decode(chunks), complete: true };
}

function decode(chunks: Uint8Array[]): string {
  return Buffer.concat(chunks).toString('utf8');
}
