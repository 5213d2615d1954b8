import {
  emptyOpinionCounts,
  Opinion,
  OpinionSummary,
} from '@datamesh-governance/plugin-governance-common';

/** Current opinions per perspective and stance; every key present, zero when none. */
export function countOpinions(opinions: Opinion[]): OpinionSummary['counts'] {
  const counts = emptyOpinionCounts();
  for (const opinion of opinions) {
    counts[opinion.perspective][opinion.stance] += 1;
  }
  return counts;
}
