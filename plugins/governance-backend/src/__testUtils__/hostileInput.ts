/**
 * A small seeded random source and the hostile values fuzz tests draw from.
 * Seeded (mulberry32) so that a failing case can be replayed by its index.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)];
  }

  /** Printable ASCII, as HTTP header values allow. */
  ascii(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) {
      text += String.fromCharCode(0x20 + this.int(0x5f));
    }
    return text;
  }

  /** Any code points, including controls, astral characters and lone surrogates. */
  unicode(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) {
      const kind = this.int(4);
      if (kind === 0) text += String.fromCharCode(this.int(0x20));
      else if (kind === 1)
        text += String.fromCharCode(0xd800 + this.int(0x800));
      else if (kind === 2) text += String.fromCodePoint(this.int(0x110000));
      else text += String.fromCharCode(0x20 + this.int(0x5f));
    }
    return text;
  }
}

/** Strings that have broken parsers, databases and renderers before. */
export function hostileString(random: Random): string {
  const fixed = [
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\t\r\n',
    'x'.repeat(255),
    'x'.repeat(256),
    'x'.repeat(4001),
    'x'.repeat(20_000),
    '🦄'.repeat(300),
    '\u202Eevil\u202C',
    'e\u0301\u0301\u0301',
    '\ud800',
    'a\udfffb',
    '\uFFFE\uFFFF',
    '../../etc/passwd',
    '..\\..\\windows',
    '<script>alert(1)</script>',
    "'; DROP TABLE governance_opinions; --",
    '__proto__',
    'constructor',
    'null',
    '1e309',
    '-0',
    '%00',
    '%E0%A4%A',
  ];
  const kind = random.int(3);
  if (kind === 0) return random.ascii(1 + random.int(64));
  if (kind === 1) return random.unicode(1 + random.int(64));
  return random.pick(fixed);
}

/** A JSON value of the wrong type, or out of range, or hostile text. */
export function hostileJsonValue(random: Random): unknown {
  const values: Array<() => unknown> = [
    () => hostileString(random),
    () => random.pick([0, -1, 1.5, -0, Number.MAX_SAFE_INTEGER + 2, 1e308]),
    () => random.pick([true, false, null]),
    () => [],
    () => ({}),
    () => [hostileString(random)],
    () => ({ nested: { deeper: hostileString(random) } }),
  ];
  return random.pick(values)();
}

/**
 * Percent-encodes a string for a URL path or query. Lone surrogates, which
 * `encodeURIComponent` refuses, become bytes that are not UTF-8.
 */
export function percentEncode(value: string): string {
  return Array.from(value)
    .map(char => {
      try {
        return encodeURIComponent(char);
      } catch {
        return '%ED%A0%80';
      }
    })
    .join('');
}
