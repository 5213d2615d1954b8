// The organisation the benchmark's catalog holds: 303 data products, 40
// groups and 2,000 users. One group (team-00) owns 30 products and is the
// measured owner's; the privacy office also approves the personal-data port
// of every third product, as in an agency where a DPO signs off.

export const GROUP_COUNT = 40;
export const USER_COUNT = 2000;
export const PRODUCT_COUNT = 303;
/** Products owned by the measured group: about a tenth of all. */
export const MEASURED_GROUP_PRODUCTS = 30;

const pad = (n, width) => String(n).padStart(width, '0');
const teamCount = GROUP_COUNT - 1; // the last group is the privacy office
const teamName = i => `team-${pad(i, 2)}`;
const productName = i => `product-${pad(i, 3)}`;
const userName = i => `user-${pad(i, 4)}`;

export const PRIVACY_OFFICE = 'group:default/privacy-office';
export const MEASURED_GROUP = `group:default/${teamName(0)}`;
/** The person whose approver queue is measured, a member of MEASURED_GROUP. */
export const MEASURED_OWNER = `user:default/${userName(0)}`;
/** The person whose own requests and grants are measured (team-01). */
export const MEASURED_CONSUMER = `user:default/${userName(1)}`;

export const userRefs = Array.from(
  { length: USER_COUNT },
  (_, i) => `user:default/${userName(i)}`,
);
const userIndex = new Map(userRefs.map((ref, i) => [ref, i]));

/** The group a user belongs to: users are spread evenly over all groups. */
export function groupOf(userIndex) {
  const g = userIndex % GROUP_COUNT;
  return g === teamCount ? PRIVACY_OFFICE : `group:default/${teamName(g)}`;
}

/** The group of a user ref. */
export function groupOfUser(userRef) {
  return groupOf(userIndex.get(userRef));
}

/** ownershipEntityRefs as Backstage's userInfo would give them. */
export function membershipsOf(userRef) {
  const index = userIndex.get(userRef);
  return index === undefined ? [userRef] : [userRef, groupOf(index)];
}

/** Members of a group, in user order. */
export function membersOf(groupRef) {
  return userRefs.filter((_, i) => groupOf(i) === groupRef);
}

/** The first 30 products belong to the measured group, the rest to the other teams. */
function ownerIndexOf(productIndex) {
  return productIndex < MEASURED_GROUP_PRODUCTS
    ? 0
    : 1 + ((productIndex - MEASURED_GROUP_PRODUCTS) % (teamCount - 1));
}

/** Each product has a personal-data port and an aggregate port. */
export const PORTS = ['records_v1', 'statistics_v1'];

/** Everything the request generator needs to know about one product. */
export const products = Array.from({ length: PRODUCT_COUNT }, (_, i) => {
  const owner = `group:default/${teamName(ownerIndexOf(i))}`;
  const privacyApproves = i % 3 === 0;
  return {
    index: i,
    name: productName(i),
    entityRef: `dataproduct:default/${productName(i)}`,
    owner,
    deciders: {
      records_v1: privacyApproves ? [owner, PRIVACY_OFFICE] : [owner],
      statistics_v1: [owner],
    },
  };
});

const managed = {
  'backstage.io/managed-by-location': 'url:https://bench.example/org.yaml',
  'backstage.io/managed-by-origin-location':
    'url:https://bench.example/org.yaml',
};

function dataProductEntity(product) {
  return {
    apiVersion: 'datamesh/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: product.name,
      title: `Product ${product.index}`,
      description: 'A data product of the benchmark organisation.',
      annotations: managed,
    },
    spec: {
      type: 'source-aligned',
      lifecycle: 'active',
      owner: product.owner.replace('group:default/', 'group:'),
      outputPorts: [
        {
          name: 'records_v1',
          type: 'table',
          version: '1.0.0',
          server: { type: 'postgres', host: 'db.example', schema: 'records' },
          classification: 'personal',
          personalData: { directIdentifiers: true, specialCategories: false },
          access: {
            approval: 'required',
            maxDuration: 'P365D',
            subjectTypes: ['user', 'group'],
            ...(product.deciders.records_v1.includes(PRIVACY_OFFICE)
              ? { approvers: [PRIVACY_OFFICE] }
              : {}),
          },
        },
        {
          name: 'statistics_v1',
          type: 'table',
          version: '1.0.0',
          server: { type: 'postgres', host: 'db.example', schema: 'stats' },
          classification: 'internal',
          access: { approval: 'required', maxDuration: 'P365D' },
        },
      ],
    },
  };
}

/** Every entity of the organisation, as a catalog entity provider emits them. */
export function catalogEntities() {
  const groups = Array.from({ length: GROUP_COUNT }, (_, g) => {
    const ref =
      g === teamCount ? PRIVACY_OFFICE : `group:default/${teamName(g)}`;
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: ref.split('/')[1], annotations: managed },
      spec: { type: 'team', children: [] },
    };
  });
  const users = userRefs.map((ref, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: ref.split('/')[1], annotations: managed },
    spec: { memberOf: [groupOf(i).replace('group:default/', '')] },
  }));
  return [...groups, ...users, ...products.map(dataProductEntity)];
}
