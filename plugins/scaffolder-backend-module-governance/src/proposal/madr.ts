import { stringify } from 'yaml';
import type { GroundRuleProposal } from './types';

const NUMBERED = /^(\d{4,})-/;
const MAX_SLUG_LENGTH = 60;

/** The number after the highest `NNNN-` file name the forum has. */
export function nextAdrNumber(fileNames: string[]): number {
  const numbers = fileNames
    .map(name => NUMBERED.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return Math.max(0, ...numbers) + 1;
}

/** `0009-data-products-publish-a-freshness-sla.md`: lower-case ASCII words. */
export function madrFileName(number: number, title: string): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLocaleLowerCase('en-US')
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, MAX_SLUG_LENGTH)
      .replace(/^-+|-+$/g, '') || 'proposal';
  return `${String(number).padStart(4, '0')}-${slug}.md`;
}

/**
 * The proposal as a MADR file, in the front matter the governance backend
 * reads (parseAdr): `status`, `date`, `deciders`, `policies` (ids, with
 * parameters as `{ id, ...params }`), `opinions-due`, `problems` and
 * `proposer`.
 *
 * The form's values are untrusted. Front matter is written by a YAML
 * serialiser, so a value is always one quoted-as-needed scalar and never
 * closes the block or adds keys; the title goes only into the heading,
 * on one line, so it cannot add front matter either.
 */
export function madrContent(
  proposal: GroundRuleProposal,
  meta: { date: string; proposer: string },
): string {
  const frontMatter = {
    status: proposal.status,
    date: meta.date,
    deciders: [],
    policies: proposal.policies.map(policy =>
      policy.params ? { id: policy.id, ...policy.params } : policy.id,
    ),
    'opinions-due': proposal.opinionsDue,
    ...(proposal.problems.length && { problems: proposal.problems }),
    proposer: meta.proposer,
  };
  const options = proposal.options
    .map(option => `- ${oneLine(option.title)}`)
    .join('\n');
  const optionDetails = proposal.options
    .filter(option => option.description)
    .map(option => `### ${oneLine(option.title)}\n\n${option.description}`)
    .join('\n\n');

  return [
    `---\n${stringify(frontMatter, { lineWidth: 0 })}---`,
    `# ${oneLine(proposal.title)}`,
    `## Context and Problem Statement\n\n${proposal.context}`,
    `## Considered Options\n\n${options}`,
    `## Decision Outcome\n\nProposed: ${proposal.outcome}`,
    ...(optionDetails
      ? [`## Pros and Cons of the Options\n\n${optionDetails}`]
      : []),
  ]
    .join('\n\n')
    .concat('\n');
}

/** Line breaks (of any kind) become spaces: headings and list items are one line. */
function oneLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}
