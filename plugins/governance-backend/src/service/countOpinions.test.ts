import { Opinion } from '@datamesh-governance/plugin-governance-common';
import { countOpinions } from './countOpinions';
import { takesOpinions } from './createGovernanceService';

function opinion(
  perspective: Opinion['perspective'],
  stance: Opinion['stance'],
): Opinion {
  return {
    adrId: 'decisions--0008',
    authorRef: `user:default/${perspective}-${stance}`,
    perspective,
    stance,
    comment: 'Because.',
    createdAt: '2026-11-28T12:00:00.000Z',
    updatedAt: '2026-11-28T12:00:00.000Z',
    revision: 1,
  };
}

describe('countOpinions', () => {
  it('counts per perspective and stance, with every key present', () => {
    const counts = countOpinions([
      opinion('legal', 'object'),
      opinion('legal', 'object'),
      opinion('consumer', 'support'),
    ]);
    expect(counts.legal).toEqual({ support: 0, concern: 0, object: 2 });
    expect(counts.consumer).toEqual({ support: 1, concern: 0, object: 0 });
    expect(counts.business).toEqual({ support: 0, concern: 0, object: 0 });
  });
});

describe('takesOpinions', () => {
  it('is true for proposed ADRs only', () => {
    expect(takesOpinions({ status: 'proposed' })).toBe(true);
    for (const status of [
      'accepted',
      'rejected',
      'deprecated',
      'superseded',
      'unknown',
    ] as const) {
      expect(takesOpinions({ status })).toBe(false);
    }
  });
});
