/** One option the proposal weighed. */
export type ConsideredOption = { title: string; description?: string };

/** A policy the ground rule would introduce, with the forum's parameters. */
export type ProposedPolicy = { id: string; params?: Record<string, string> };

/** A proposed ground rule as the template's form gives it, once checked. */
export type GroundRuleProposal = {
  status: 'proposed';
  title: string;
  context: string;
  options: ConsideredOption[];
  outcome: string;
  policies: ProposedPolicy[];
  problems: string[];
  /** yyyy-mm-dd, after today. */
  opinionsDue: string;
};
