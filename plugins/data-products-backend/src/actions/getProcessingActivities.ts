import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { actionUser } from './actionUser';
import { ActionDeps } from './types';

/** `get-processing-activities`: the registers of processing activities (GDPR Art. 30). */
export function registerGetProcessingActivities(
  registry: ActionsRegistryService,
  deps: ActionDeps,
) {
  registry.register({
    name: 'get-processing-activities',
    title: 'Look up processing activities',
    description: `Looks up processing activities in the registers of processing activities (GDPR Art. 30), the legal bases an access request to personal data must name.
Search by words or by the number people know an activity by (e.g. "B123"), or give registerId and activityId for one activity.
An activity is in force when its status is COMPLETED and today lies between validFrom and validTo; special categories of personal data (GDPR Art. 9) also need an art9Basis.
Pass the chosen activity's registerId and id as legalBasis to request-access.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          text: z
            .string()
            .max(200)
            .optional()
            .describe(
              'Words or an activity number, e.g. "young unemployed" or "B123"',
            ),
          registerId: z.string().max(255).optional(),
          activityId: z
            .string()
            .max(255)
            .optional()
            .describe('With registerId: the one activity'),
        }),
      output: z =>
        z.object({
          items: z.array(
            z
              .object({
                registerId: z.string(),
                id: z.string(),
                number: z.string(),
                name: z.string(),
                purposes: z.array(z.string()),
                status: z.string(),
                art6Basis: z.string().optional(),
                art9Basis: z.string().optional(),
                validFrom: z.string().optional(),
                validTo: z.string().optional(),
              })
              .passthrough(),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await actionUser(deps, credentials);
      if (input.registerId && input.activityId) {
        return {
          output: {
            items: [
              await deps.registries.get(input.registerId, input.activityId),
            ],
          },
        };
      }
      const text = input.text?.trim();
      if (!text) {
        throw new InputError(
          'Give text to search for, or registerId and activityId for one activity',
        );
      }
      return { output: { items: await deps.registries.search(text) } };
    },
  });
}
