import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import type {
  AccessRequest,
  OutputPort,
} from '@datamesh-governance/plugin-data-products-common';
import type {
  AccessGrant,
  AccessProvisioner,
} from '@datamesh-governance/plugin-data-products-node';
import { randomUUID } from 'crypto';
import {
  AccessRequestStore,
  SYSTEM_ACTOR,
} from '../database/AccessRequestStore';
import { AccessRequestChanges } from '../service/changes';
import { manualInstructions } from './instructions';
import { JobOutcome, ProvisioningJobs } from './ProvisioningJobs';
import { JobRow } from './outbox';

/** Where the worker finds a request's port: the catalog, as the plugin itself. */
export type PortSource = {
  getPort(entityRef: string, portName: string): Promise<{ port: OutputPort }>;
};

export type ProvisioningWorkerOptions = {
  store: AccessRequestStore;
  jobs: ProvisioningJobs;
  catalog: PortSource;
  provisioners: AccessProvisioner[];
  logger: LoggerService;
  auditor?: AuditorService;
  changes?: AccessRequestChanges;
  clock?: () => number;
  /** Tells replicas apart in locked_by. */
  workerId?: string;
  /** After this many failed attempts a job is `failed` until an owner retries it. */
  maxAttempts?: number;
  /** The first retry's delay; each further one doubles, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a claimed job is this worker's; longer than a provisioner call may take. */
  leaseMs?: number;
  /** A provisioner call that takes longer has failed (it must stay under the lease). */
  callTimeoutMs?: number;
  /** The most jobs one run works, so that a run ends well within its timeout. */
  maxJobsPerRun?: number;
};

/** Counts of one run, for logs and tests. */
export type RunSummary = {
  applied: number;
  manual: number;
  retrying: number;
  failed: number;
  superseded: number;
};

const MAX_ERROR_LENGTH = 1000;

/**
 * Works off the provisioning outbox: claims due jobs, applies each through
 * the provisioner for its port's server type, and records the outcome with
 * retries and exponential backoff. The port's server block comes from the
 * DataProduct entity, which its team writes: it is handed to the
 * provisioner as data and never read as configuration.
 */
export class ProvisioningWorker {
  private readonly byType = new Map<string, AccessProvisioner>();
  private readonly workerId: string;
  private readonly clock: () => number;

  constructor(private readonly options: ProvisioningWorkerOptions) {
    for (const provisioner of options.provisioners) {
      for (const type of provisioner.serverTypes) {
        if (this.byType.has(type)) {
          throw new Error(
            `Two access provisioners handle server type "${type}"`,
          );
        }
        this.byType.set(type, provisioner);
      }
    }
    this.workerId = options.workerId ?? randomUUID();
    this.clock = options.clock ?? Date.now;
  }

  /** Works the due jobs, one at a time, until none is left or the run's share is done. */
  async runOnce(): Promise<RunSummary> {
    const summary: RunSummary = {
      applied: 0,
      manual: 0,
      retrying: 0,
      failed: 0,
      superseded: 0,
    };
    const max = this.options.maxJobsPerRun ?? 200;
    let worked = 0;
    while (worked < max) {
      const due = await this.options.jobs.due(this.clock(), 20);
      let claimedAny = false;
      for (const id of due) {
        if (worked >= max) break;
        const now = this.clock();
        const job = await this.options.jobs.claim(
          id,
          this.workerId,
          now,
          now + (this.options.leaseMs ?? 120_000),
        );
        if (!job) continue; // another replica has it
        claimedAny = true;
        worked += 1;
        const status = await this.work(job);
        if (status === 'applied') summary.applied += 1;
        else if (status === 'manual') summary.manual += 1;
        else if (status === 'pending') summary.retrying += 1;
        else if (status === 'failed') summary.failed += 1;
        else if (status === 'superseded') summary.superseded += 1;
      }
      if (!claimedAny) break;
    }
    return summary;
  }

  /** One claimed job, start to end; never throws. */
  private async work(job: JobRow): Promise<JobOutcome['status'] | 'lost'> {
    const request = await this.options.store.get(job.request_id);
    if (!request) return 'lost';
    let outcome: JobOutcome;
    try {
      outcome = await this.apply(job, request);
    } catch (error) {
      outcome = this.afterFailure(job, error, null);
    }
    const now = this.clock();
    const recorded = await this.options.jobs.finish(
      job,
      this.workerId,
      outcome,
      now,
      request.status,
    );
    if (!recorded) {
      this.options.logger.warn(
        `Provisioning job ${job.id} ran past its lease; another worker took it over`,
      );
      return 'lost';
    }
    await this.report(job, request, outcome);
    return outcome.status;
  }

