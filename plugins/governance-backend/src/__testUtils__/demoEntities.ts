import type { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The demo organisation's data products, as examples/data-products.yaml has them. */
export function demoDataProducts(): Entity[] {
  const file = path.resolve(
    __dirname,
    '../../../../examples/data-products.yaml',
  );
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map(doc => doc.toJSON() as Entity)
    .filter(entity => entity?.kind === 'DataProduct')
    .map(entity => ({
      ...entity,
      metadata: { namespace: 'default', ...entity.metadata },
    }));
}
