import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import unprocessedModule from '@backstage/plugin-catalog-backend-module-unprocessed';
import { resolve as resolvePath } from 'path';
import { catalogModuleDataProducts } from './module';

// Catalog processing takes a few seconds on a small machine.
jest.setTimeout(60_000);

const fixture = resolvePath(__dirname, '__fixtures__/mixed-catalog.yaml');

type FailedEntity = {
  unprocessed_entity: { kind: string; metadata: { name: string } };
  errors: { name: string; message: string }[];
};

// The real catalog reads a file with a valid service and data product next
// to three broken data products.
describe('the catalog with the data-products module', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(
      `http://localhost:${backend.server.port()}/api/catalog${path}`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    expect(response.status).toBe(200);
    return response.json();
  };

  const waitFor = async <T>(
    read: () => Promise<T>,
    done: (value: T) => boolean,
  ): Promise<T> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise(r => setTimeout(r, 250));
    }
  };

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        unprocessedModule,
        catalogModuleDataProducts,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Component', 'DataProduct', 'Location'] }],
              locations: [{ type: 'file', target: fixture }],
            },
          },
        }),
      ],
    });
  });

  afterAll(() => backend?.stop());

  it('shows each broken data product as a processing error naming what is wrong', async () => {
    // An entity that never passed validation waits as "pending" with its
    // errors; one that broke after passing shows as "failed". Both are
    // listed on the catalog's unprocessed-entities page.
    const withErrors = async () => {
      const [pending, failed] = await Promise.all(
        ['pending', 'failed'].map(reason =>
          get<{ entities: FailedEntity[] }>(`/entities/unprocessed/${reason}`),
        ),
      );
      return [...pending.entities, ...failed.entities].filter(
        e => e.errors?.length,
      );
    };
    const broken = await waitFor(withErrors, list => list.length >= 3);
    const errorsOf = (name: string) =>
      broken
        .find(e => e.unprocessed_entity.metadata.name === name)
        ?.errors.map(e => e.message)
        .join('\n');

    expect(broken.map(e => e.unprocessed_entity.metadata.name).sort()).toEqual([
      'bad-classification',
      'missing-owner',
      'unknown-version',
    ]);
    expect(errorsOf('missing-owner')).toMatch(/owner/);
    expect(errorsOf('bad-classification')).toMatch(
      /outputPorts\/0\/classification/,
    );
    expect(errorsOf('unknown-version')).toMatch(
      /Unsupported apiVersion "datamesh\/v9"/,
    );
  });

  it('keeps the valid entities, with their relations in both directions', async () => {
    const items = await waitFor(
      () =>
        get<{ items: any[] }>(
          '/entities/by-query?filter=kind=dataproduct,kind=component',
        ).then(b => b.items),
      // Both entities stitched, with the relation between them.
      list =>
        list.some(e => e.kind === 'DataProduct') &&
        list.some(e =>
          e.relations?.some((r: { type: string }) => r.type === 'producerOf'),
        ),
    );
    const names = items.map(e => `${e.kind}:${e.metadata.name}`).sort();
    expect(names).toEqual([
      'Component:decision-service',
      'DataProduct:good-product',
    ]);

    const service = items.find(e => e.kind === 'Component');
    expect(service.relations).toContainEqual({
      type: 'producerOf',
      targetRef: 'dataproduct:default/good-product',
    });
    const product = items.find(e => e.kind === 'DataProduct');
    expect(product.relations).toContainEqual({
      type: 'producedBy',
      targetRef: 'component:default/decision-service',
    });
    expect(product.status?.items ?? []).toEqual([]);
  });
});
