import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AccessRequest,
  AccessRequestWithAudit,
  CreateAccessRequest,
  effectiveStatus,
  holdsPersonalData,
  latestEndDate,
  ListAccessRequestsQuery,
  Page,
} from '@datamesh-governance/plugin-data-products-common';
import {
  AccessRequestStore,
  QueryFilter,
  SYSTEM_ACTOR,
  Viewer,
} from '../database/AccessRequestStore';
import { LegalBasisRegistries } from '../registers/LegalBasisRegistries';
import { DataProductCatalog, normalizeRef } from './DataProductCatalog';
import { validateLegalBasis } from './validateLegalBasis';

/** What a decider does to a request. */
export type Decision =
  | { action: 'approve'; reason?: string; endsAt?: string }
  | { action: 'reject'; reason: string }
  | { action: 'revoke'; reason: string };

/**
 * The rules of access requests, enforced here whatever the permission
 * policy says: the framework allows everything when it is disabled.
 */
export class AccessRequestService {
  constructor(
    private readonly store: AccessRequestStore,
    private readonly catalog: DataProductCatalog,
    private readonly registries: LegalBasisRegistries,
    private readonly options: {
      /** Ceiling on any grant, ISO 8601 duration (config). */
      maxDuration?: string;
      clock?: () => Date;
    } = {},
  ) {}

  private now() {
    return this.options.clock?.() ?? new Date();
  }

  async create(
    body: CreateAccessRequest,
    requester: Viewer,
    idempotency?: { key: string; bodyHash: string },
  ): Promise<{ request: AccessRequest; replayed: boolean }> {
    const now = this.now();
    const { entityRef, port, deciders } = await this.catalog.getPort(
      body.entityRef,
      body.outputPort,
    );
    const subjectRef = await this.checkSubject(
      body.subjectRef ?? requester.userRef,
      requester,
      port.access?.subjectTypes,
    );

    const endsAt = new Date(body.endsAt);
    if (endsAt <= now) {
      throw new InputError('endsAt must be in the future');
    }
    const latest = latestEndDate({
      from: now,
      maxDuration: port.access?.maxDuration,
      ceiling: this.options.maxDuration,
    });
    if (latest && endsAt > latest) {
      throw new InputError(
        `endsAt is after ${latest.toISOString()}: access to ${
          port.name
        } lasts at most ${
          port.access?.maxDuration ?? this.options.maxDuration
        }`,
      );
    }

    const legalBasisRequired =
      port.access?.legalBasisRequired ?? holdsPersonalData(port);
    let legalBasis;
    if (body.legalBasis) {
      const activity = await this.registries
        .get(body.legalBasis.registerId, body.legalBasis.activityId)
        .catch(error => {
          throw error instanceof NotFoundError
            ? new InputError(`legalBasis: ${error.message}`)
            : error;
        });
      legalBasis = validateLegalBasis({ activity, port, endsAt, now });
    } else if (legalBasisRequired) {
      throw new InputError(
        `legalBasis is required: the port ${port.name} holds personal data; pick the processing activity you will use it under`,
      );
    }

    const approvalMode = port.access?.approval ?? 'required';
    return this.store.create(
      {
        entityRef,
        outputPort: port.name,
        subjectRef,
        requesterRef: requester.userRef,
        purpose: body.purpose,
        legalBasis,
        approvalMode,
        endsAt: endsAt.toISOString(),
        deciders,
      },
      {
        idempotency,
        autoApproveBy: approvalMode === 'auto' ? SYSTEM_ACTOR : undefined,
      },
    );
  }

