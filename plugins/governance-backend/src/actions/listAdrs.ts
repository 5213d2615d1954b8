import { AuthService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { GovernanceService } from '../service/GovernanceService';
import { actionUser } from './actionUser';

const STATUSES = [
  'proposed',
  'accepted',
  'rejected',
  'deprecated',
  'superseded',
  'unknown',
] as const;

/** `list-adrs`: the forum's and teams' decisions, by status. */
export function registerListAdrs(
  registry: ActionsRegistryService,
  deps: { auth: AuthService; service: GovernanceService },
) {
  registry.register({
    name: 'list-adrs',
    title: 'List governance decisions (ADRs)',
    description: `Lists the architecture decision records (ADRs) of the data mesh governance: the ground rules the forum decided, proposed, rejected or superseded, and teams' own decisions.
Filter by status, e.g. ["proposed"] for the ones still open to opinions (people give their opinion in the portal's Governance page, not through an assistant), or by words in the title.
Only ADRs of trust "forum" can introduce policies; policies lists the policy checks an ADR introduces, with the parameters it decided. url points to the file.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          status: z
            .array(z.enum(STATUSES))
            .optional()
            .describe('Only ADRs with one of these statuses'),
          text: z
            .string()
            .max(200)
            .optional()
            .describe('Words the title must contain'),
          limit: z.number().int().min(1).max(200).default(50),
        }),
      output: z =>
        z.object({
          total: z.number().describe('How many ADRs match, before limit'),
          items: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              status: z.string(),
              date: z.string().optional(),
              trust: z.string(),
              deciders: z.array(z.string()).optional(),
              policies: z.array(
                z.object({
                  id: z.string(),
                  params: z
                    .record(z.union([z.string(), z.number(), z.boolean()]))
                    .optional(),
                }),
              ),
              url: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      actionUser(deps.auth, credentials);
      const { items } = await deps.service.listAdrs();
      const words = input.text?.trim().toLocaleLowerCase('en-US');
      const matching = items.filter(
        adr =>
          (!input.status?.length || input.status.includes(adr.status)) &&
          (!words || adr.title.toLocaleLowerCase('en-US').includes(words)),
      );
      return {
        output: {
          total: matching.length,
          items: matching.slice(0, input.limit).map(adr => ({
            id: adr.id,
            title: adr.title,
            status: adr.status,
            date: adr.date,
            trust: adr.trust,
            deciders: adr.deciders,
            policies: adr.policies,
            url: adr.url,
          })),
        },
      };
    },
  });
}
