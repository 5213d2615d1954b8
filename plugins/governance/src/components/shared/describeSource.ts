import { AdrSource } from '@datamesh-governance/plugin-governance-common';

/** How a source is named to people: the entity that carries the ADRs, else its configured id. */
export function describeSource(sources: AdrSource[], sourceId: string): string {
  return sources.find(s => s.id === sourceId)?.entityRef ?? sourceId;
}
