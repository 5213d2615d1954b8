import {
  SELF_DECISION_REASON,
  separationOfDutiesReason,
  SUBJECT_DECISION_REASON,
} from './useSignedInIdentity';

const bo = {
  userEntityRef: 'user:default/bo',
  ownershipEntityRefs: [
    'user:default/bo',
    'group:default/team-benefits',
    'group:default/team-analytics',
  ],
};

describe('separationOfDutiesReason', () => {
  it('keeps people from deciding what they asked for, for themselves or for their groups', () => {
    expect(
      separationOfDutiesReason(bo, {
        requesterRef: 'user:default/bo',
        subjectRef: 'component:default/etl',
      }),
    ).toBe(SELF_DECISION_REASON);
    expect(
      separationOfDutiesReason(bo, {
        requesterRef: 'user:default/ada',
        subjectRef: 'group:default/team-analytics',
      }),
    ).toBe(SUBJECT_DECISION_REASON);
    expect(
      separationOfDutiesReason(bo, {
        requesterRef: 'user:default/ada',
        subjectRef: 'user:default/bo',
      }),
    ).toBe(SUBJECT_DECISION_REASON);
    expect(
      separationOfDutiesReason(bo, {
        requesterRef: 'user:default/ada',
        subjectRef: 'group:default/team-other',
      }),
    ).toBeUndefined();
  });
});
