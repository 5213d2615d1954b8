import type { PolicyDefinition } from '@datamesh-governance/plugin-governance-common';

/** One picked policy check, as the template passes it to its actions. */
export type PolicyChoice = { id: string; params?: Record<string, string> };

/** The field's value, whatever the form held: only well-formed choices. */
export function policyChoicesOf(value: unknown): PolicyChoice[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (choice): choice is PolicyChoice =>
      !!choice && typeof choice === 'object' && typeof choice.id === 'string',
  );
}

/**
 * What is wrong with the parameters picked, per `<policy id>/<parameter>`:
 * a value that does not match the check's pattern. Empty values mean the
 * check's default. (The template's validate step checks again, with the
 * same definitions; this only says it earlier.)
 */
export function parameterProblems(
  choices: PolicyChoice[],
  checks: PolicyDefinition[],
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const choice of choices) {
    const check = checks.find(c => c.id === choice.id);
    for (const parameter of check?.parameters ?? []) {
      const value = choice.params?.[parameter.name]?.trim();
      if (value && parameter.pattern && !fullMatch(parameter.pattern, value)) {
        problems[
          `${choice.id}/${parameter.name}`
        ] = `Not a valid ${parameter.title.toLocaleLowerCase('en-US')}: ${
          parameter.description
        }`;
      }
    }
  }
  return problems;
}

function fullMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return true;
  }
}
