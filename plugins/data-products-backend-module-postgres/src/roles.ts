import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { roleName } from './identifiers';

/** The subject kinds of access requests, as the port's `subjectTypes` name them. */
export type SubjectKind = 'user' | 'group' | 'service';

/** How subjects become database roles; explicit entries win over templates. */
export type RoleMapping = {
  /** e.g. `{ user: 'u_{name}' }`; a kind without a template has no role. */
  templates: Partial<Record<SubjectKind, string>>;
  /** Normalised entity ref → role. */
  explicit: Map<string, string>;
};

const PLACEHOLDER = /\{([^{}]*)\}/g;
const PLACEHOLDERS = new Set(['name', 'namespace']);

/** Throws an InputError when a template uses a placeholder it cannot fill. */
export function checkTemplate(template: string, field: string): string {
  for (const [, placeholder] of template.matchAll(PLACEHOLDER)) {
    if (!PLACEHOLDERS.has(placeholder)) {
      throw new InputError(
        `${field} uses {${placeholder}}; a role template knows only {name} and {namespace}`,
      );
    }
  }
  return template;
}

/** The lower-case `kind:namespace/name` both sides of the explicit map use. */
export function normalizedRef(ref: string | CompoundEntityRef): string {
  let parsed: CompoundEntityRef;
  try {
    parsed = typeof ref === 'string' ? parseEntityRef(ref) : ref;
  } catch {
    throw new InputError(`${JSON.stringify(ref)} is not an entity ref`);
  }
  return stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
}

/**
 * The database role a subject gets access through. A subject the mapping
 * does not cover is a NotFoundError, never a guessed role.
 */
export function roleOf(subjectRef: string, mapping: RoleMapping): string {
  const ref = normalizedRef(subjectRef);
  const explicit = mapping.explicit.get(ref);
  if (explicit !== undefined) {
    return roleName(explicit, `The role map entry for ${ref}`);
  }

  const { kind, namespace, name } = parseEntityRef(ref);
  const subjectKind = subjectKindOf(kind);
  const template = subjectKind && mapping.templates[subjectKind];
  if (!template) {
    throw new NotFoundError(
      `No database role for ${ref}: dataProducts.provisioners.postgres.roles has no ${
        subjectKind ? `${subjectKind} template` : `template for kind ${kind}`
      } and no map entry for it`,
    );
  }
  const values: Record<string, string> = { name, namespace };
  return roleName(
    template.replace(PLACEHOLDER, (_, placeholder) => values[placeholder]),
    `The ${subjectKind} template ${JSON.stringify(template)} for ${ref}`,
  );
}

function subjectKindOf(kind: string): SubjectKind | undefined {
  if (kind === 'user' || kind === 'group') return kind;
  // Services ask for access as the Component that runs them.
  return kind === 'component' ? 'service' : undefined;
}
