/**
 * Seeded random choices and hostile values for fuzz tests: the same seed
 * gives the same cases, so a failure reproduces.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  /** xorshift32: a uniform number in [0, 1). */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 2 ** 32;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Strings that have broken services: NUL, sizes around limits, odd unicode, injections, near-valid values. */
const STRINGS: readonly (string | (() => string))[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  () => '\u0000'.repeat(300),
  () => 'x'.repeat(255),
  () => 'x'.repeat(256),
  () => 'x'.repeat(2001),
  () => 'x'.repeat(60_000),
  () => 'x'.repeat(200_000), // over the JSON body limit
  '\t',
  '\r\n',
  '\u001b[2J',
  '\u007f',
  '\u202eevil',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\uffff',
  'e\u0301',
  '𝕏🙂',
  () => '🙂'.repeat(1000),
  "' OR '1'='1",
  '"; DROP TABLE access_requests; --',
  '%',
  '_',
  '\\',
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '__proto__',
  'constructor',
  'toString',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x10',
  '9999-12-31',
  '0000-01-01',
  '2025-02-30T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '1970-01-01T00:00:00Z',
  '2099-01-01T00:00:00+14:00',
  'dataproduct:default/benefit-decisions',
  'DATAPRODUCT:Default/Benefit-Decisions',
  'dataproduct:default/sick-leave',
  'user:default/ada',
  'group:default/team-benefits',
  'component:default/analytics-workbench',
  'a:b',
  ':',
  'x:y/z/w',
  'decisions_v1',
  'counts_v1',
  'demo',
  'follow-up',
  'health',
  'draft',
  'approve',
  'reject',
  'pending',
  UNKNOWN_ID,
  UNKNOWN_ID.toUpperCase(),
  `${UNKNOWN_ID}\u0000`,
];

/** Any UTF-16 code units, surrogates and controls included. */
function noise(random: Random): string {
  const length = random.int(40);
  let text = '';
  for (let i = 0; i < length; i++) {
    text += String.fromCharCode(
      random.chance(0.5) ? random.int(128) : random.int(0x10000),
    );
  }
  return text;
}

export function hostileString(random: Random): string {
  if (random.chance(0.1)) return noise(random);
  const item = random.pick(STRINGS);
  return typeof item === 'function' ? item() : item;
}

/**
 * A valid value gone slightly wrong: a NUL inside it, too long, padded,
 * shouted. These pass loose checks and reach the database.
 */
export function nearValid(random: Random, valid: unknown): unknown {
  if (typeof valid !== 'string') return hostileValue(random);
  const at = random.int(valid.length + 1);
  switch (random.int(5)) {
    case 0:
    case 1:
      return `${valid.slice(0, at)}\u0000${valid.slice(at)}`;
    case 2:
      return valid + 'x'.repeat(random.pick([250, 3000]));
    case 3:
      return random.pick([` ${valid} `, `${valid}\t`, `\n${valid}`]);
    default:
      return valid.toUpperCase();
  }
}

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 2,
  8.64e15 + 1,
  Number.NaN, // null in JSON
  Infinity, // null in JSON
];

/** Keys that reach prototypes, or fields no client may set. */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'requesterRef',
  'status',
  'id',
  'decidedBy',
  '',
  '\u0000',
];

/** Sets a key as an own enumerable property, even `__proto__`. */
export function withKey(target: object, key: string, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return target;
}

function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Any JSON value, leaning to the ones that break things. */
export function hostileValue(random: Random, depth = 0): unknown {
  switch (random.int(depth > 1 ? 6 : 10)) {
    case 0:
    case 1:
    case 2:
    case 3:
      return hostileString(random);
    case 4:
      return random.pick(NUMBERS);
    case 5:
      return random.pick([true, false, null]);
    case 6:
      return Array.from({ length: random.int(4) }, () =>
        hostileValue(random, depth + 1),
      );
    case 7: {
      const value = {};
      for (let i = random.int(4); i > 0; i--) {
        withKey(
          value,
          random.chance(0.5)
            ? random.pick(HOSTILE_KEYS)
            : hostileString(random),
          hostileValue(random, depth + 1),
        );
      }
      return value;
    }
    case 8:
      return nested(random.pick([10, 500, 3000]));
    default:
      return new Array(random.pick([101, 1000])).fill(null);
  }
}

/** Request bodies no JSON parser should accept, and odd ones it does. */
export const RAW_BODIES = [
  '{',
  '{"reason":}',
  '{"reason":"a",}',
  "{'reason':'a'}",
  '\u0000',
  'null',
  '[]',
  '"text"',
  '42',
  'true',
  '{"reason":"\\u0000"}',
  '{"reason":"a","reason":"\\u0000"}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"reason":"\\ud800"}',
  '\ufeff{}',
  '{"a":1e999999}',
];

export const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/xml',
  'multipart/form-data; boundary=x',
];
