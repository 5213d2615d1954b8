// Times calls over HTTP against several backends in alternating blocks, so
// that whatever else the machine does hits every size alike.
import { asUser } from './backend.mjs';

/**
 * A keep-alive connection the server closes just as a request goes out
 * fails with ECONNRESET; a GET is safe to send again.
 */
async function fetchRetryingReset(url, init) {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (error.cause?.code !== 'ECONNRESET') throw error;
    return fetch(url, init);
  }
}

async function fetchOk(baseUrl, path, as) {
  const response = await fetchRetryingReset(`${baseUrl}${path}`, {
    headers: asUser(as),
  });
  const body = await response.text();
  if (!response.ok) {
    const error = new Error(`GET ${path} as ${as}: ${response.status} ${body}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

/**
 * The path of each call on one backend: resolves next-page cursors, and
 * drops optional calls the backend does not answer (noted in `skipped`).
 */
export async function resolveCalls(baseUrl, calls) {
  const resolved = [];
  const skipped = [];
  const byId = new Map(calls.map(c => [c.id, c]));
  for (const call of calls) {
    let path = call.path;
    if (call.nextPageOf) {
      const first = byId.get(call.nextPageOf);
      const page = JSON.parse(await fetchOk(baseUrl, first.path, first.as));
      if (!page.nextCursor) {
        throw new Error(`${first.id} has no next page to measure`);
      }
      path = `${first.path}&cursor=${encodeURIComponent(page.nextCursor)}`;
    }
    try {
      await fetchOk(baseUrl, path, call.as);
    } catch (error) {
      if (!call.optional) throw error;
      skipped.push(`${call.id} (${error.status ?? error.message})`);
      continue;
    }
    resolved.push({ ...call, path });
  }
  return { calls: resolved, skipped };
}

/** Milliseconds for one call, response body read. */
async function time(baseUrl, call) {
  const start = performance.now();
  await fetchOk(baseUrl, call.path, call.as);
  return performance.now() - start;
}

/**
 * targets: [{ size, baseUrl, calls }]. Each block runs `samples` rounds of
 * every call on each target; the order of targets flips every block.
 * Each round starts one call further along, so that no call is always the
 * first on a backend that has just been idle, nor always follows the same
 * call: with a fixed order the approver's page, first in the list, took every
 * block's cold start, and the catalog's page, last, never did.
 * Returns samples[size][callId] = milliseconds[].
 */
export async function measureAlternating(targets, { blocks, samples, warmup }) {
  const result = {};
  for (const target of targets) {
    result[target.size] = {};
    for (const call of target.calls) result[target.size][call.id] = [];
    for (let i = 0; i < warmup; i++) {
      for (const call of target.calls) await time(target.baseUrl, call);
    }
  }
  for (let block = 0; block < blocks; block++) {
    const order = block % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      for (let s = 0; s < samples; s++) {
        const calls = rotate(target.calls, block + s);
        for (const call of calls) {
          result[target.size][call.id].push(await time(target.baseUrl, call));
        }
      }
    }
  }
  return result;
}

/** `list` starting at its `by`-th item (modulo its length), wrapping around. */
function rotate(list, by) {
  const start = by % list.length;
  return [...list.slice(start), ...list.slice(0, start)];
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}
