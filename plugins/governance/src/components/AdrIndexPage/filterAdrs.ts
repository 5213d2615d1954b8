import { Adr } from '@datamesh-governance/plugin-governance-common';

/** The index filters, as read from (and written to) the URL query string. */
export type AdrFilters = {
  status?: string;
  source?: string;
  policy?: string;
  /** Free text, matched against the title and policy ids. */
  q?: string;
};

const filterKeys = ['status', 'source', 'policy', 'q'] as const;

export function filtersFromQuery(params: URLSearchParams): AdrFilters {
  const filters: AdrFilters = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

export function filterAdrs(items: Adr[], filters: AdrFilters): Adr[] {
  const text = filters.q?.trim().toLocaleLowerCase('en-US');
  return items.filter(adr => {
    if (filters.status && adr.status !== filters.status) return false;
    if (filters.source && adr.sourceId !== filters.source) return false;
    if (filters.policy && !adr.policies.some(p => p.id === filters.policy)) {
      return false;
    }
    if (text) {
      const haystack = [adr.title, ...adr.policies.map(p => p.id)]
        .join('\n')
        .toLocaleLowerCase('en-US');
      if (!haystack.includes(text)) return false;
    }
    return true;
  });
}
