import type {
  QueryParameters,
  Request,
  Response,
} from '@backstage/backend-openapi-utils';
import type {
  AdrIndex,
  AdrStatusHistory,
  AdrWithContent,
  EntityCheck,
  Opinion,
  OpinionInput,
  OpinionRevision,
  OpinionSummary,
  PolicyCompliance,
} from '@datamesh-governance/plugin-governance-common';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { ApiError } from './openapi/generated';
import { spec } from './openapi/generated/router';

// What `backstage-repo-tools repo schema openapi validate` checks, so that a
// plain test run catches a spec edited without `yarn openapi:generate`.
describe('the OpenAPI spec', () => {
  it('is the same in openapi.yaml and in the router built from it', () => {
    const yaml = parse(
      readFileSync(path.resolve(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(JSON.parse(JSON.stringify(spec))).toEqual(yaml);
  });
});

// The contract types in governance-common, which the service, the frontend
// and the collator use, say what the spec says; `yarn tsc` fails otherwise.
type Spec = typeof spec;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const agreement: [
  Same<Response<Spec, '/adrs', 'get'>, AdrIndex | ApiError>,
  Same<Response<Spec, '/adrs/:adrId', 'get'>, AdrWithContent | ApiError>,
  Same<
    Response<Spec, '/adrs/:adrId/opinions', 'get'>,
    OpinionSummary | ApiError
  >,
  Same<
    Response<Spec, '/adrs/:adrId/opinions/history', 'get'>,
    { items: OpinionRevision[] } | ApiError
  >,
  Same<
    Response<Spec, '/adrs/:adrId/status-history', 'get'>,
    AdrStatusHistory | ApiError
  >,
  Same<Request<Spec, '/adrs/:adrId/opinions/mine', 'put'>, OpinionInput>,
  Same<Response<Spec, '/adrs/:adrId/opinions/mine', 'put'>, Opinion | ApiError>,
  Same<QueryParameters<Spec, '/policies', 'get'>, { adrId?: string }>,
  Same<
    Response<Spec, '/policies', 'get'>,
    { items: PolicyCompliance[] } | ApiError
  >,
  Same<QueryParameters<Spec, '/checks', 'get'>, { entityRef: string }>,
  Same<Response<Spec, '/checks', 'get'>, { items: EntityCheck[] } | ApiError>,
] = [true, true, true, true, true, true, true, true, true, true, true];

describe("governance-common's contract types", () => {
  it('agree with the spec (checked by the type checker)', () => {
    expect(agreement.every(Boolean)).toBe(true);
  });
});
