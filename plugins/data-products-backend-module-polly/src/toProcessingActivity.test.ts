import { toProcessingActivity } from './toProcessingActivity';

const options = { registerId: 'polly', uiUrl: 'https://polly.example.org' };

describe('toProcessingActivity', () => {
  it.each([null, undefined, 'text', 42, [], {}, { id: 'x' }, { name: 'y' }])(
    'skips %p, which has no id and name',
    process => {
      expect(toProcessingActivity(process, options)).toBeUndefined();
    },
  );

  it.each([
    ['NUL', 'p1\u0000'],
    ['a line break', 'p1\nx'],
    ['256 characters', 'p'.repeat(256)],
  ])('skips a process whose id has %s, which no request can store', (_, id) => {
    expect(
      toProcessingActivity({ id, name: 'A process' }, options),
    ).toBeUndefined();
    expect(
      toProcessingActivity({ id: 'p'.repeat(255), name: 'A process' }, options),
    ).toBeDefined();
  });

  it('survives missing and odd fields', () => {
    expect(
      toProcessingActivity(
        {
          id: 'p1',
          name: ' A process ',
          number: null,
          purposes: [null, 'x', { code: 42 }, {}],
          legalBases: [null, { gdpr: 'ART61E' }, { gdpr: { code: 7 } }],
          status: '',
          start: 'soon',
          end: 20301231,
        },
        options,
      ),
    ).toEqual({
      registerId: 'polly',
      id: 'p1',
      number: '',
      name: 'A process',
      purposes: ['42'],
      status: 'UNKNOWN',
      // A purpose code of 42 is still a code the UI can route to.
      link: 'https://polly.example.org/process/purpose/42/p1',
    });
  });

  it('uses the short names of codelist values, and their codes without them', () => {
    expect(
      toProcessingActivity(
        {
          id: 'p2',
          name: 'Sick-leave statistics',
          number: 'B230',
          purposes: [
            { code: 'SICK LEAVE', shortName: 'Sick leave' },
            { code: 'STATISTICS' },
          ],
          legalBases: [
            {
              gdpr: { code: 'ART92H', shortName: 'Art. 9(2)(h) health care' },
              nationalLaw: {
                code: 'NIA',
                shortName: 'National Insurance Act',
              },
              description: '§ 8-7',
            },
            {
              gdpr: { code: 'ART61C', description: 'Legal obligation' },
              nationalLaw: { code: 'NIA', description: 'Insurance law' },
            },
          ],
          status: 'NEEDS_REVISION',
          start: '2019-06-01T00:00:00',
          end: null,
        },
        options,
      ),
    ).toEqual({
      registerId: 'polly',
      id: 'p2',
      number: 'B230',
      name: 'Sick-leave statistics',
      purposes: ['Sick leave', 'STATISTICS'],
      art6Basis: 'ART61C',
      art6Description: 'Legal obligation',
      nationalLaw: 'Insurance law',
      art9Basis: 'ART92H',
      art9Description:
        'Art. 9(2)(h) health care – National Insurance Act § 8-7',
      status: 'NEEDS_REVISION',
      validFrom: '2019-06-01',
      link: 'https://polly.example.org/process/purpose/SICK%20LEAVE/p2',
    });
  });
});
