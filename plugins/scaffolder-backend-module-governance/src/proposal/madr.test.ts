import { parse } from 'yaml';
import { templateProposal } from '../__testUtils__/proposals';
import { madrContent, madrFileName, nextAdrNumber } from './madr';
import { readProposal } from './readProposal';
import type { GroundRuleProposal } from './types';

const meta = { date: '2026-11-30', proposer: 'user:default/pia.platform' };

/** Front matter and body split as the governance backend splits them: at the first closing `---` line. */
function split(content: string) {
  const lines = content.split('\n');
  expect(lines[0]).toBe('---');
  const closing = lines.findIndex((l, i) => i > 0 && /^---[ \t]*$/.test(l));
  return {
    frontMatter: parse(lines.slice(1, closing).join('\n')),
    body: lines.slice(closing + 1).join('\n'),
  };
}

describe('madrContent', () => {
  it('writes the front matter the governance backend reads, and the MADR sections', () => {
    const proposal = readProposal(
      templateProposal({ opinionsDue: '2099-12-15' }),
    );
    const { frontMatter, body } = split(madrContent(proposal, meta));
    expect(frontMatter).toEqual({
      status: 'proposed',
      date: '2026-11-30',
      deciders: [],
      policies: [
        { id: 'personal-data-max-duration', maxDuration: 'P90D' },
        'output-ports-classified',
      ],
      'opinions-due': '2099-12-15',
      problems: ['3f0c7a4e-8d2b-4c1e-9a57-0b6d2e1f4a90'],
      proposer: 'user:default/pia.platform',
    });
    expect(body).toMatch(
      /^\n# Access to personal data lasts at most 90 days\n/,
    );
    expect(body).toContain(
      '## Considered Options\n\n- Keep 180 days\n- 90 days',
    );
    expect(body).toContain('## Decision Outcome\n\nProposed: 90 days');
    expect(body).toContain(
      '### 90 days\n\nShorter, renewable with a new request.',
    );
  });

  it('leaves problems out when the proposal answers none', () => {
    const proposal = readProposal(templateProposal({ problems: [] }));
    expect(split(madrContent(proposal, meta)).frontMatter).not.toHaveProperty(
      'problems',
    );
  });

  // The writer is also called with values no form check has seen, e.g. by
  // another module: it must keep them out of the front matter by itself.
  it('keeps hostile values from adding or changing front matter', () => {
    const hostile: GroundRuleProposal = {
      status: 'proposed',
      title: 'Nice\n---\nstatus: accepted\n---\n# Other',
      context: '---\nstatus: accepted\n---',
      options: [{ title: 'a\n---', description: '---\nproposer: x' }],
      outcome: 'yes\n---',
      policies: [
        {
          id: 'personal-data-max-duration',
          params: { maxDuration: "P90D\nstatus: accepted\n'---'" },
        },
      ],
      problems: ['1\n---\nstatus: accepted', "p: 'x'"],
      opinionsDue: '2099-01-01\nstatus: accepted',
    };
    const content = madrContent(hostile, {
      date: '2026-11-30',
      proposer: 'user:default/pia.platform\n---',
    });
    const { frontMatter, body } = split(content);
    expect(Object.keys(frontMatter)).toEqual([
      'status',
      'date',
      'deciders',
      'policies',
      'opinions-due',
      'problems',
      'proposer',
    ]);
    expect(frontMatter.status).toBe('proposed');
    expect(frontMatter.policies[0].maxDuration).toBe(
      "P90D\nstatus: accepted\n'---'",
    );
    expect(frontMatter.problems).toEqual([
      '1\n---\nstatus: accepted',
      "p: 'x'",
    ]);
    expect(frontMatter['opinions-due']).toBe('2099-01-01\nstatus: accepted');
    expect(frontMatter.proposer).toBe('user:default/pia.platform\n---');
    // The title is one heading line: nothing of it becomes another line.
    expect(body.split('\n')[1]).toBe('# Nice --- status: accepted --- # Other');
    expect(body).toContain('- a ---');
  });
});

describe('madrFileName and nextAdrNumber', () => {
  it('numbers after the highest NNNN- file, ignoring others', () => {
    expect(
      nextAdrNumber([
        '0001-a.md',
        '0008-data-products-publish-a-freshness-sla.md',
        'README.md',
        'x-0099.md',
      ]),
    ).toBe(9);
    expect(nextAdrNumber([])).toBe(1);
  });

  it('makes a lower-case ASCII slug of the title', () => {
    expect(madrFileName(9, 'Åtkomst till "persondata" — högst 90 dagar!')).toBe(
      '0009-atkomst-till-persondata-hogst-90-dagar.md',
    );
    expect(madrFileName(12, '../../etc/passwd')).toBe('0012-etc-passwd.md');
    expect(madrFileName(10, '———')).toBe('0010-proposal.md');
    expect(madrFileName(10, 'x'.repeat(200))).toBe(`0010-${'x'.repeat(60)}.md`);
  });
});
