import { InputError } from '@backstage/errors';
import { decodeCursor, encodeCursor } from './cursor';

const id = '3f1c2a9e-6b7d-4c1e-9a55-1f7d2c0e8b11';
const raw = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

describe('cursors', () => {
  it('decodes what it encodes, and nothing for no cursor', () => {
    for (const value of [0, 1_764_000_000_000, -8.64e15, 8.64e15]) {
      expect(decodeCursor(encodeCursor({ value, id }))).toEqual({ value, id });
    }
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor('')).toBeUndefined();
  });

  it('hands out only base64url', () => {
    expect(encodeCursor({ value: 1, id })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['a fraction', raw({ value: 1.5, id })],
    ['beyond what a Date holds', raw({ value: 8.64e15 + 1, id })],
    ['far below it', raw({ value: -1e300, id })],
    ['an unsafe integer', raw({ value: 2 ** 53, id })],
    ['a number as text', raw({ value: '1', id })],
    ['null', raw({ value: null, id })],
    ['NUL in the id', raw({ value: 1, id: `${id}\u0000` })],
    ['an id that is no request id', raw({ value: 1, id: 'x' })],
    ['a number as id', raw({ value: 1, id: 7 })],
    ['a field too many', raw({ value: 1, id, admin: true })],
    ['a JSON array', raw([1, id])],
    ['JSON null', raw(null)],
    ['a JSON string', raw('cursor')],
    ['not JSON', Buffer.from('{value').toString('base64url')],
    ['characters outside base64url', 'eyJ2YWx1ZSI6MX0=!'],
    ['NUL', '\u0000'],
    [
      'standard base64',
      Buffer.from(JSON.stringify({ value: 1, id })).toString('base64'),
    ],
    ['over 500 characters', 'A'.repeat(501)],
  ])('refuses %s with a 400 that says what to do', (_, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InputError);
    expect(() => decodeCursor(cursor)).toThrow(
      'The cursor is not one this API handed out; start again from the first page',
    );
  });
});
