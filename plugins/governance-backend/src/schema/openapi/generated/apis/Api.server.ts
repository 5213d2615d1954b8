// The request and response types of each operation in src/schema/openapi.yaml,
// in the shape `backstage-repo-tools package schema openapi generate --server`
// gives them, with the contract types of governance-common as models.
// src/schema/openapi.test.ts checks that they agree with the spec.
import {
  AdrIndex,
  AdrWithContent,
  EntityCheck,
  FieldIssue,
  Opinion,
  OpinionInput,
  OpinionRevision,
  OpinionSummary,
  PolicyCompliance,
} from '@datamesh-governance/plugin-governance-common';

/** The body of every error answer. */
export type ErrorPayload = {
  error: { name: string; message: string; issues?: FieldIssue[] };
  request?: { method: string; url: string };
  response: { statusCode: number };
};

type AdrPath = { adrId: string };

export type ListAdrs = { response: AdrIndex | ErrorPayload };
export type GetAdr = { path: AdrPath; response: AdrWithContent | ErrorPayload };
export type GetOpinions = {
  path: AdrPath;
  response: OpinionSummary | ErrorPayload;
};
export type GetOpinionHistory = {
  path: AdrPath;
  response: { items: OpinionRevision[] } | ErrorPayload;
};
export type RecordOpinion = {
  path: AdrPath;
  body: OpinionInput;
  response: Opinion | ErrorPayload;
};
export type ListPolicies = {
  query: { adrId?: string };
  response: { items: PolicyCompliance[] } | ErrorPayload;
};
export type GetEntityChecks = {
  query: { entityRef: string };
  response: { items: EntityCheck[] } | ErrorPayload;
};

export type EndpointMap = {
  '#get|/adrs': ListAdrs;
  '#get|/adrs/{adrId}': GetAdr;
  '#get|/adrs/{adrId}/opinions': GetOpinions;
  '#get|/adrs/{adrId}/opinions/history': GetOpinionHistory;
  '#put|/adrs/{adrId}/opinions/mine': RecordOpinion;
  '#get|/policies': ListPolicies;
  '#get|/checks': GetEntityChecks;
};
