import type {
  PathParameters,
  QueryParameters,
  Request,
  Response,
} from '@backstage/backend-openapi-utils';
import type { GovernanceApiClient } from '@datamesh-governance/plugin-governance-common';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type {
  EndpointMap,
  GetAdr,
  GetEntityChecks,
  GetOpinionHistory,
  GetOpinions,
  ListAdrs,
  ListPolicies,
  RecordOpinion,
} from './openapi/generated';
import { spec } from './openapi/generated/router';

// What `backstage-repo-tools repo schema openapi verify` checks, so that
// CI catches a spec edited without regenerating router.ts.
describe('the OpenAPI spec', () => {
  it('is the same in openapi.yaml and in the router built from it', () => {
    const yaml = parse(
      readFileSync(path.resolve(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(JSON.parse(JSON.stringify(spec))).toEqual(yaml);
  });
});

// The operations' types and the spec agree; `yarn tsc` fails otherwise.
type Spec = typeof spec;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Methods = 'get' | 'put' | 'post' | 'delete' | 'patch';
type SpecOperations = {
  [P in keyof Spec['paths'] & string]: `#${Extract<
    keyof Spec['paths'][P],
    Methods
  >}|${P}`;
}[keyof Spec['paths'] & string];

type SpecOperationIds = {
  [P in keyof Spec['paths']]: {
    [M in keyof Spec['paths'][P]]: Spec['paths'][P][M] extends {
      operationId: infer Id extends string;
    }
      ? Uncapitalize<Id>
      : never;
  }[keyof Spec['paths'][P]];
}[keyof Spec['paths']];

const agreement: [
  Same<SpecOperations, keyof EndpointMap>,
  // The client in governance-common has one method per operation.
  Same<SpecOperationIds, keyof GovernanceApiClient>,
  Same<Response<Spec, '/adrs', 'get'>, ListAdrs['response']>,
  Same<Response<Spec, '/adrs/:adrId', 'get'>, GetAdr['response']>,
  Same<PathParameters<Spec, '/adrs/:adrId', 'get'>, GetAdr['path']>,
  Same<Response<Spec, '/adrs/:adrId/opinions', 'get'>, GetOpinions['response']>,
  Same<
    Response<Spec, '/adrs/:adrId/opinions/history', 'get'>,
    GetOpinionHistory['response']
  >,
  Same<
    Request<Spec, '/adrs/:adrId/opinions/mine', 'put'>,
    RecordOpinion['body']
  >,
  Same<
    Response<Spec, '/adrs/:adrId/opinions/mine', 'put'>,
    RecordOpinion['response']
  >,
  Same<QueryParameters<Spec, '/policies', 'get'>, ListPolicies['query']>,
  Same<Response<Spec, '/policies', 'get'>, ListPolicies['response']>,
  Same<QueryParameters<Spec, '/checks', 'get'>, GetEntityChecks['query']>,
  Same<Response<Spec, '/checks', 'get'>, GetEntityChecks['response']>,
] = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];

describe('the operation types', () => {
  it('agree with the spec (checked by the type checker)', () => {
    expect(agreement.every(Boolean)).toBe(true);
  });
});
