import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { fileRequest } from '../router/fileRequest';
import { actionUser } from './actionUser';
import { accessRequestOutput } from './requestOutput';
import { ActionDeps } from './types';

/**
 * `request-access`: files an access request for the person, through the
 * same checks, field errors and auditor event as the form. The input is
 * only typed here; the rules are the form's (createAccessRequestSchema and
 * the service), so an assistant reads the very message the form shows.
 */
export function registerRequestAccess(
  registry: ActionsRegistryService,
  deps: ActionDeps,
) {
  registry.register({
    name: 'request-access',
    title: 'Request access to a data product',
    description: `Asks for access to an output port of a data product on behalf of the signed-in person, exactly as the request form does; the request records that an assistant filed it.
Confirm purpose, end date, legal basis and the port's terms with the person before calling: the request is theirs, it is audited, and the product's owners read it.
Ports with personal data need legalBasis: a processing activity in force (find it with get-processing-activities); special categories need one with an Art. 9 basis.
endsAt may not be later than the port's access.maxDuration allows. Ports with approval "auto" are granted at once; otherwise the owners decide.
A refused request answers with an error saying which field is wrong and why; fix that field and ask again. Asking again for the same access while a request is open is refused.`,
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'The data product, e.g. "dataproduct:default/benefit-decisions"',
            ),
          outputPort: z.string().describe('Name of the output port'),
          purpose: z
            .string()
            .describe('What the data will be used for, in a sentence or more'),
          endsAt: z
            .string()
            .describe(
              'When access should end, ISO 8601, e.g. "2027-03-31T00:00:00Z"',
            ),
          legalBasis: z
            .object({
              registerId: z.string(),
              activityId: z.string(),
            })
            .optional()
            .describe('The processing activity, for ports with personal data'),
          subjectRef: z
            .string()
            .optional()
            .describe(
              'Who gets access if not the person: a group they belong to or a component they own',
            ),
          acceptTerms: z
            .boolean()
            .describe(
              "The person accepts the port's terms of use; must be true",
            ),
        }),
      output: z => z.object({ request: accessRequestOutput(z) }),
    },
    action: async ({ input, credentials }) => {
      const user = await actionUser(deps, credentials);
      const { request } = await fileRequest(deps, {
        body: input,
        ...user,
        channel: 'assistant',
      });
      return { output: { request } };
    },
  });
}
