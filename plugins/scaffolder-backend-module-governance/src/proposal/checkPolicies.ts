import { InputError } from '@backstage/errors';
import type { PolicyDefinition } from '@datamesh-governance/plugin-governance-common';
import type { ProposedPolicy } from './types';

/**
 * Every proposed policy is a check the governance backend has registered,
 * named once, with only the parameters it declares and values that match
 * their pattern. Throws an InputError naming the field.
 */
export function checkPolicies(
  proposed: ProposedPolicy[],
  registered: PolicyDefinition[],
): void {
  const byId = new Map(registered.map(check => [check.id, check]));
  const seen = new Set<string>();
  proposed.forEach((policy, index) => {
    const field = `policies/${index}`;
    const check = byId.get(policy.id);
    if (!check) {
      fail(
        `${field}/id`,
        `no policy check "${policy.id}" is registered; pick one of ${[
          ...byId.keys(),
        ].join(', ')}`,
      );
    }
    if (seen.has(policy.id)) {
      fail(`${field}/id`, `"${policy.id}" is proposed twice`);
    }
    seen.add(policy.id);
    const declared = new Map(
      (check.parameters ?? []).map(parameter => [parameter.name, parameter]),
    );
    for (const [name, value] of Object.entries(policy.params ?? {})) {
      const parameter = declared.get(name);
      if (!parameter) {
        fail(
          `${field}/params/${name}`,
          declared.size
            ? `"${policy.id}" takes ${[...declared.keys()].join(
                ', ',
              )}, not ${name}`
            : `"${policy.id}" takes no parameters`,
        );
      }
      if (parameter.pattern && !fullMatch(parameter.pattern, value)) {
        fail(
          `${field}/params/${name}`,
          `"${value}" is not a valid ${parameter.title.toLocaleLowerCase(
            'en-US',
          )}: ${parameter.description}`,
        );
      }
    }
  });
}

function fullMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    // A check's own pattern that does not compile is the check's bug; the
    // check itself decides what it makes of the value.
    return true;
  }
}

function fail(field: string, message: string): never {
  throw new InputError(`The proposal is not valid: ${field}: ${message}`);
}
