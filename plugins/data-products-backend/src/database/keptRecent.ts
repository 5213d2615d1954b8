/**
 * The value kept under `key`, made on first use. A map keeps its insertion
 * order, so a value used again moves to the end and, beyond `limit`, the
 * first is the least recently used and goes.
 */
export function keptRecent<K, V>(
  kept: Map<K, V>,
  key: K,
  make: () => V,
  limit: number,
): V {
  let value = kept.get(key);
  if (value === undefined) {
    value = make();
    if (kept.size >= limit) kept.delete(kept.keys().next().value!);
  } else {
    kept.delete(key);
  }
  kept.set(key, value);
  return value;
}