  private async apply(
    job: JobRow,
    request: AccessRequest,
  ): Promise<JobOutcome> {
    const granting = job.operation === 'grant';
    if (
      granting &&
      (request.status !== 'approved' ||
        new Date(request.endsAt).getTime() <= this.clock())
    ) {
      // Access ended before it was applied: its revoke follows.
      return { status: 'superseded' };
    }
    if (!granting) {
      const holder = await this.options.store.otherGrantInForce(request);
      if (holder) {
        // Access is per subject and port: taking it back would end the other grant too.
        this.options.logger.info(
          `Access of ${request.subjectRef} to ${request.entityRef} port ${request.outputPort} stays: request ${holder} still grants it`,
        );
        return { status: 'superseded' };
      }
    }
    const server = await this.serverOf(job, request);
    if (!server || typeof server.type !== 'string') {
      return {
        status: 'manual',
        serverType: null,
        instructions: manualInstructions(job.operation, request, server),
      };
    }
    const provisioner = this.byType.get(server.type);
    if (!provisioner) {
      return {
        status: 'manual',
        serverType: server.type,
        instructions: manualInstructions(job.operation, request, server),
      };
    }
    const grant: AccessGrant = {
      id: request.id,
      entityRef: request.entityRef,
      outputPort: request.outputPort,
      subjectRef: request.subjectRef,
      endsAt: request.endsAt,
      server: server as AccessGrant['server'],
    };
    try {
      await this.withTimeout(
        granting ? provisioner.grant(grant) : provisioner.revoke(grant),
      );
    } catch (error) {
      return this.afterFailure(job, error, server.type);
    }
    return {
      status: 'applied',
      serverType: server.type,
      server: JSON.stringify(server),
    };
  }

  /**
   * The port's server block as the catalog says now. A revoke of a port
   * that is gone from the catalog goes where its grant went.
   */
  private async serverOf(
    job: JobRow,
    request: AccessRequest,
  ): Promise<Record<string, unknown> | undefined> {
    try {
      const { port } = await this.options.catalog.getPort(
        request.entityRef,
        request.outputPort,
      );
      return port.server;
    } catch (error) {
      const gone =
        error instanceof NotFoundError || error instanceof InputError;
      if (!gone || job.operation === 'grant') throw error;
      return this.options.jobs.lastGrantedServer(request.id);
    }
  }

  /** Another attempt after a pause that doubles each time, or `failed` when they are used up. */
  private afterFailure(
    job: JobRow,
    error: unknown,
    serverType: string | null,
  ): JobOutcome {
    const message = describe(error);
    const attempts = Number(job.attempts);
    if (attempts >= (this.options.maxAttempts ?? 8)) {
      return { status: 'failed', error: message, serverType };
    }
    const base = this.options.baseDelayMs ?? 10_000;
    const delay = Math.min(
      base * 2 ** (attempts - 1),
      this.options.maxDelayMs ?? 3_600_000,
    );
    return {
      status: 'pending',
      error: message,
      serverType,
      nextAttemptAt: this.clock() + delay,
    };
  }

  private async withTimeout(call: Promise<void>): Promise<void> {
    const ms = this.options.callTimeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`The provisioner did not answer in ${ms} ms`)),
        ms,
      );
    });
    try {
      await Promise.race([call, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Auditor events, logs and listeners, after the outcome is committed. */
  private async report(
    job: JobRow,
    request: AccessRequest,
    outcome: JobOutcome,
  ) {
    const { auditor, changes, logger } = this.options;
    const meta = {
      requestId: request.id,
      jobId: String(job.id),
      operation: job.operation,
      attempts: String(job.attempts),
    };
    const updated = (await this.options.store.get(request.id)) ?? request;
    if (outcome.status === 'applied') {
      const event = await auditor?.createEvent({
        eventId:
          job.operation === 'grant'
            ? 'access-request-provision'
            : 'access-request-unprovision',
        severityLevel: 'medium',
        meta: { ...meta, serverType: outcome.serverType },
      });
      await event?.success();
      await changes?.tell({
        kind: 'provisioned',
        request: updated,
        actorRef: SYSTEM_ACTOR,
      });
    } else if (outcome.status === 'failed') {
      const event = await auditor?.createEvent({
        eventId: 'access-request-provision-fail',
        severityLevel: 'medium',
        meta,
      });
      await event?.fail({ error: new Error(outcome.error) });
      logger.error(
        `Provisioning job ${job.id} (${job.operation} of request ${request.id}) failed for good: ${outcome.error}`,
      );
      await changes?.tell({
        kind: 'provisioning-failed',
        request: updated,
        actorRef: SYSTEM_ACTOR,
        error: outcome.error,
      });
    } else if (outcome.status === 'pending') {
      logger.warn(
        `Provisioning job ${job.id} (${job.operation} of request ${request.id}) failed, retrying: ${outcome.error}`,
      );
    } else if (outcome.status === 'manual') {
      logger.info(
        `No provisioner for request ${request.id}'s port; it is to be applied by hand`,
      );
    }
  }
}

function describe(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_LENGTH
    ? `${text.slice(0, MAX_ERROR_LENGTH)}…`
    : text;
}
