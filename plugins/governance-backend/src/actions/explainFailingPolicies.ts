import { AuthService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { GovernanceService } from '../service/GovernanceService';
import { actionUser } from './actionUser';

/** `explain-failing-policies`: which policy checks a data product fails, and the fix. */
export function registerExplainFailingPolicies(
  registry: ActionsRegistryService,
  deps: { auth: AuthService; service: GovernanceService },
) {
  registry.register({
    name: 'explain-failing-policies',
    title: "Explain a data product's failing policies",
    description: `Runs the governance policy checks on one data product, as the signed-in person sees it in the catalog, and explains each check it fails: what the policy asks, what is wrong with this product and how to fix it (fix names the fields of catalog-info.yaml to change), and the ADRs that decided the policy.
enforced is true when an accepted ADR introduces the policy; otherwise the product would fail it only if a proposed ADR is accepted.
A product the person may not see is not found.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .max(255)
            .regex(/^([a-zA-Z0-9_-]+:)?([a-zA-Z0-9_.-]+\/)?[a-zA-Z0-9_.-]+$/, {
              message: 'must be an entity ref like dataproduct:default/name',
            })
            .describe(
              'The data product, e.g. "dataproduct:default/unemployment-history" or just its name',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          checked: z.number().describe('How many policy checks apply to it'),
          passed: z.number(),
          failing: z.array(
            z.object({
              policyId: z.string(),
              title: z.string(),
              policy: z
                .string()
                .describe('What the policy asks of every product'),
              fix: z.string().describe('What is wrong here and how to fix it'),
              enforced: z.boolean(),
              adrs: z.array(
                z.object({
                  id: z.string(),
                  title: z.string(),
                  status: z.string(),
                }),
              ),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const user = actionUser(deps.auth, credentials);
      const checks = await deps.service.getEntityChecks(input.entityRef, {
        credentials: user,
      });
      const failing = checks.filter(check => !check.passed);
      return {
        output: {
          entityRef: checks[0]?.entityRef ?? input.entityRef,
          checked: checks.length,
          passed: checks.length - failing.length,
          failing: failing.map(check => ({
            policyId: check.policyId,
            title: check.policy.title,
            policy: check.policy.description,
            fix: check.message ?? 'does not comply',
            enforced: check.enforcement === 'enforced',
            adrs: check.adrs,
          })),
        },
      };
    },
  });
}
