import { z } from 'zod';
import { bodyFieldOf, fieldIssuesFromZod, fieldIssuesOf } from './fieldIssues';
import { opinionInputSchema } from './opinions';

describe('fieldIssuesFromZod', () => {
  it('gives one issue per field, and names each unknown field', () => {
    const result = opinionInputSchema.safeParse({
      stance: 'maybe',
      perspective: 'legal',
      comment: ' ',
      author: 'user:default/leo.legal',
    });
    if (result.success) throw new Error('expected a failure');
    const issues = fieldIssuesFromZod(result.error.issues, 'body');
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: '/body/stance', message: expect.any(String) },
        { path: '/body/comment', message: 'say briefly why' },
        { path: '/body/author', message: 'unknown field author' },
      ]),
    );
    expect(issues.map(bodyFieldOf)).toEqual(
      expect.arrayContaining(['stance', 'comment', 'author']),
    );
  });

  it('puts issues of the whole part at its root', () => {
    const result = z.object({}).safeParse('text');
    if (result.success) throw new Error('expected a failure');
    expect(fieldIssuesFromZod(result.error.issues, 'body')).toEqual([
      { path: '/body', message: expect.any(String) },
    ]);
  });
});

describe('fieldIssuesOf', () => {
  it("reads a 400's issues and ignores anything else", () => {
    const issue = { path: '/body/comment', message: 'say briefly why' };
    expect(
      fieldIssuesOf({ error: { issues: [issue, { path: 1 }, 'x', null] } }),
    ).toEqual([issue]);
    for (const body of [undefined, null, 'text', {}, { error: {} }]) {
      expect(fieldIssuesOf(body)).toEqual([]);
    }
  });
});
