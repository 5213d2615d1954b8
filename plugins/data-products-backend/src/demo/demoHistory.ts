import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type {
  LegalBasisSnapshot,
  ProcessingActivity,
} from '@datamesh-governance/plugin-data-products-common';
import { Knex } from 'knex';
import { PastEvents } from '../database/PastEvents';
import { LegalBasisRegistries } from '../registers/LegalBasisRegistries';

/** Every purpose of the demo history starts with this, so it is never taken for real. */
export const DEMO_PURPOSE_PREFIX = 'Demo history:';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** How far back the history reaches. */
const MONTHS_BACK = 5;
/** The newest requests for owners' ports, still waiting for a decision. */
const WAITING = 8;

/** A demo product's port and who decides it; `auto` ports grant at once. */
type DemoPort = {
  entityRef: string;
  port: string;
  owner: string;
  decider?: string;
  /** The number of the processing activity in the demo register. */
  activity?: string;
  /** Typical hours an owner takes to decide. */
  hours?: number;
  auto?: boolean;
};

/** The demo products' ports (examples/data-products.yaml) and who decides them. */
const PORTS: DemoPort[] = [
  {
    entityRef: 'dataproduct:default/benefit-decisions',
    port: 'decisions_v1',
    owner: 'group:default/team-benefits',
    decider: 'user:default/olav.owner',
    activity: 'B123',
    hours: 20,
  },
  {
    entityRef: 'dataproduct:default/benefit-payments',
    port: 'payments_v1',
    owner: 'group:default/team-benefits',
    decider: 'user:default/olav.owner',
    activity: 'B140',
    hours: 30,
  },
  {
    entityRef: 'dataproduct:default/jobseeker-profiles',
    port: 'profiles_v2',
    owner: 'group:default/team-employment',
    decider: 'user:default/emma.employment',
    activity: 'B123',
    hours: 8,
  },
  {
    entityRef: 'dataproduct:default/activity-plans',
    port: 'plans_v1',
    owner: 'group:default/team-follow-up',
    decider: 'user:default/frida.followup',
    activity: 'B123',
    hours: 48,
  },
  {
    entityRef: 'dataproduct:default/sick-leave-cases',
    port: 'cases_v1',
    owner: 'group:default/team-follow-up',
    decider: 'user:default/frida.followup',
    activity: 'B230',
    hours: 90,
  },
  {
    entityRef: 'dataproduct:default/benefit-decisions',
    port: 'decision_counts_v1',
    owner: 'group:default/team-benefits',
    auto: true,
  },
  {
    entityRef: 'dataproduct:default/vacancies',
    port: 'vacancies_v1',
    owner: 'group:default/team-employment',
    auto: true,
  },
  {
    entityRef: 'dataproduct:default/labour-market-statistics',
    port: 'monthly_v1',
    owner: 'group:default/team-analytics',
    auto: true,
  },
];

/** Requester and subject pairs of the demo organisation's consumers. */
const CONSUMERS = [
  ['user:default/ada.analyst', 'user:default/ada.analyst'],
  ['user:default/bo.business', 'user:default/bo.business'],
  ['user:default/emma.employment', 'user:default/emma.employment'],
  ['user:default/ada.analyst', 'group:default/team-analytics'],
  ['user:default/frida.followup', 'user:default/frida.followup'],
  ['user:default/bo.business', 'group:default/team-analytics'],
] as const;
/**
 * Grants still running today go to people outside the demo organisation,
 * so that the demo users' own requests (and the browser journeys) never
 * meet an open request of the history for the same port.
 */
const STILL_RUNNING = [
  'user:default/demo-history.analyst',
  'user:default/demo-history.researcher',
  'user:default/demo-history.statistician',
];

const PURPOSES = [
  'Yearly statistics on decisions for the management report',
  'Evaluating the effect of follow-up measures',
  'Quality control of case handling',
  'Research on long-term unemployment',
  'Dashboard of regional trends',
];

type Step = { at: number; run: () => Promise<unknown> };

/**
 * Months of plausible access-request history for the demo products, so
 * that the Insights charts and the Art. 30 report have something to show:
 * requests, owners' approvals and rejections after hours or days,
 * cancellations, expiries, revocations and provisioning, each at its past
 * time, written through the store and the outbox the plugin uses. Only
 * into an empty requests table, only where `dataProducts.demo.history` is
 * set (app-config.yaml; never in production), and every purpose starts
 * with "Demo history:".
 */
