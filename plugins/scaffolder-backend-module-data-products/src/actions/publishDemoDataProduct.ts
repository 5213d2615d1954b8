import { resolve as resolvePath } from 'path';
import { promises as fs } from 'fs';
import type { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { dataProductFromInput } from './dataProductFromInput';
import { dataProductYaml } from './toYaml';

const CONFIG_KEY = 'scaffolder.dataProducts.demoCatalogDirectory';

// A file name made of the entity's name alone: no separators, no dot-dot,
// nothing that could point outside the configured directory.
const SAFE_FILE_NAME = /^[a-z0-9](?:[a-z0-9_-]|\.(?!\.))*$/i;

/** The file a product is written to, inside the configured directory. */
export function demoCatalogFile(directory: string, name: string): string {
  if (!SAFE_FILE_NAME.test(name) || name.length > 63) {
    throw new InputError(
      `The data product name "${name}" cannot be used as a file name: use letters, digits, "-", "_" and single dots`,
    );
  }
  return resolvePath(directory, `${name}.yaml`);
}

/**
 * `datamesh:data-product:publish-demo`: writes the product into the
 * directory the demo catalog reads (`scaffolder.dataProducts.demoCatalogDirectory`),
 * so that a portal without any Git host can register products. The
 * directory comes from the operator's config only; the product's name is
 * the file name and an existing file is never overwritten.
 * @public
 */
export function createPublishDemoDataProductAction(options: {
  config: Config;
}) {
  const configured = options.config.getOptionalString(CONFIG_KEY);
  return createTemplateAction({
    id: 'datamesh:data-product:publish-demo',
    description:
      'Demo and local portals only: writes a DataProduct into the directory the catalog reads, instead of opening a pull request',
    // A dry run never writes to the catalog's directory.
    supportsDryRun: false,
    schema: {
      input: {
        entity: z =>
          z
            .record(z.unknown())
            .describe('The DataProduct entity the template built'),
      },
      output: {
        entityRef: z =>
          z.string().describe('The entity ref the catalog will show'),
      },
    },
    async handler(ctx) {
      if (!configured) {
        throw new InputError(
          `Publishing to the demo catalog is not set up: set ${CONFIG_KEY} to a directory the catalog reads, or publish with a pull request`,
        );
      }
      const product = await dataProductFromInput(ctx.input.entity);
      const file = demoCatalogFile(configured, product.metadata.name);
      await fs.mkdir(resolvePath(configured), { recursive: true });
      try {
        // 'wx': never replace a product someone else registered.
        await fs.writeFile(file, dataProductYaml(product), {
          encoding: 'utf8',
          flag: 'wx',
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new ConflictError(
            `A data product named "${product.metadata.name}" is already registered; pick another name`,
          );
        }
        throw error;
      }
      const entityRef = stringifyEntityRef(product);
      ctx.logger.info(
        `Wrote ${entityRef}; the catalog picks it up at its next pass`,
      );
      ctx.output('entityRef', entityRef);
    },
  });
}
