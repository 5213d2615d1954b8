// Generates N access requests with a realistic mix, deterministically per N.
// Plain objects, as seed.mjs takes them; times are epoch milliseconds.
//
// Besides the mix, floors make every measured list return full pages at the
// smallest size, so that sizes differ only in how many rows are NOT shown:
// the measured group always has at least 150 pending requests (the badge's
// page of 100 is full; 100 of them sit in three products for the bulk
// decision) and 26 of each other status (the inbox's page is 25); the
// measured consumer made at least 40 requests, 26 of them approved.
import { createHash } from 'node:crypto';
import { withLifecycle } from './lifecycle.mjs';
import {
  groupOfUser,
  MEASURED_CONSUMER,
  MEASURED_GROUP_PRODUCTS,
  MEASURED_OWNER,
  membersOf,
  PORTS,
  PRODUCT_COUNT,
  products,
  USER_COUNT,
  userRefs,
} from './org.mjs';

export const STATUS_MIX = {
  pending: 0.08,
  approved: 0.45,
  rejected: 0.12,
  cancelled: 0.05,
  expired: 0.25,
  revoked: 0.05,
};
const MEASURED_GROUP_FLOOR = { pending: 150, other: 26 };
const CONSUMER_FLOOR = { total: 40, approved: 26 };
/** Share of the measured group's requests per product: three busy ones, 27 quiet. */
const MEASURED_PRODUCT_WEIGHTS = [
  0.3,
  0.2,
  0.2,
  ...Array(MEASURED_GROUP_PRODUCTS - 3).fill(
    0.3 / (MEASURED_GROUP_PRODUCTS - 3),
  ),
];

function consumedProduct() {
  const ownGroup = groupOfUser(MEASURED_CONSUMER);
  return products.find(
    p => p.index >= MEASURED_GROUP_PRODUCTS && p.owner !== ownGroup,
  );
}

/** The products the measured calls and the bulk decision use. */
export const measuredProducts = {
  /** The Requests tab measured is this product's (the busiest). */
  owned: products[0].entityRef,
  /** The bulk decision approves pending requests of these three. */
  bulk: products.slice(0, 3).map(p => p.entityRef),
  /** The Access tab measured is this product's: the consumer has a grant, and it is another team's. */
  consumed: consumedProduct().entityRef,
};

/** mulberry32: small, fast, and the same numbers on every machine. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(text) {
  const hex = createHash('sha1').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(
    13,
    16,
  )}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const purposes = [
  'Monthly statistics on case processing times for the regional offices.',
  'Follow-up of decisions in the quality assurance programme; no re-identification.',
  'Input to the forecasting model for next year\u2019s budget, aggregated per county.',
  'Research project on long-term unemployment, approved by the data protection officer.',
  'Fraud analytics pilot under the control plan; access limited to the analysts named.',
];

/** The register the requests' legal bases point into (backend config). */
export const processingActivities = Array.from({ length: 20 }, (_, i) => ({
  id: `activity-${100 + i}`,
  number: `B${100 + i}`,
  name: `Processing activity B${100 + i}`,
  purposes: ['Statistics', 'Quality assurance'],
  art6Basis: 'ART61E',
  nationalLaw: 'Act on the labour and welfare administration \u00a7 4',
  status: 'COMPLETED',
  validFrom: '2020-01-01',
  link: `https://register.example/activities/${100 + i}`,
}));

function legalBasisAt(capturedAt, random) {
  const activity =
    processingActivities[Math.floor(random() * processingActivities.length)];
  return {
    registerId: 'demo',
    ...activity,
    capturedAt: new Date(capturedAt).toISOString(),
  };
}

/**
 * `size` requests, sorted by creation time (the order a real table fills
 * in). Deterministic for a given size and `now`.
 */
