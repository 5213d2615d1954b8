import {
  createAccessRequestSchema,
  listAccessRequestsQuerySchema,
} from '@datamesh-governance/plugin-data-products-common';
import express from 'express';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { requestBody } from '../__testUtils__/fixtures';
import { hostileValue, nearValid, Random } from '../__testUtils__/hostile';
import { createRouter } from '../router';
import { RouterContext } from '../router/context';
import { createOpenApiRouter, spec } from './openapi/generated';

/** The spec's own validator and nothing else: what a route accepts by the contract alone. */
function specOnly() {
  const api = createOpenApiRouter();
  api.post('/requests', (_req, res) => {
    res.status(201).end();
  });
  api.get('/requests', (_req, res) => {
    res.status(200).end();
  });
  const app = express();
  app.use(api);
  app.use(((error, _req, res, _next) => {
    res.status(error.name === 'InputError' ? 400 : 500).end();
  }) as express.ErrorRequestHandler);
  return request(app);
}

/** True when no string in `value` has whitespace around it, which zod trims. */
function untrimmed(value: unknown): boolean {
  if (typeof value === 'string') return value === value.trim();
  if (value && typeof value === 'object') {
    return Object.values(value).every(untrimmed);
  }
  return true;
}

const CREATE_KEYS = [
  'entityRef',
  'outputPort',
  'subjectRef',
  'purpose',
  'legalBasis',
  'endsAt',
  'acceptTerms',
];

function createCase(random: Random): Record<string, unknown> {
  const body: Record<string, unknown> = requestBody();
  for (let n = 1 + random.int(2); n > 0; n--) {
    const key = random.pick(CREATE_KEYS);
    body[key] = random.chance(0.6)
      ? nearValid(random, body[key])
      : hostileValue(random);
  }
  return body;
}

describe('the OpenAPI spec', () => {
  it('is what the generated router holds', () => {
    const yaml = parseYaml(
      readFileSync(resolve(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(yaml);
  });

  it('describes every route the router serves, and no other', () => {
    const served: string[] = [];
    const walk = (stack: any[]) =>
      stack.forEach(layer =>
        layer.route
          ? Object.keys(layer.route.methods).forEach(m =>
              served.push(`${m.toUpperCase()} ${layer.route.path}`),
            )
          : layer.handle?.stack && walk(layer.handle.stack),
      );
    walk((createRouter({} as RouterContext) as any).stack);
    const described = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item).map(
        m => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    );
    expect(served.filter(r => r !== 'GET /openapi.json').sort()).toEqual(
      described.sort(),
    );
  });

  // Zod runs first and says what is wrong; the spec must judge alike, so
  // that a client that reads only the spec is never surprised.
  it('accepts what the zod schema accepts and refuses what it refuses: create bodies', async () => {
    const random = new Random(0x5bec);
    const http = specOnly();
    const disagreements: string[] = [];
    let accepted = 0;
    for (let n = 0; n < 300; n++) {
      const body = createCase(random);
      const zod = createAccessRequestSchema.safeParse(body);
      if (!zod.success && !untrimmed(body)) continue;
      const res = await http
        .post('/requests')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(zod.success ? zod.data : body));
      if (zod.success) accepted += 1;
      if ((res.status === 201) !== zod.success) {
        disagreements.push(
          `zod ${zod.success ? 'accepts' : 'refuses'}, spec answers ${
            res.status
          }: ${JSON.stringify(body).slice(0, 200)}`,
        );
      }
    }
    expect(disagreements).toEqual([]);
    expect(accepted).toBeGreaterThan(10);
  });

  it('accepts what the zod schema accepts and refuses what it refuses: list queries', async () => {
    const http = specOnly();
    const cases: Record<string, string>[] = [
      {},
      { limit: '100' },
      { limit: '101' },
      { limit: '0' },
      { limit: '2.5' },
      { sort: 'endsAt', order: 'asc' },
      { sort: 'purpose' },
      { role: 'approver', status: 'pending' },
      { status: 'granted' },
      { entityRef: 'dataproduct:default/benefit-decisions' },
      { entityRef: 'not a ref' },
      { createdBefore: '2026-01-01' },
      { createdBefore: '2026-01-01T10:00:00+02:00' },
      { createdBefore: '2026-01-01T10:00Z' },
      { createdBefore: '2026-02-30' },
      { cursor: 'c'.repeat(500) },
      { cursor: 'c'.repeat(501) },
      { extra: '1' },
    ];
    for (const query of cases) {
      const zod = listAccessRequestsQuerySchema.safeParse(query);
      const res = await http
        .get('/requests')
        .query(zod.success ? zod.data : query);
      expect([JSON.stringify(query), res.status]).toEqual([
        JSON.stringify(query),
        zod.success ? 200 : 400,
      ]);
    }
  });
});
