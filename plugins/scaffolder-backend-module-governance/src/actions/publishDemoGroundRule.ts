import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'fs';
import { resolve as resolvePath } from 'path';

const CONFIG_KEY = 'scaffolder.governance.demoProposalsDirectory';

// What datamesh:ground-rule:write names its files: no separators, no dot-dot.
const PROPOSAL_FILE = /^\d{4,}-[a-z0-9-]+\.md$/;

/**
 * `datamesh:ground-rule:publish-demo`: copies the MADR file the write step
 * put in the workspace into the folder the demo forum's ADRs are read from
 * (`scaffolder.governance.demoProposalsDirectory`), so that a portal without
 * any Git host shows the proposal on its Governance page. The folder comes
 * from the operator's config only; an existing file is never replaced.
 * @public
 */
export function createPublishDemoGroundRuleAction(options: { config: Config }) {
  const configured = options.config.getOptionalString(CONFIG_KEY);
  return createTemplateAction({
    id: 'datamesh:ground-rule:publish-demo',
    description:
      'Demo and local portals only: puts a proposed ground rule into the forum folder the governance backend reads, instead of opening a pull request',
    // A dry run never writes to the forum's folder.
    supportsDryRun: false,
    schema: {
      input: {
        fileName: z =>
          z
            .string()
            .describe(
              'The file datamesh:ground-rule:write put in the workspace',
            ),
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'The workspace folder it was written to, if not the workspace',
            ),
      },
    },
    async handler(ctx) {
      if (!configured) {
        throw new InputError(
          `Publishing proposals to a demo forum folder is not set up: set ${CONFIG_KEY} to a folder listed in governance.adrs.locations, or publish with a pull request`,
        );
      }
      const { fileName } = ctx.input;
      if (!PROPOSAL_FILE.test(fileName)) {
        throw new InputError(
          `"${fileName}" is not a proposal's file name (NNNN-slug.md)`,
        );
      }
      const content = await fs.readFile(
        resolveSafeChildPath(
          resolveSafeChildPath(ctx.workspacePath, ctx.input.path ?? '.'),
          fileName,
        ),
        'utf8',
      );
      const folder = resolvePath(configured);
      await fs.mkdir(folder, { recursive: true });
      try {
        // 'wx': never replace a proposal someone else made.
        await fs.writeFile(resolvePath(folder, fileName), content, {
          encoding: 'utf8',
          flag: 'wx',
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new ConflictError(
            `A proposal ${fileName} already exists; run the template again for the next number`,
          );
        }
        throw error;
      }
      ctx.logger.info(
        `Added ${fileName} to the forum's proposals; the Governance page shows it at its next refresh`,
      );
    },
  });
}