export function generateRequests(size, now = Date.now()) {
  const random = prng(size);
  const between = (from, to) => from + Math.floor(random() * (to - from));
  const pick = list => list[Math.floor(random() * list.length)];
  const statuses = Object.keys(STATUS_MIX);
  const drawStatus = () => {
    let r = random();
    for (const status of statuses) {
      r -= STATUS_MIX[status];
      if (r < 0) return status;
    }
    return statuses[statuses.length - 1];
  };
  const membersByGroup = new Map();
  const membersOfGroup = group => {
    if (!membersByGroup.has(group)) membersByGroup.set(group, membersOf(group));
    return membersByGroup.get(group);
  };
  const openKeys = new Set();
  const requests = [];

  /** One request with a history that fits its status. */
  function make({ status, product, port, requesterRef, avoid = [] }) {
    const outputPort = port ?? pick(PORTS);
    // Someone else when this person already has this access open.
    for (let attempt = 0; ; attempt++) {
      const requester = requesterRef ?? pick(userRefs);
      const subject = random() < 0.15 ? groupOfUser(requester) : requester;
      const key = [requester, subject, product.entityRef, outputPort].join('|');
      const open = status === 'pending' || status === 'approved';
      if (avoid.includes(requester) || (open && openKeys.has(key))) {
        if (attempt > 1000) throw new Error(`No free requester for ${key}`);
        continue;
      }
      if (open) openKeys.add(key);
      const request = withLifecycle(
        {
          id: uuidFrom(`${size}:${requests.length}`),
          entityRef: product.entityRef,
          outputPort,
          subjectRef: subject,
          requesterRef: requester,
          purpose: pick(purposes),
          approvalMode: 'required',
          status,
          deciders: product.deciders[outputPort],
        },
        { now, random, deciderOf: deciderOf(product) },
      );
      request.legalBasis =
        outputPort === 'records_v1'
          ? legalBasisAt(request.createdAt, random)
          : undefined;
      return request;
    }
  }

  /** Who of the owning group decides: never the requester. */
  const deciderOf = product => requesterRef =>
    pick(membersOfGroup(product.owner).filter(m => m !== requesterRef));

  // The measured group's products, with the floors.
  const share = MEASURED_GROUP_PRODUCTS / PRODUCT_COUNT;
  for (const status of statuses) {
    const floor =
      status === 'pending'
        ? MEASURED_GROUP_FLOOR.pending
        : MEASURED_GROUP_FLOOR.other;
    const count = Math.max(
      floor,
      Math.round(size * share * STATUS_MIX[status]),
    );
    for (let j = 0; j < count; j++) {
      // Spread by quantile, so each product gets exactly its share.
      let q = (j + 0.5) / count;
      let index = 0;
      while (q > MEASURED_PRODUCT_WEIGHTS[index])
        q -= MEASURED_PRODUCT_WEIGHTS[index++];
      requests.push(
        make({
          status,
          product: products[index],
          avoid: [MEASURED_OWNER, MEASURED_CONSUMER],
        }),
      );
    }
  }

  // The measured consumer's own requests, for other teams' products.
  const others = products.slice(MEASURED_GROUP_PRODUCTS);
  const consumerCount = Math.max(
    CONSUMER_FLOOR.total,
    Math.round(size / USER_COUNT),
  );
  for (let j = 0; j < consumerCount; j++) {
    requests.push(
      make({
        status: j < CONSUMER_FLOOR.approved ? 'approved' : drawStatus(),
        product: j === 0 ? consumedProduct() : pick(others),
        port: j === 0 ? 'records_v1' : undefined,
        requesterRef: MEASURED_CONSUMER,
      }),
    );
  }

  // Everyone else, for other teams' products.
  const rest = size - requests.length;
  if (rest < 0) {
    throw new Error(`--sizes must be at least ${requests.length}, got ${size}`);
  }
  for (let j = 0; j < rest; j++) {
    requests.push(
      make({
        status: drawStatus(),
        product: pick(others),
        avoid: [MEASURED_CONSUMER],
      }),
    );
  }
  return requests.sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Throws when generated data breaks a rule the plugin keeps, so that a
 * change to the generator cannot quietly measure impossible data.
 */
export function checkRequests(requests, now) {
  const ids = new Set();
  const open = new Set();
  for (const r of requests) {
    const problem = (() => {
      if (ids.has(r.id)) return 'duplicate id';
      ids.add(r.id);
      if (r.decidedBy && r.decidedBy === r.requesterRef) return 'self-decided';
      const isOpen = r.status === 'pending' || r.status === 'approved';
      if (isOpen && r.endsAt <= now) return 'open but past its end';
      if (r.status === 'expired' && r.endsAt > now) return 'expired early';
      const key = [r.requesterRef, r.subjectRef, r.entityRef, r.outputPort];
      if (isOpen && open.has(key.join('|'))) return 'second open request';
      if (isOpen) open.add(key.join('|'));
      const last = r.history[r.history.length - 1];
      if (last.toStatus !== r.status) return 'history ends elsewhere';
      if (r.updatedAt !== last.at || r.createdAt !== r.history[0].at)
        return 'times disagree with history';
      return undefined;
    })();
    if (problem) throw new Error(`Generated request ${r.id}: ${problem}`);
  }
}
