/**
 * Scaffolder actions that propose a ground rule to the governance forum:
 * validate the proposal against the governance backend's policy checks,
 * write it as a MADR file, and (demo portals only) publish it to a forum
 * folder the governance backend reads.
 *
 * @packageDocumentation
 */

export { scaffolderModuleGovernance as default } from './module';
export { createValidateGroundRuleAction } from './actions/validateGroundRule';
export { createWriteGroundRuleAction } from './actions/writeGroundRule';
export { createPublishDemoGroundRuleAction } from './actions/publishDemoGroundRule';
export type { GroundRuleActionOptions } from './actions/checkedProposal';
