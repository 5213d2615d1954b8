import {
  AdrFormat,
  adrIdOf,
  AdrPolicyRef,
  AdrWithContent,
} from '@datamesh-governance/plugin-governance-common';
import matter from 'gray-matter';
import YAML from 'yaml';
import { normaliseStatus } from './normaliseStatus';

/** One Markdown file as read from a source. */
export type AdrFile = {
  fileName: string;
  url: string;
  content: string;
};

/** An ADR, and what was wrong with the file even so (e.g. a bad policy entry). */
export type ParsedAdr =
  | { ok: true; adr: AdrWithContent; warnings: string[] }
  | { ok: false; message: string };

const NOT_ADRS = new Set(['readme.md', 'index.md', 'template.md']);

/** Only `*.md` files that are not the folder's README, index or template. */
export function isAdrFileName(fileName: string): boolean {
  const lower = fileName.toLocaleLowerCase('en-US');
  return (
    lower.endsWith('.md') && !NOT_ADRS.has(lower) && !lower.includes('template')
  );
}

// gray-matter's own engine is js-yaml 3, which turns `date: 2026-01-12`
// into a Date; the `yaml` package keeps it the string the author wrote.
const matterOptions = { engines: { yaml: (s: string) => YAML.parse(s) } };

/**
 * Reads a MADR v3 file (YAML front matter) or a MADR v2 file (`* Status:`
 * bullet lines under the title). The title is the first `#` heading.
 */
export function parseAdr(sourceId: string, file: AdrFile): ParsedAdr {
  let data: Record<string, unknown>;
  let body: string;
  try {
    const parsed = matter(file.content, matterOptions as any);
    data = (parsed.data ?? {}) as Record<string, unknown>;
    body = parsed.content;
  } catch (error) {
    return {
      ok: false,
      message: `the front matter is not valid YAML: ${firstLine(error)}`,
    };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, message: 'the front matter is not a YAML mapping' };
  }

  const title = body.match(/^#[ \t]+(.+?)[ \t#]*$/m)?.[1]?.trim();
  if (!title) {
    return { ok: false, message: 'it has no "# Title" heading' };
  }

  const format: AdrFormat =
    Object.keys(data).length > 0 ? 'madr-v3' : 'madr-v2';
  const fields = format === 'madr-v3' ? data : bulletFields(body);
  const warnings: string[] = [];
  const policies = readPolicies(fields.policies, warnings);

  return {
    ok: true,
    warnings,
    adr: {
      id: adrIdOf(sourceId, file.fileName),
      sourceId,
      title,
      ...normaliseStatus(fields.status),
      ...optionalDate(fields.date),
      // MADR 4 calls them decision-makers.
      deciders: readList(fields.deciders ?? fields['decision-makers']),
      policies,
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

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0];
}
