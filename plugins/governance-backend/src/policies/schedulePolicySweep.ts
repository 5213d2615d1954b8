import {
  AuthService,
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { PolicyFailureStore } from '../database/PolicyFailureStore';
import { PolicyEvaluator } from './PolicyEvaluator';
import { sweepPolicyFailures } from './sweepPolicyFailures';

/** Id of the task that keeps since when products fail enforced policies. */
const POLICY_SWEEP_TASK_ID = 'governance-policy-sweep';

const defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { minutes: 1 },
};

/** Schedules the global sweep over every data product with the enforced policies. */
export async function schedulePolicySweep(options: {
  config: Config;
  scheduler: SchedulerService;
  auth: AuthService;
  catalog: CatalogService;
  policies: PolicyEvaluator;
  store: PolicyFailureStore;
  notifications: NotificationService;
  logger: LoggerService;
}) {
  const { config, auth } = options;
  const notifying =
    config.getOptionalBoolean('governance.notifications.enabled') ?? true;
  await options.scheduler.scheduleTask({
    id: POLICY_SWEEP_TASK_ID,
    scope: 'global',
    ...(config.has('governance.policies.sweepSchedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('governance.policies.sweepSchedule'),
        )
      : defaultSchedule),
    fn: async () => {
      await sweepPolicyFailures({
        policies: options.policies,
        store: options.store,
        catalog: options.catalog,
        // Every product, whoever may see it: owners are told of their own.
        credentials: await auth.getOwnServiceCredentials(),
        ...(notifying && { notifications: options.notifications }),
        logger: options.logger,
        now: Date.now,
      });
    },
  });
}
