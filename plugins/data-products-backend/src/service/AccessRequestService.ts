import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AccessRequest,
  AccessRequestWithAudit,
  CreateAccessRequest,
  decidesOn,
  describeProblem,
  effectiveStatus,
  endDateProblem,
  legalBasisProblem,
  Page,
  ProcessingActivity,
} from '@datamesh-governance/plugin-data-products-common';
import {
  AccessRequestStore,
  PolicyCriteria,
  SYSTEM_ACTOR,
  Viewer,
} from '../database/AccessRequestStore';
import { ListFilter } from '../database/listQuery';
import { LegalBasisRegistries } from '../registers/LegalBasisRegistries';
import { RequestInputError } from '../schema/RequestInputError';
import { AccessRequestChange, AccessRequestChanges } from './changes';
import {
  DataProductCatalog,
  refFromInput,
  ResolvedPort,
} from './DataProductCatalog';

/** What a decider does to a request. */
export type Decision =
  | { action: 'approve'; reason?: string; endsAt?: string }
  | { action: 'reject'; reason: string }
  | { action: 'revoke'; reason: string };

/** Listeners' work left for later: each call tells of one change. */
export type DeferredEffects = Array<() => Promise<void>>;

/** A request loaded for a decision, with its port as the catalog says now. */
export type DecisionTarget = {
  request: AccessRequest;
  port: ResolvedPort;
};

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
      /** Told after each change commits (notifications, signals, lineage). */
      changes?: AccessRequestChanges;
    } = {},
  ) {}

  /**
   * Tells the listeners, then hands the request back. With `effects`, the
   * telling is left there for the caller to start once it has answered: a
   * caller deciding many requests tells of all of them at once, so that
   * listeners can share work between them (one catalog refresh per ref).
   */
  private async told(
    kind: AccessRequestChange['kind'],
    request: AccessRequest,
    actorRef: string,
    effects?: DeferredEffects,
  ): Promise<AccessRequest> {
    const tell = async () =>
      this.options.changes?.tell({ kind, request, actorRef });
    if (effects) effects.push(tell);
    else await tell();
    return request;
  }

  private now() {
    return this.options.clock?.() ?? new Date();
  }

  async create(
    body: CreateAccessRequest,
    requester: Viewer,
    idempotency?: { key: string; bodyHash: string },
    /** `assistant` when an AI assistant files it for the requester. */
    channel: AccessRequest['channel'] = 'portal',
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
    const endProblem = endDateProblem({
      endsAt,
      port,
      now,
      ceiling: this.options.maxDuration,
    });
    if (endProblem) {
      throw fieldError(endProblem.field, describeProblem(endProblem));
    }

    let activity: ProcessingActivity | undefined;
    if (body.legalBasis) {
      activity = await this.registries
        .get(body.legalBasis.registerId, body.legalBasis.activityId)
        .catch(error => {
          throw error instanceof NotFoundError
            ? fieldError('legalBasis', `legalBasis: ${error.message}`)
            : error;
        });
    }
    const basisProblem = legalBasisProblem({ port, activity, endsAt, now });
    if (basisProblem) {
      throw fieldError(basisProblem.field, describeProblem(basisProblem));
    }
    // The request keeps a copy of the activity as it was when asked for.
    const legalBasis = activity && {
      ...activity,
      capturedAt: now.toISOString(),
    };

    const approvalMode = port.access?.approval ?? 'required';
    const created = await this.store.create(
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
        channel,
      },
      {
        idempotency,
        autoApproveBy: approvalMode === 'auto' ? SYSTEM_ACTOR : undefined,
      },
    );
    if (!created.replayed) {
      await this.told('create', created.request, requester.userRef);
    }
    return created;
  }

  /**
   * Loads requests for deciding, each row once and each data product once.
   * A request the viewer may not see is a NotFoundError in its place.
   * Where the product's owners or the port's approvers changed since the
   * request was made, its recorded deciders are brought up to date first,
   * so that a new owner sees and decides it and a former owner no longer
   * does.
   */
  async loadForDecision(
    ids: string[],
    viewer: Viewer,
  ): Promise<Map<string, DecisionTarget | Error>> {
    const stored = await this.store.getManyWithDeciders(ids);
    const lookup = this.catalog.portLookup();
    const synced = new Set<string>();
    const targets = new Map<string, DecisionTarget | Error>();
    for (const id of ids) {
      const found = stored.get(id);
      try {
        if (!found) throw new NotFoundError(`No access request ${id}`);
        const { request, deciderRefs } = found;
        const port = await lookup(request.entityRef, request.outputPort);
        const key = `${request.entityRef}#${request.outputPort}`;
        if (!synced.has(key) && !sameSet(deciderRefs, port.deciders)) {
          await this.store.syncDeciders(
            request.entityRef,
            request.outputPort,
            port.deciders,
          );
        }
        synced.add(key);
        const sees =
          request.requesterRef === viewer.userRef ||
          viewer.claims.includes(request.subjectRef) ||
          decidesOn(viewer.claims, port.deciders);
        if (!sees) throw new NotFoundError(`No access request ${id}`);
        targets.set(id, { request: this.withCurrentStatus(request), port });
      } catch (error) {
        targets.set(id, error as Error);
      }
    }
    return targets;
  }

  /**
   * Approve, reject or revoke a loaded request. Never by its requester, nor
   * by its subject or a member of its subject group (separation of
   * duties); only by the current deciders. An approval checks again that
   * the legal basis still holds.
   */
  async decide(
    target: DecisionTarget,
    decision: Decision,
    decider: Viewer,
    /** Where to leave the listeners' work instead of doing it (bulk). */
    effects?: DeferredEffects,
  ) {
    const { request, port } = target;
    if (request.requesterRef === decider.userRef) {
      throw new NotAllowedError('You cannot decide on your own access request');
    }
    if (decider.claims.includes(request.subjectRef)) {
      throw new NotAllowedError(
        'You cannot decide on access for yourself or for a group you belong to',
      );
    }
    if (!decidesOn(decider.claims, port.deciders)) {
      throw new NotAllowedError(
        `Only the owners of ${request.entityRef} or the approvers of its port ${request.outputPort} can decide`,
      );
    }
    const now = this.now().getTime();
    if (decision.action === 'revoke') {
      const revoked = await this.store.transition({
        id: request.id,
        action: 'revoke',
        actorRef: decider.userRef,
        patch: {
          closed_by: decider.userRef,
          closed_at: now,
          closing_reason: decision.reason,
        },
      });
      return this.told('revoke', revoked, decider.userRef, effects);
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
    if (decision.action === 'approve' && request.status === 'pending') {
      await this.recheckLegalBasis(
        request,
        port,
        new Date(endsAt ?? request.endsAt),
      );
    }
    const decided = await this.store.transition({
      id: request.id,
      action: decision.action,
      actorRef: decider.userRef,
      patch: {
        decided_by: decider.userRef,
        decided_at: now,
        decision_reason: decision.reason ?? null,
        deciders_at_decision: JSON.stringify(port.deciders),
        ...(endsAt ? { ends_at: endsAt } : {}),
      },
    });
    return this.told(decision.action, decided, decider.userRef, effects);
  }

  /**
   * The activity may have been withdrawn or have expired since the request
   * was made: a ConflictError then. A register that is down throws its
   * ServiceUnavailableError, and nothing is decided.
   */
  private async recheckLegalBasis(
    request: AccessRequest,
    port: ResolvedPort,
    endsAt: Date,
  ) {
    if (!request.legalBasis) return;
    const { registerId, id } = request.legalBasis;
    const refused = (why: string) =>
      new ConflictError(
        `The legal basis no longer holds, so the request cannot be approved: ${why}`,
      );
    const activity = await this.registries.get(registerId, id).catch(error => {
      throw error instanceof NotFoundError || error instanceof InputError
        ? refused(error.message)
        : error;
    });
    const problem = legalBasisProblem({
      port: port.port,
      activity,
      endsAt,
      now: this.now(),
    });
    if (problem) throw refused(describeProblem(problem));
  }

  /** Only the requester cancels, and only while the request is pending. */
  async cancel(id: string, reason: string | undefined, requester: Viewer) {
    const request = await this.getVisible(id, requester);
    if (request.requesterRef !== requester.userRef) {
      throw new NotAllowedError('Only the requester can cancel a request');
    }
    const cancelled = await this.store.transition({
      id,
      action: 'cancel',
      actorRef: requester.userRef,
      patch: {
        closed_by: requester.userRef,
        closed_at: this.now().getTime(),
        closing_reason: reason ?? null,
      },
    });
    return this.told('cancel', cancelled, requester.userRef);
  }

  /** Sends a failed provisioning job back to the worker; the caller checked who may. */
  async retryProvisioning(id: string) {
    return this.store.retryProvisioning(id);
  }

  async get(id: string, viewer: Viewer): Promise<AccessRequestWithAudit> {
    const request = await this.getVisible(id, viewer);
    return { ...request, audit: await this.store.getAudit(id) };
  }

  async list(
    filter: ListFilter,
    viewer: Viewer,
    criteria?: PolicyCriteria,
  ): Promise<Page<AccessRequest>> {
    const page = await this.store.list(filter, viewer, criteria);
    return { ...page, items: page.items.map(r => this.withCurrentStatus(r)) };
  }

  /** Counts up to `cap`, e.g. the decisions waiting for the viewer. */
  async count(
    filter: Omit<ListFilter, 'limit' | 'cursor'>,
    viewer: Viewer,
    cap: number,
    criteria?: PolicyCriteria,
  ) {
    return this.store.count(filter, viewer, cap, criteria);
  }

  /** 404 unless the viewer asked for it, is its subject or decides on it. */
  private async getVisible(id: string, viewer: Viewer): Promise<AccessRequest> {
    const found = (await this.store.getManyWithDeciders([id])).get(id);
    const visible =
      found &&
      (found.request.requesterRef === viewer.userRef ||
        viewer.claims.includes(found.request.subjectRef) ||
        decidesOn(viewer.claims, found.deciderRefs));
    if (!found || !visible) {
      throw new NotFoundError(`No access request ${id}`);
    }
    return this.withCurrentStatus(found.request);
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
    const ref = refFromInput('subjectRef', subject, 'user');
    const kind = ref.split(':')[0];
    const type = { user: 'user', group: 'group', component: 'service' }[kind];
    if (!type) {
      throw fieldError(
        'subjectRef',
        `subjectRef must be a user, a group or a component, not a ${kind}`,
      );
    }
    if (allowed && !allowed.includes(type as any)) {
      throw fieldError(
        'subjectRef',
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
      throw fieldError(
        'subjectRef',
        `subjectRef: you can ask for access for yourself, your groups or the services you own; ${ref} is none of these`,
      );
    }
    return ref;
  }
}

function sameSet(a: string[], b: string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every(ref => left.has(ref));
}

/**
 * A 400 about one field of the request body: the whole sentence as the
 * message, and the same sentence, less the field's name, as its issue, so
 * that the form shows it under that field.
 */
function fieldError(field: string, message: string): RequestInputError {
  const hint = message.replace(new RegExp(`^${field}:? `), '');
  return new RequestInputError(message, [
    { path: `/body/${field}`, message: hint },
  ]);
}
