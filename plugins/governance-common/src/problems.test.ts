import { isProblemEntityRef, problemInputSchema } from './problems';

const valid = {
  title: 'Nobody knows how fresh the stream is',
  description: 'Consumers poll it every minute to find out.',
  entityRefs: ['dataproduct:default/benefit-applications-stream'],
};

describe('problemInputSchema', () => {
  it('takes a problem with data products and domains', () => {
    const input = {
      ...valid,
      entityRefs: [...valid.entityRefs, 'domain:default/employment'],
    };
    expect(problemInputSchema.parse(input)).toEqual(input);
  });

  it.each([
    ['a NUL byte', { title: 'a\u0000b' }, /control characters/],
    ['a 10k title', { title: 'x'.repeat(10_000) }, /under 200/],
    ['a blank description', { description: '  ' }, /write a description/],
    ['a component ref', { entityRefs: ['component:default/x'] }, /not a data/],
    ['a ref without namespace', { entityRefs: ['dataproduct:x'] }, /not a/],
    ['an unknown field', { raisedBy: 'user:default/x' }, /raisedBy/],
  ])('refuses %s', (_name, change, message) => {
    const result = problemInputSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });

  it('knows a ref from look-alikes', () => {
    expect(isProblemEntityRef('DataProduct:default/benefit-decisions')).toBe(
      true,
    );
    expect(isProblemEntityRef(`domain:default/${'a'.repeat(64)}`)).toBe(false);
    expect(isProblemEntityRef('domain:default/a/b')).toBe(false);
    expect(isProblemEntityRef('domain:default/-a')).toBe(false);
  });
});
