import { parseEntityRef } from '@backstage/catalog-model';

/** The product's page in the app, as the catalog's entity route spells it. */
function entityPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const parts = [namespace, kind.toLocaleLowerCase('en-US'), name];
  return `/catalog/${parts.map(encodeURIComponent).join('/')}`;
}

/** The Requests tab, where deciders decide and retry (app path `requests`). */
export const requestsTabLink = (entityRef: string) =>
  `${entityPath(entityRef)}/requests`;

/** The Access tab, where a consumer sees their request and grant. */
export const accessTabLink = (entityRef: string) =>
  `${entityPath(entityRef)}/access`;
