import { DATA_PRODUCT_KIND } from '@datamesh-governance/plugin-data-products-common';

/**
 * Catalog search results for DataProduct entities. Kept free of UI imports:
 * the search page evaluates it for every result before any item is loaded.
 * @public
 */
export function isDataProductSearchResult(result: {
  type: string;
  document: object;
}): boolean {
  const kind = (result.document as { kind?: unknown }).kind;
  return (
    result.type === 'software-catalog' &&
    typeof kind === 'string' &&
    kind.toLocaleLowerCase('en-US') ===
      DATA_PRODUCT_KIND.toLocaleLowerCase('en-US')
  );
}
