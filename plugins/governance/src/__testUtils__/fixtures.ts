import {
  Adr,
  AdrIndex,
  AdrWithContent,
  emptyOpinionCounts,
  EntityCheck,
  Opinion,
  OpinionSummary,
  PolicyCompliance,
} from '@datamesh-governance/plugin-governance-common';

const folder = 'https://github.com/acme/forum/blob/main/decisions/';

function adr(
  fileName: string,
  fields: Partial<Adr> & Pick<Adr, 'title' | 'status'>,
): Adr {
  return {
    id: `decisions--${fileName.replace(/\.md$/, '')}`,
    sourceId: 'decisions',
    trust: 'forum',
    deciders: ['Data forum'],
    policies: [],
    format: 'madr-v3',
    fileName,
    url: `${folder}${fileName}`,
    ...fields,
  };
}

export const legalBasisAdr = adr('0002-legal-basis.md', {
  title: 'Consumers document the legal basis',
  status: 'accepted',
  date: '2024-03-01',
  deciders: ['Legal', 'Platform'],
  policies: [{ id: 'personal-data-legal-basis' }],
});

export const maxDurationAdr = adr('0005-max-180-days.md', {
  title: 'Access to personal data lasts at most 180 days',
  status: 'proposed',
  date: '2024-06-10',
  policies: [
    { id: 'personal-data-max-duration', params: { maxDuration: 'P180D' } },
  ],
});

export const oldDurationAdr = adr('0004-max-one-year.md', {
  title: 'Access to personal data lasts at most a year',
  status: 'superseded',
  statusText: 'superseded by 0005',
  date: '2023-11-02',
  policies: [{ id: 'personal-data-max-duration' }],
});

export const teamAdr = {
  ...adr('0001-own-decisions.md', {
    title: 'Team benefits owns its decisions',
    status: 'rejected',
    date: '2024-01-15',
  }),
  id: 'component-default-benefits--0001-own-decisions',
  sourceId: 'component-default-benefits',
  trust: 'team',
  url: 'https://github.com/acme/benefits/blob/main/docs/adr/0001-own-decisions.md',
} satisfies Adr;

export const adrIndex: AdrIndex = {
  items: [legalBasisAdr, maxDurationAdr, oldDurationAdr, teamAdr],
  sources: [
    {
      id: 'decisions',
      kind: 'location',
      trust: 'forum',
      target: folder,
      ok: true,
    },
    {
      id: 'component-default-benefits',
      kind: 'entity',
      trust: 'team',
      target: 'https://github.com/acme/benefits/tree/main/docs/adr',
      entityRef: 'component:default/benefits',
      ok: true,
    },
  ],
  problems: [],
};

export function withContent(item: Adr, markdown: string): AdrWithContent {
  return { ...item, markdown };
}

export function opinion(
  fields: Partial<Opinion> & Pick<Opinion, 'authorRef'>,
): Opinion {
  return {
    adrId: maxDurationAdr.id,
    stance: 'support',
    perspective: 'consumer',
    comment: 'Fine by us.',
    createdAt: '2024-06-11T10:00:00.000Z',
    updatedAt: '2024-06-11T10:00:00.000Z',
    revision: 1,
    ...fields,
  };
}

/** A summary whose counts are derived from its items, as the backend does. */
export function summaryOf(items: Opinion[], open: boolean): OpinionSummary {
  const counts = emptyOpinionCounts();
  for (const item of items) counts[item.perspective][item.stance] += 1;
  return { items, counts, open };
}

export const maxDurationCompliance: PolicyCompliance = {
  id: 'personal-data-max-duration',
  title: 'Personal data access is time-limited',
  description: 'Ports with personal data cap access at 180 days.',
  adrs: [
    { id: maxDurationAdr.id, title: maxDurationAdr.title, status: 'proposed' },
  ],
  enforcement: 'proposed',
  total: 3,
  compliant: 1,
  failing: [
    {
      entityRef: 'dataproduct:default/benefit-decisions',
      title: 'Benefit decisions',
      message: 'decisions_v1 allows P365D',
    },
    {
      entityRef: 'dataproduct:default/payments',
      message: 'payments_v2 has no maxDuration',
    },
  ],
};

export const benefitDecisionsChecks: EntityCheck[] = [
  {
    policyId: 'personal-data-legal-basis',
    entityRef: 'dataproduct:default/benefit-decisions',
    passed: true,
    policy: {
      id: 'personal-data-legal-basis',
      title: 'Personal data requires a legal basis',
      description: 'Ports with personal data require a legal basis.',
    },
    adrs: [
      { id: legalBasisAdr.id, title: legalBasisAdr.title, status: 'accepted' },
    ],
    enforcement: 'enforced',
  },
  {
    policyId: 'personal-data-max-duration',
    entityRef: 'dataproduct:default/benefit-decisions',
    passed: false,
    message: 'decisions_v1 allows P365D',
    policy: {
      id: 'personal-data-max-duration',
      title: 'Personal data access is time-limited',
      description: 'Ports with personal data cap access at 180 days.',
    },
    adrs: [
      {
        id: maxDurationAdr.id,
        title: maxDurationAdr.title,
        status: 'accepted',
      },
    ],
    enforcement: 'enforced',
  },
];
