import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { checkedProposal, GroundRuleActionOptions } from './checkedProposal';

/**
 * `datamesh:ground-rule:validate`: fails the run, naming the field, when the
 * proposal is not one the forum can take: status other than `proposed`, a
 * policy the governance backend has not registered, a parameter the check
 * does not take or a value it refuses, a due date that is not after today,
 * an over-long title. Put it before any step that writes or publishes.
 * @public
 */
export function createValidateGroundRuleAction(
  options: GroundRuleActionOptions,
) {
  return createTemplateAction({
    id: 'datamesh:ground-rule:validate',
    description:
      'Checks a proposed ground rule (its fields, due date and policies against the governance backend’s registered checks) and fails with the offending field before anything is written',
    supportsDryRun: true,
    schema: {
      input: {
        proposal: z =>
          z
            .record(z.unknown())
            .describe(
              'The proposal: status (proposed), title, context, options [{ title, description }], outcome, policies [{ id, params }], problems [ids], opinionsDue (yyyy-mm-dd)',
            ),
      },
      output: {
        proposer: z =>
          z.string().describe('The entity ref of the person proposing it'),
      },
    },
    async handler(ctx) {
      const { proposal, proposer } = await checkedProposal(ctx, options);
      ctx.logger.info(
        `"${proposal.title}" is a valid proposal, with ${proposal.policies.length} policies`,
      );
      ctx.output('proposer', proposer);
    },
  });
}