  /** Approve, reject or revoke. Never by the requester; only by current deciders. */
  async decide(id: string, decision: Decision, decider: Viewer) {
    const request = await this.getVisible(id, decider);
    if (request.requesterRef === decider.userRef) {
      throw new NotAllowedError('You cannot decide on your own access request');
    }
    const { deciders } = await this.catalog.getPort(
      request.entityRef,
      request.outputPort,
    );
    if (!deciders.some(ref => decider.claims.includes(ref))) {
      throw new NotAllowedError(
        `Only the owners of ${request.entityRef} or the approvers of its port ${request.outputPort} can decide`,
      );
    }
    const now = this.now().getTime();
    if (decision.action === 'revoke') {
      return this.store.transition({
        id,
        action: 'revoke',
        actorRef: decider.userRef,
        patch: {
          closed_by: decider.userRef,
          closed_at: now,
          closing_reason: decision.reason,
        },
      });
    }
    let endsAt: number | undefined;
    if (decision.action === 'approve' && decision.endsAt) {
      endsAt = new Date(decision.endsAt).getTime();
      if (endsAt > new Date(request.endsAt).getTime() || endsAt <= now) {
        throw new InputError(
          `endsAt may only shorten the request: pick a time after now and no later than ${request.endsAt}`,
        );
      }
    }
    return this.store.transition({
      id,
      action: decision.action,
      actorRef: decider.userRef,
      patch: {
        decided_by: decider.userRef,
        decided_at: now,
        decision_reason: decision.reason ?? null,
        deciders_at_decision: JSON.stringify(deciders),
        ...(endsAt ? { ends_at: endsAt } : {}),
      },
    });
  }

  /** Only the requester cancels, and only while the request is pending. */
  async cancel(id: string, reason: string | undefined, requester: Viewer) {
    const request = await this.getVisible(id, requester);
    if (request.requesterRef !== requester.userRef) {
      throw new NotAllowedError('Only the requester can cancel a request');
    }
    return this.store.transition({
      id,
      action: 'cancel',
      actorRef: requester.userRef,
      patch: {
        closed_by: requester.userRef,
        closed_at: this.now().getTime(),
        closing_reason: reason ?? null,
      },
    });
  }

  async get(id: string, viewer: Viewer): Promise<AccessRequestWithAudit> {
    const request = await this.getVisible(id, viewer);
    return { ...request, audit: await this.store.getAudit(id) };
  }

  async list(
    query: ListAccessRequestsQuery,
    viewer: Viewer,
    filter?: QueryFilter,
  ): Promise<Page<AccessRequest>> {
    const page = await this.store.list(query, viewer, filter);
    return { ...page, items: page.items.map(r => this.withCurrentStatus(r)) };
  }

  /** 404 unless the viewer asked for it, is its subject or decides on it. */
  private async getVisible(id: string, viewer: Viewer): Promise<AccessRequest> {
    const request = await this.store.get(id);
    const visible =
      request &&
      (request.requesterRef === viewer.userRef ||
        viewer.claims.includes(request.subjectRef) ||
        (await this.store.isDecider(id, viewer.claims)));
    if (!request || !visible) {
      throw new NotFoundError(`No access request ${id}`);
    }
    return this.withCurrentStatus(request);
  }

  private withCurrentStatus(request: AccessRequest): AccessRequest {
    return { ...request, status: effectiveStatus(request, this.now()) };
  }

  /** The subject is the requester, one of their groups, or a component they own. */
  private async checkSubject(
    subject: string,
    requester: Viewer,
    allowed: string[] | undefined,
  ): Promise<string> {
    const ref = normalizeRef(subject, 'user');
    const kind = ref.split(':')[0];
    const type = { user: 'user', group: 'group', component: 'service' }[kind];
    if (!type) {
      throw new InputError(
        `subjectRef must be a user, a group or a component, not a ${kind}`,
      );
    }
    if (allowed && !allowed.includes(type as any)) {
      throw new InputError(
        `subjectRef: this port grants access to ${allowed.join(
          ', ',
        )} subjects, not to a ${type}`,
      );
    }
    const mine =
      kind === 'component'
        ? (await this.catalog.ownersOf(ref)).some(o =>
            requester.claims.includes(o),
          )
        : requester.claims.includes(ref);
    if (!mine) {
      throw new InputError(
        `subjectRef: you can ask for access for yourself, your groups or the services you own; ${ref} is none of these`,
      );
    }
    return ref;
  }
}
