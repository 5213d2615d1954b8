import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'fs';
import { dirname } from 'path';
import { dataProductFromInput } from './dataProductFromInput';
import { dataProductYaml } from './toYaml';

/**
 * `datamesh:data-product:write`: writes the validated entity as YAML into the
 * task's workspace, for a publish step (e.g. `publish:github:pull-request`)
 * to take from there.
 * @public
 */
export function createWriteDataProductAction() {
  return createTemplateAction({
    id: 'datamesh:data-product:write',
    description:
      'Writes a DataProduct entity as a YAML descriptor into the workspace, after checking it against the kind’s schema',
    supportsDryRun: true,
    schema: {
      input: {
        entity: z =>
          z
            .record(z.unknown())
            .describe('The DataProduct entity the template built'),
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'Where in the workspace to write it; defaults to catalog-info.yaml',
            ),
      },
    },
    async handler(ctx) {
      const product = await dataProductFromInput(ctx.input.entity);
      // resolveSafeChildPath refuses paths that leave the workspace.
      const target = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.path ?? 'catalog-info.yaml',
      );
      await fs.mkdir(dirname(target), { recursive: true });
      await fs.writeFile(target, dataProductYaml(product), 'utf8');
    },
  });
}
