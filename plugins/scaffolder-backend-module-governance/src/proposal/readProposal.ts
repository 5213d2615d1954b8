import { InputError } from '@backstage/errors';
import type {
  ConsideredOption,
  GroundRuleProposal,
  ProposedPolicy,
} from './types';

const MAX_TITLE_LENGTH = 120;
const MAX_TEXT_LENGTH = 20_000;
const MAX_OPTION_TITLE_LENGTH = 200;
const MAX_OPTIONS = 20;
const MAX_POLICIES = 20;
const MAX_PROBLEMS = 20;
const POLICY_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// Problem ids as the governance backend makes them; parseAdr reads the same.
const PROBLEM_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The template's values, checked for shape: what a form (or an edited
 * template) sends is untrusted. Throws an InputError naming the field, e.g.
 * `opinionsDue: ...`; whether the policies exist is checked against the
 * governance backend separately (checkPolicies).
 */
export function readProposal(
  input: unknown,
  today: string = new Date().toISOString().slice(0, 10),
): GroundRuleProposal {
  const value = record(input, 'proposal');
  if (value.status !== 'proposed') {
    fail(
      'status',
      `a proposal's status must be "proposed" (it is ${JSON.stringify(
        value.status ?? null,
      )})`,
    );
  }
  const opinionsDue = line(value.opinionsDue, 'opinionsDue', 10);
  if (!DATE.test(opinionsDue) || !isRealDate(opinionsDue)) {
    fail('opinionsDue', 'give the date as yyyy-mm-dd');
  }
  if (opinionsDue <= today) {
    fail(
      'opinionsDue',
      `the date by which opinions are due must be after today (${today})`,
    );
  }
  return {
    status: 'proposed',
    title: line(value.title, 'title', MAX_TITLE_LENGTH),
    context: text(value.context, 'context'),
    options: list(value.options, 'options', MAX_OPTIONS, 1).map(readOption),
    outcome: text(value.outcome, 'outcome'),
    policies: list(value.policies, 'policies', MAX_POLICIES).map(readPolicy),
    problems: list(value.problems, 'problems', MAX_PROBLEMS).map((p, i) => {
      const id = line(p, `problems/${i}`, 64);
      if (!PROBLEM_ID.test(id)) {
        fail(
          `problems/${i}`,
          'a problem id is letters, digits, ".", "_", ":" or "-"',
        );
      }
      return id;
    }),
    opinionsDue,
  };
}

function readOption(entry: unknown, index: number): ConsideredOption {
  const field = `options/${index}`;
  const option = record(entry, field);
  const description = optionalText(option.description, `${field}/description`);
  return {
    title: line(option.title, `${field}/title`, MAX_OPTION_TITLE_LENGTH),
    ...(description && { description }),
  };
}

function readPolicy(entry: unknown, index: number): ProposedPolicy {
  const field = `policies/${index}`;
  const policy = record(entry, field);
  const id = line(policy.id, `${field}/id`, 100);
  if (!POLICY_ID.test(id)) {
    fail(`${field}/id`, `"${id}" is not a kebab-case policy id`);
  }
  if (policy.params === undefined || policy.params === null) return { id };
  const params: Record<string, string> = {};
  for (const [name, raw] of Object.entries(
    record(policy.params, `${field}/params`),
  )) {
    // An empty parameter field on the form means "the check's default".
    if (raw === undefined || raw === null || raw === '') continue;
    params[name] = line(
      typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw,
      `${field}/params/${name}`,
      200,
    );
  }
  return Object.keys(params).length ? { id, params } : { id };
}

function fail(field: string, message: string): never {
  throw new InputError(`The proposal is not valid: ${field}: ${message}`);
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    fail(field, 'expected an object');
  }
  return value as Record<string, unknown>;
}

function list(value: unknown, field: string, max: number, min = 0): unknown[] {
  if (value === undefined || value === null) {
    if (min > 0) fail(field, `give at least ${min}`);
    return [];
  }
  if (!Array.isArray(value)) fail(field, 'expected a list');
  if (value.length < min) fail(field, `give at least ${min}`);
  if (value.length > max) fail(field, `at most ${max} entries`);
  return value;
}

/** A required multi-line text. */
function text(value: unknown, field: string): string {
  const result = optionalText(value, field);
  if (!result) fail(field, 'must not be empty');
  return result;
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(field, 'expected text');
  if (value.includes('\0')) fail(field, 'must not contain NUL characters');
  if (value.length > MAX_TEXT_LENGTH) {
    fail(field, `at most ${MAX_TEXT_LENGTH} characters`);
  }
  return value.replace(/\r\n?/g, '\n').trim() || undefined;
}

/** A required single line: titles, ids, dates. */
function line(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string') fail(field, 'expected text');
  if (value.includes('\0')) fail(field, 'must not contain NUL characters');
  if (/[\r\n\u2028\u2029]/.test(value)) fail(field, 'must be a single line');
  const trimmed = value.trim();
  if (!trimmed) fail(field, 'must not be empty');
  if (trimmed.length > max) fail(field, `at most ${max} characters`);
  return trimmed;
}

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return (
    !Number.isNaN(parsed.getTime()) &&
    parsed.toISOString().slice(0, 10) === date
  );
}
