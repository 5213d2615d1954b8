import { daysFromToday, templateProposal } from '../__testUtils__/proposals';
import { readProposal } from './readProposal';

describe('readProposal', () => {
  it('reads a complete proposal, trimming text and leaving empty parameters to the default', () => {
    const proposal = readProposal(
      templateProposal({
        title: '  Ninety days  ',
        policies: [
          { id: 'personal-data-max-duration', params: { maxDuration: '' } },
        ],
      }),
    );
    expect(proposal).toMatchObject({
      status: 'proposed',
      title: 'Ninety days',
      policies: [{ id: 'personal-data-max-duration' }],
      problems: ['3f0c7a4e-8d2b-4c1e-9a57-0b6d2e1f4a90'],
    });
  });

  it.each([
    [{ status: 'accepted' }, /status: a proposal's status must be "proposed"/],
    [{ opinionsDue: daysFromToday(0) }, /opinionsDue: .* must be after today/],
    [{ opinionsDue: daysFromToday(-3) }, /opinionsDue: .* must be after today/],
    [{ opinionsDue: '2027-02-30' }, /opinionsDue: give the date as yyyy-mm-dd/],
    [{ opinionsDue: undefined }, /opinionsDue: expected text/],
    [{ title: 'x'.repeat(121) }, /title: at most 120 characters/],
    [{ title: 'One\n---\nstatus: accepted' }, /title: must be a single line/],
    [{ title: '   ' }, /title: must not be empty/],
    [{ context: 'a\0b' }, /context: must not contain NUL/],
    [{ context: 'x'.repeat(20_001) }, /context: at most 20000 characters/],
    [{ options: [] }, /options: give at least 1/],
    [
      { options: [{ description: 'no title' }] },
      /options\/0\/title: expected text/,
    ],
    [{ outcome: '' }, /outcome: must not be empty/],
    [
      { policies: [{ id: 'Not An Id' }] },
      /policies\/0\/id: "Not An Id" is not a kebab-case policy id/,
    ],
    [
      { policies: [{ id: 'a', params: { x: { nested: 1 } } }] },
      /policies\/0\/params\/x: expected text/,
    ],
    [{ problems: ['a b'] }, /problems\/0: a problem id is/],
    [{ problems: 'p-1' }, /problems: expected a list/],
  ])('refuses %j, naming the field', (overrides, message) => {
    expect(() => readProposal(templateProposal(overrides as any))).toThrow(
      message,
    );
  });

  it('refuses what is not an object at all', () => {
    expect(() => readProposal('a string')).toThrow(
      /proposal: expected an object/,
    );
  });
});
