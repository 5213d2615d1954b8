import {
  AdrFormat,
  adrIdOf,
  AdrPolicyRef,
  AdrWithContent,
  MAX_ADR_ID_LENGTH,
} from '@datamesh-governance/plugin-governance-common';
import { readFrontMatter } from './frontMatter';
import { normaliseStatus } from './normaliseStatus';

/** One Markdown file as read from a source. */
export type AdrFile = {
  fileName: string;
  url: string;
  content: string;
};

/** What a file says; whose decision it is depends on its source. */
export type ParsedAdrContent = Omit<AdrWithContent, 'trust'>;

/** An ADR, and what was wrong with the file even so (e.g. a bad policy entry). */
export type ParsedAdr =
  | { ok: true; adr: ParsedAdrContent; warnings: string[] }
  | { ok: false; message: string };

const NOT_ADRS = new Set(['readme.md', 'index.md', 'template.md']);

/** Only `*.md` files that are not the folder's README, index or template. */
export function isAdrFileName(fileName: string): boolean {
  const lower = fileName.toLocaleLowerCase('en-US');
  return (
    lower.endsWith('.md') && !NOT_ADRS.has(lower) && !lower.includes('template')
  );
}

/**
 * Reads a MADR v3 file (YAML front matter) or a MADR v2 file (`* Status:`
 * bullet lines under the title). The title is the first `#` heading.
 */
export function parseAdr(sourceId: string, file: AdrFile): ParsedAdr {
  const id = adrIdOf(sourceId, file.fileName);
  if (id.length > MAX_ADR_ID_LENGTH) {
    return {
      ok: false,
      message: `the file name is too long: ADR ids have at most ${MAX_ADR_ID_LENGTH} characters`,
    };
  }
  const frontMatter = readFrontMatter(file.content);
  if (!frontMatter.ok) return frontMatter;
  const { data, body } = frontMatter;

  const title = body.match(/^#[ \t]+(.+?)[ \t#]*$/m)?.[1]?.trim();
  if (!title) {
    return { ok: false, message: 'it has no "# Title" heading' };
  }

  const format: AdrFormat =
    Object.keys(data).length > 0 ? 'madr-v3' : 'madr-v2';
  const fields = format === 'madr-v3' ? data : bulletFields(body);
  const warnings = [...frontMatter.warnings];
  const policies = readPolicies(fields.policies, warnings);

  return {
    ok: true,
    warnings,
    adr: {
      id,
      sourceId,
      title,
      ...normaliseStatus(fields.status),
      ...optionalDate(fields.date),
      // MADR 4 calls them decision-makers.
      deciders: readList(fields.deciders ?? fields['decision-makers']),
      policies,
      ...proposalFields(fields),
      format,
      fileName: file.fileName,
      url: file.url,
      markdown: body.replace(/^\s*\n/, ''),
    },
  };
}

/** MADR v2: `* Status: accepted` lines (also `-` bullets), keys lower-cased. */
function bulletFields(body: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const match of body.matchAll(
    /^[*-][ \t]+(Status|Deciders|Date|Policies)[ \t]*:[ \t]*(.*)$/gim,
  )) {
    const key = match[1].toLocaleLowerCase('en-US');
    if (!(key in fields)) fields[key] = match[2].trim();
  }
  return fields;
}

function readList(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.map(v => String(v).trim()).filter(Boolean);
  }
  if (typeof value === 'string') {
    return value
      .split(',')
      .map(v => v.trim())
      .filter(Boolean);
  }
  return [];
}

function optionalDate(value: unknown): { date?: string } {
  const text =
    value instanceof Date ? value.toISOString() : String(value ?? '');
  const date = text.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  return date ? { date } : {};
}

const PROPOSER = /^user:[a-z0-9._-]+\/[A-Za-z0-9._-]+$/i;
const PROBLEM_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * What a proposal made from the portal's template adds: when opinions are
 * due, the raised problems it answers and who proposed it. Values of the
 * wrong shape are left out: the file is data, not a claim to trust.
 */
function proposalFields(fields: Record<string, unknown>): {
  opinionsDue?: string;
  problems?: string[];
  proposer?: string;
} {
  const due = optionalDate(fields['opinions-due']).date;
  const problems = readList(fields.problems).filter(p => PROBLEM_ID.test(p));
  const proposer =
    typeof fields.proposer === 'string' && PROPOSER.test(fields.proposer)
      ? fields.proposer
      : undefined;
  return {
    ...(due && { opinionsDue: due }),
    ...(problems.length && { problems }),
    ...(proposer && { proposer }),
  };
}

const POLICY_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** `[a, b]`, `a, b`, or `[{ id: a, maxDuration: P180D }]`; bad entries are warned about and left out. */
function readPolicies(value: unknown, warnings: string[]): AdrPolicyRef[] {
  if (value === undefined || value === null || value === '') return [];
  const entries = typeof value === 'string' ? readList(value) : value;
  if (!Array.isArray(entries)) {
    warnings.push('"policies" should be a list of policy ids');
    return [];
  }
  const policies: AdrPolicyRef[] = [];
  entries.forEach((entry, index) => {
    if (typeof entry === 'string' && POLICY_ID.test(entry)) {
      policies.push({ id: entry });
      return;
    }
    if (
      entry &&
      typeof entry === 'object' &&
      typeof entry.id === 'string' &&
      POLICY_ID.test(entry.id)
    ) {
      const { id, ...rest } = entry as Record<string, unknown>;
      const params = Object.fromEntries(
        Object.entries(rest).filter(([, v]) =>
          ['string', 'number', 'boolean'].includes(typeof v),
        ),
      ) as Record<string, string | number | boolean>;
      if (Object.keys(params).length < Object.keys(rest).length) {
        warnings.push(
          `policies[${index}] (${id}): parameters must be plain values; nested ones were left out`,
        );
      }
      policies.push(
        Object.keys(params).length
          ? { id: id as string, params }
          : { id: id as string },
      );
      return;
    }
    warnings.push(
      `policies[${index}] is not a kebab-case policy id or an { id, ...params } entry`,
    );
  });
  return policies;
}
