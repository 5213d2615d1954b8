import { stringifyEntityRef } from '@backstage/catalog-model';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  DATA_PRODUCT_TEXT_FIELDS,
  dataProductCatalogQuery,
  holdsPersonalData,
  holdsSpecialCategories,
  isDataProductEntity,
  needsLegalBasis,
} from '@datamesh-governance/plugin-data-products-common';
import { actionUser } from './actionUser';
import { ActionDeps } from './types';

/** `find-data-products`: the marketplace's search, as the caller sees the catalog. */
export function registerFindDataProducts(
  registry: ActionsRegistryService,
  deps: ActionDeps,
) {
  registry.register({
    name: 'find-data-products',
    title: 'Find data products',
    description: `Searches the data products of the data mesh, as the marketplace at /data-products does, showing only what the signed-in person may see in the catalog.
Give words to search names, titles, descriptions, purposes and port names, and any of the filters; values of one filter are alternatives, filters narrow each other.
Each result lists its output ports with their classification, personal data and how access is given (auto: granted at once; required: the owners decide).
To ask for access to a port, use request-access with the product's entityRef and the port's name.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          text: z
            .string()
            .max(200)
            .optional()
            .describe('Words to search for, e.g. "sick leave"'),
          domain: z
            .array(z.string().max(255))
            .max(20)
            .optional()
            .describe(
              'Domain refs as in spec.domain, e.g. "domain:default/benefits"',
            ),
          owner: z
            .array(z.string().max(255))
            .max(20)
            .optional()
            .describe(
              'Owner refs as in spec.owner, e.g. "group:default/team-benefits"',
            ),
          classification: z
            .array(z.enum(['public', 'internal', 'personal', 'sensitive']))
            .optional()
            .describe('Classification of at least one output port'),
          personalData: z
            .array(z.enum(['none', 'personal', 'special']))
            .optional()
            .describe(
              'none: no personal data; personal: personal data; special: special categories (GDPR Art. 9)',
            ),
          accessMode: z
            .array(z.enum(['auto', 'required']))
            .optional()
            .describe(
              'auto: access granted at once; required: the owners approve',
            ),
          limit: z.number().int().min(1).max(50).default(20),
          cursor: z
            .string()
            .max(2000)
            .optional()
            .describe('nextCursor of the previous answer, for the next page'),
        }),
      output: z =>
        z.object({
          totalItems: z.number(),
          nextCursor: z.string().optional(),
          items: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string().optional(),
              description: z.string().optional(),
              owner: z.string().optional(),
              domain: z.string().optional(),
              lifecycle: z.string().optional(),
              outputPorts: z.array(
                z.object({
                  name: z.string(),
                  type: z.string().optional(),
                  description: z.string().optional(),
                  classification: z.string().optional(),
                  personalData: z.boolean(),
                  specialCategories: z.boolean(),
                  approval: z.enum(['auto', 'required']),
                  legalBasisRequired: z.boolean(),
                }),
              ),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await actionUser(deps, credentials);
      const text = input.text?.trim();
      const page = await deps.catalog.queryEntities(
        input.cursor
          ? { cursor: input.cursor, limit: input.limit }
          : {
              query: dataProductCatalogQuery({
                domain: input.domain,
                owner: input.owner,
                classification: input.classification,
                personalData: input.personalData,
                access: input.accessMode,
              }),
              fullTextFilter: text
                ? { term: text, fields: DATA_PRODUCT_TEXT_FIELDS }
                : undefined,
              orderFields: { field: 'metadata.name', order: 'asc' },
              limit: input.limit,
            },
        { credentials },
      );
      return {
        output: {
          totalItems: page.totalItems,
          nextCursor: page.pageInfo.nextCursor,
          items: page.items.filter(isDataProductEntity).map(entity => ({
            entityRef: stringifyEntityRef(entity),
            title: entity.metadata.title,
            description: entity.metadata.description,
            owner: entity.spec.owner,
            domain: entity.spec.domain,
            lifecycle: entity.spec.lifecycle,
            outputPorts: entity.spec.outputPorts.map(port => ({
              name: port.name,
              type: port.type,
              description: port.description,
              classification: port.classification,
              personalData: holdsPersonalData(port),
              specialCategories: holdsSpecialCategories(port),
              approval: port.access?.approval ?? 'required',
              legalBasisRequired: needsLegalBasis(port),
            })),
          })),
        },
      };
    },
  });
}
