import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'fs';
import { madrContent, madrFileName, nextAdrNumber } from '../proposal/madr';
import { checkedProposal, GroundRuleActionOptions } from './checkedProposal';

/**
 * `datamesh:ground-rule:write`: checks the proposal again (nothing is
 * written for an invalid one), then writes it as a MADR file into the
 * task's workspace, numbered after the forum's ADRs, with the proposer
 * taken from the credentials of the person running the template.
 * @public
 */
export function createWriteGroundRuleAction(options: GroundRuleActionOptions) {
  return createTemplateAction({
    id: 'datamesh:ground-rule:write',
    description:
      'Writes a proposed ground rule as a MADR file (NNNN-slug.md, status proposed) into the workspace, after checking it',
    supportsDryRun: true,
    schema: {
      input: {
        proposal: z =>
          z
            .record(z.unknown())
            .describe('The proposal, as for datamesh:ground-rule:validate'),
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'The folder in the workspace to write it to; defaults to the workspace itself',
            ),
      },
      output: {
        fileName: z =>
          z.string().describe('The file written, e.g. 0009-a-title.md'),
      },
    },
    async handler(ctx) {
      const { proposal, proposer, governance } = await checkedProposal(
        ctx,
        options,
      );
      const fileName = madrFileName(
        nextAdrNumber(await governance.forumAdrFileNames()),
        proposal.title,
      );
      // resolveSafeChildPath refuses folders that leave the workspace.
      const folder = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.path ?? '.',
      );
      await fs.mkdir(folder, { recursive: true });
      const content = madrContent(proposal, {
        date: new Date().toISOString().slice(0, 10),
        proposer,
      });
      await fs.writeFile(
        resolveSafeChildPath(folder, fileName),
        content,
        'utf8',
      );
      ctx.logger.info(`Wrote ${fileName}, proposed by ${proposer}`);
      ctx.output('fileName', fileName);
    },
  });
}
