import { InputError } from '@backstage/errors';

/**
 * Schema and table names from entity YAML: the shape PostgreSQL gives an
 * unquoted identifier (lower case, digits, underscore), at most 63 bytes so
 * the server never truncates one name into another.
 */
const OBJECT_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Role names: as above, plus the `-` and `.` that entity names carry into
 * templates such as `u_{name}`. Quoting makes them safe; a `"` never passes.
 */
const ROLE_NAME = /^[a-z_][a-z0-9_.-]{0,62}$/;

/** A schema or table name from an entity, checked; throws an InputError naming the field. */
export function objectName(value: unknown, field: string): string {
  if (typeof value !== 'string' || !OBJECT_NAME.test(value)) {
    throw new InputError(
      `${field} must be a PostgreSQL name of lower-case letters, digits and _ (at most 63, not starting with a digit), got ${shown(
        value,
      )}`,
    );
  }
  return value;
}

/** A database role name, checked; throws an InputError saying where it came from. */
export function roleName(value: string, origin: string): string {
  if (!ROLE_NAME.test(value)) {
    throw new InputError(
      `${origin} gives the database role ${shown(
        value,
      )}, which is not a role name of lower-case letters, digits, _, - and . (at most 63)`,
    );
  }
  return value;
}

/** Double-quotes a name that passed one of the checks above. */
export function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function shown(value: unknown): string {
  if (typeof value !== 'string') {
    return value === undefined ? 'nothing' : `a ${typeof value}`;
  }
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}
