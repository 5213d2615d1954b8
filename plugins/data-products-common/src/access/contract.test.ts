import type { z } from 'zod';
import type { ListRequests, SearchLegalBases } from '../generated/Api.client';
import type {
  AccessRequestAuditEntry,
  AccessRequestPage,
  ApproveAccessRequest,
  BulkDecision,
  CancelAccessRequest,
  CreateAccessRequest,
  LegalBasisPointer,
  ProcessingActivity,
  ReasonRequired,
} from '../generated/models';
import { makeActivity } from './__fixtures__/activities';
import { processingActivitySchema } from './processingActivity';
import {
  approveAccessRequestSchema,
  bulkDecisionSchema,
  cancelAccessRequestSchema,
  createAccessRequestSchema,
  legalBasisPointerSchema,
  legalBasisSearchQuerySchema,
  listAccessRequestsQuerySchema,
  reasonRequiredSchema,
} from './schemas';
import type {
  AccessRequest,
  AccessRequestAction,
  Page,
  ProvisioningAuditAction,
} from './types';

// The OpenAPI spec is the one source of the access-request contract; the zod
// schemas the backend checks input with, and the few names the spec does not
// have, must say the same. These lines fail `yarn tsc` when they drift apart.

/** True when A and B are the same type, not merely assignable either way. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B
  ? 1
  : 2
  ? true
  : false;

/** What a schema's successful parse gives. */
type Parsed<S extends z.ZodType> = z.output<S>;

const agreements: Record<string, true> = {
  createAccessRequest: true satisfies Same<
    Parsed<typeof createAccessRequestSchema>,
    CreateAccessRequest
  >,
  approveAccessRequest: true satisfies Same<
    Parsed<typeof approveAccessRequestSchema>,
    ApproveAccessRequest
  >,
  reasonRequired: true satisfies Same<
    Parsed<typeof reasonRequiredSchema>,
    ReasonRequired
  >,
  cancelAccessRequest: true satisfies Same<
    Parsed<typeof cancelAccessRequestSchema>,
    CancelAccessRequest
  >,
  bulkDecision: true satisfies Same<
    Parsed<typeof bulkDecisionSchema>,
    BulkDecision
  >,
  legalBasisPointer: true satisfies Same<
    Parsed<typeof legalBasisPointerSchema>,
    LegalBasisPointer
  >,
  processingActivity: true satisfies Same<
    Parsed<typeof processingActivitySchema>,
    ProcessingActivity
  >,
  legalBasisSearchQuery: true satisfies Same<
    Parsed<typeof legalBasisSearchQuerySchema>,
    SearchLegalBases['query']
  >,
  // The parsed query has its defaults (sort, order, limit) filled in; the
  // spec's query has every parameter optional.
  listAccessRequestsQuery: true satisfies Same<
    Required<Parsed<typeof listAccessRequestsQuerySchema>>,
    Required<NonNullable<ListRequests['query']>>
  >,
  auditActions: true satisfies Same<
    'create' | AccessRequestAction | ProvisioningAuditAction,
    AccessRequestAuditEntry['action']
  >,
  page: true satisfies Same<Page<AccessRequest>, AccessRequestPage>,
};

describe('the access-request contract', () => {
  it('is checked by the compiler for every schema and hand-named type', () => {
    expect(Object.keys(agreements)).toHaveLength(11);
  });

  it('parses a body the spec describes into the same body', () => {
    const body: CreateAccessRequest = {
      entityRef: 'dataproduct:default/benefit-decisions',
      outputPort: 'decisions_v1',
      subjectRef: 'group:default/analytics',
      purpose: 'Statistics on decisions for the yearly report',
      legalBasis: { registerId: 'demo', activityId: 'follow-up' },
      endsAt: '2027-01-01',
      acceptTerms: true,
    };
    expect(createAccessRequestSchema.parse(body)).toEqual(body);
  });

  it('parses a processing activity the spec describes into the same activity', () => {
    const activity: ProcessingActivity = makeActivity({
      description: 'Who is followed up and why',
      link: 'https://register.example/B123',
    });
    expect(processingActivitySchema.parse(activity)).toEqual(activity);
  });

  it('parses a bulk decision the spec describes into the same decision', () => {
    const decision: BulkDecision = {
      decisions: [
        { id: 'a', action: 'approve', endsAt: '2027-01-01T00:00:00Z' },
        { id: 'b', action: 'reject', reason: 'No legal basis for this port' },
      ],
    };
    expect(bulkDecisionSchema.parse(decision)).toEqual(decision);
  });
});
