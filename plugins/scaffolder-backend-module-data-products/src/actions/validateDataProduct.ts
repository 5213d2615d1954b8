import { stringifyEntityRef } from '@backstage/catalog-model';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { dataProductFromInput } from './dataProductFromInput';

/**
 * `datamesh:data-product:validate`: fails the run, naming the field, when
 * the entity the template built is not a valid DataProduct. Put it before
 * any step that publishes.
 * @public
 */
export function createValidateDataProductAction() {
  return createTemplateAction({
    id: 'datamesh:data-product:validate',
    description:
      'Checks a DataProduct entity against the kind’s schema and fails with the offending field before anything is published',
    supportsDryRun: true,
    schema: {
      input: {
        entity: z =>
          z
            .record(z.unknown())
            .describe('The DataProduct entity the template built'),
      },
      output: {
        entityRef: z =>
          z.string().describe('The entity ref the product will have'),
      },
    },
    async handler(ctx) {
      const product = await dataProductFromInput(ctx.input.entity);
      const entityRef = stringifyEntityRef(product);
      ctx.logger.info(`${entityRef} is a valid data product`);
      ctx.output('entityRef', entityRef);
    },
  });
}