export async function writeDemoHistory(options: {
  db: Knex;
  registries: LegalBasisRegistries;
  logger: LoggerService;
  now?: number;
}): Promise<number> {
  const { db, registries, logger } = options;
  if (await db('access_requests').first('id')) {
    logger.info('Demo history: access requests exist already; none written');
    return 0;
  }
  const now = options.now ?? Date.now();
  const activities = await findActivities(registries);
  const past = new PastEvents(db);
  const random = mulberry32(0x5eed);
  const steps: Step[] = [];
  const written = { requests: 0 };
  const start = now - MONTHS_BACK * 30 * DAY;
  const count = 80;

  for (let i = 0; i < count; i += 1) {
    const port = PORTS[i % PORTS.length];
    const createdAt =
      start +
      Math.floor(((now - 3 * DAY - start) * i) / count) +
      random() * 12 * HOUR;
    const outcome = random();
    const approveAfter = port.auto
      ? 0
      : Math.round((0.5 + random() * 2) * (port.hours ?? 12) * HOUR);
    const decided = createdAt + approveAfter;
    const lasts = (20 + Math.floor(random() * 70)) * DAY;
    let endsAt = decided + lasts;
    // The last few for an owner still wait today: the queue has an age.
    const waiting = !port.auto && i >= count - WAITING;
    const approve = !waiting && (port.auto || outcome < 0.65);
    const reject = !waiting && !port.auto && outcome >= 0.65 && outcome < 0.8;
    const cancel = !waiting && !port.auto && outcome >= 0.8 && outcome < 0.9;
    if (waiting) endsAt = now + 60 * DAY;
    // The rest wait until their end and expire unanswered.
    else if (!approve && !reject && !cancel) endsAt = createdAt + 5 * DAY;
    // Owners revoke now and then; nobody revokes an automatic grant here.
    const revokeAt =
      approve && random() < 0.1 && !port.auto
        ? decided + lasts * 0.4
        : undefined;
    const cancelAt = createdAt + approveAfter / 2;
    let closedAt = revokeAt ?? endsAt;
    if (reject) closedAt = decided;
    if (cancel) closedAt = cancelAt;
    // Still open today: someone outside the demo organisation asked.
    const decider = port.decider;
    // Nobody decides their own request (nor one for themselves).
    const consumers = CONSUMERS.filter(
      ([who, forWhom]) => who !== decider && forWhom !== decider,
    );
    const [requester, subject] =
      closedAt >= now
        ? [
            STILL_RUNNING[i % STILL_RUNNING.length],
            STILL_RUNNING[i % STILL_RUNNING.length],
          ]
        : consumers[Math.floor(i / PORTS.length + i) % consumers.length];
    const activity = port.activity ? activities.get(port.activity) : undefined;
    if (port.activity && !activity) continue;
    let id: string | undefined;

    steps.push({
      at: createdAt,
      run: async () => {
        const request = await past
          .at(createdAt)
          .create(
            {
              entityRef: port.entityRef,
              outputPort: port.port,
              subjectRef: subject,
              requesterRef: requester,
              purpose: `${DEMO_PURPOSE_PREFIX} ${
                PURPOSES[i % PURPOSES.length]
              }`,
              legalBasis: activity && snapshot(activity, createdAt),
              approvalMode: port.auto ? 'auto' : 'required',
              endsAt: new Date(endsAt).toISOString(),
              deciders: [port.owner],
            },
            { automatic: port.auto },
          )
          .catch(skipConflict);
        id = request?.id;
        if (request) written.requests += 1;
      },
    });
    if (!port.auto && decider && (approve || reject)) {
      steps.push({
        at: decided,
        run: async () =>
          id &&
          past
            .at(decided)
            .decide(
              id,
              approve ? 'approve' : 'reject',
              decider,
              reject
                ? 'The purpose is answered by the aggregated port'
                : undefined,
            ),
      });
    }
    if (cancel) {
      steps.push({
        at: cancelAt,
        run: async () => id && past.at(cancelAt).close(id, 'cancel', requester),
      });
    }
    if (revokeAt && decider) {
      steps.push({
        at: revokeAt,
        run: async () =>
          id &&
          past
            .at(revokeAt)
            .close(id, 'revoke', decider, 'The project ended early'),
      });
    }
    if (approve) {
      // The worker applies the grant (and later the revoke) minutes after.
      const applied = decided + (1 + random() * 40) * MINUTE;
      steps.push({ at: applied, run: () => past.at(applied).applyDue() });
      if (revokeAt) {
        const taken = revokeAt + 5 * MINUTE;
        steps.push({ at: taken, run: () => past.at(taken).applyDue() });
      }
    }
    if (endsAt < now) {
      // The sweeper, an hour after the end; then the worker takes access back.
      const swept = endsAt + HOUR;
      steps.push({ at: swept, run: () => past.at(swept).expireDue() });
      steps.push({
        at: swept + 5 * MINUTE,
        run: () => past.at(swept + 5 * MINUTE).applyDue(),
      });
    }
  }

  for (const step of steps
    .filter(s => s.at < now)
    .sort((a, b) => a.at - b.at)) {
    await step.run();
  }
  logger.info(
    `Demo history: wrote ${written.requests} access requests of the last ${MONTHS_BACK} months for the demo products (dataProducts.demo.history is on; purposes start with "${DEMO_PURPOSE_PREFIX}")`,
  );
  return written.requests;
}

async function findActivities(registries: LegalBasisRegistries) {
  const found = new Map<string, ProcessingActivity>();
  for (const number of ['B123', 'B140', 'B230']) {
    const [activity] = (await registries.search(number)).filter(
      a => a.number === number,
    );
    if (activity) found.set(number, activity);
  }
  return found;
}

function snapshot(
  activity: ProcessingActivity,
  at: number,
): LegalBasisSnapshot {
  return { ...activity, capturedAt: new Date(at).toISOString() };
}

/** Two history requests for the same open access: the later one is left out. */
function skipConflict(error: unknown) {
  if (error instanceof ConflictError) return undefined;
  throw error;
}

/** A small seeded random generator: the same history on every start. */
function mulberry32(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
