import { normalizeEntityRef } from '@datamesh-governance/plugin-data-products-common';
import { Cursor, decodeCursor } from './cursor';
import type { ListFilter, Viewer } from './listQuery';

/** What a page binds: the same shape with other values is the same SQL. */
export type PageInput = {
  viewer: Viewer;
  now: number;
  take: number;
  entityRef?: string;
  createdBefore?: number;
  cursor?: Cursor;
};

/** The filter's values as the SQL binds them, each checked and normalised first. */
export function pageInputOf(
  filter: ListFilter,
  viewer: Viewer,
  now: number,
): PageInput {
  return {
    viewer,
    now,
    take: filter.limit + 1,
    // The schema admits only kind:namespace/name shapes, so this never throws.
    entityRef: filter.entityRef
      ? normalizeEntityRef(filter.entityRef, { defaultKind: 'dataproduct' })
      : undefined,
    createdBefore: filter.createdBefore
      ? Date.parse(filter.createdBefore)
      : undefined,
    cursor: decodeCursor(filter.cursor),
  };
}

/**
 * How each filter reaches a page's SQL: its value picks the shape (the
 * statements' text), or it is bound from a slot and only whether it is given
 * changes the text. A filter added to the API and left out here is a type
 * error, so that no value is ever compiled into a shape as a constant.
 */
const FILTERS: Record<keyof ListFilter, 'shape' | 'slot'> = {
  role: 'shape',
  status: 'shape',
  sort: 'shape',
  order: 'shape',
  entityRef: 'slot',
  createdBefore: 'slot',
  cursor: 'slot',
  limit: 'slot',
};

/** Everything besides the slots' values that changes a page's SQL. */
export function shapeOf(
  filter: ListFilter,
  { viewer }: PageInput,
  withRows = '',
): string {
  return JSON.stringify([
    withRows,
    viewer.claims.length,
    viewer.claims.indexOf(viewer.userRef),
    ...Object.entries(FILTERS).map(([key, part]) => {
      const value = filter[key as keyof ListFilter];
      return part === 'shape' ? value ?? null : Boolean(value);
    }),
  ]);
}

/** The values a page binds, in slots: the viewer's refs, then the rest. */
export function slotsOf({
  viewer,
  now,
  take,
  entityRef,
  createdBefore,
  cursor,
}: PageInput): (string | number)[] {
  return [
    ...viewer.claims,
    now,
    take,
    entityRef ?? '',
    createdBefore ?? 0,
    cursor?.value ?? 0,
    cursor?.id ?? '',
  ];
}

/**
 * The input with each value replaced by its slot's stand-in (the user's
 * ref by the stand-in of the same ref among the claims, so that a branch
 * knows which ref is the user's).
 */
export function withStandIns(
  input: PageInput,
  standIns: (string | number)[],
): PageInput {
  const { claims, userRef } = input.viewer;
  const refs = standIns.slice(0, claims.length) as string[];
  const [now, take, entityRef, createdBefore, value, id] = standIns.slice(
    claims.length,
  );
  return {
    viewer: { claims: refs, userRef: refs[claims.indexOf(userRef)] },
    now: now as number,
    take: take as number,
    entityRef:
      input.entityRef === undefined ? undefined : (entityRef as string),
    createdBefore:
      input.createdBefore === undefined ? undefined : (createdBefore as number),
    cursor: input.cursor && { value: value as number, id: id as string },
  };
}
