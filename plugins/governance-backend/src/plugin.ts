import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { governancePermissions } from '@datamesh-governance/plugin-governance-common';
import {
  PolicyCheck,
  governancePolicyChecksExtensionPoint,
} from '@datamesh-governance/plugin-governance-node';
import { registerGovernanceActions } from './actions';
import { AdrRepository } from './adrs/AdrRepository';
import { sourcesFromConfig } from './adrs/sources/configSources';
import { sourcesFromCatalog } from './adrs/sources/entitySources';
import { AdrStatusStore } from './database/AdrStatusStore';
import { applyMigrations } from './database/migrations';
import { OpinionStore } from './database/OpinionStore';
import { PolicyFailureStore } from './database/PolicyFailureStore';
import { scheduleForumNotices } from './notices/scheduleForumNotices';
import { AdrStatusRecorder } from './decisions/AdrStatusRecorder';
import { builtInPolicyChecks } from './policies/builtin';
import { PolicyEvaluator } from './policies/PolicyEvaluator';
import { schedulePolicySweep } from './policies/schedulePolicySweep';
import { createProblemService } from './problems/ProblemService';
import { ProblemStore } from './problems/ProblemStore';
import { createRouter } from './router';
import { createGovernanceService } from './service/createGovernanceService';

/** Id of the scheduled task that re-reads every ADR source. */
export const ADR_REFRESH_TASK_ID = 'governance-adr-refresh';

// No initialDelay: the first read runs as the backend starts.
const defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
};

/**
 * Governance: ADRs read from repositories and the catalog, opinions on
 * proposed ones, and policy checks on data products.
 * @public
 */
export const governancePlugin = createBackendPlugin({
  pluginId: 'governance',
  register(env) {
    const checks: PolicyCheck[] = [];
    env.registerExtensionPoint(governancePolicyChecksExtensionPoint, {
      addPolicyCheck: check => checks.push(check),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { config, logger, urlReader, catalog, auth } = deps;
        deps.permissionsRegistry.addPermissions(governancePermissions);
        const integrations = ScmIntegrations.fromConfig(config);
        const configured = sourcesFromConfig(config, urlReader, integrations);
        const configuredIds = new Set(configured.map(s => s.id));
        if (!configured.some(source => source.trust === 'forum')) {
          logger.warn(
            'No ADR location in governance.adrs.locations has forum: true, so no ADR introduces or parameterises a policy',
          );
        }

        const adrs = new AdrRepository(async () => {
          const fromCatalog = await sourcesFromCatalog({
            catalog,
            auth,
            reader: urlReader,
            integrations,
          }).catch(error => {
            logger.warn(
              `Could not list entities with ADR locations, reading configured locations only: ${error}`,
            );
            return [];
          });
          return [
            ...configured,
            ...fromCatalog.filter(s => !configuredIds.has(s.id)),
          ];
        }, logger);

        const knex = await applyMigrations(deps.database);
        const failures = new PolicyFailureStore(knex);
        // Built-ins are registered like any module's checks, and first.
        const policies = new PolicyEvaluator(
          [...builtInPolicyChecks, ...checks],
          adrs,
          catalog,
          failures,
        );

        const statuses = new AdrStatusStore(knex);
        const statusRecorder = new AdrStatusRecorder(statuses, deps.auditor);

        // Each replica keeps its own copy in memory, so the task is local;
        // the status changes it sees are recorded once across replicas.
        await deps.scheduler.scheduleTask({
          id: ADR_REFRESH_TASK_ID,
          scope: 'local',
          ...(config.has('governance.adrs.schedule')
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                config.getConfig('governance.adrs.schedule'),
              )
            : defaultSchedule),
          fn: async () => {
            const seenAt = Date.now();
            await adrs.refresh();
            await statusRecorder.record(await adrs.index(), seenAt);
          },
        });

        // The forum told of proposals and due dates, proposers of new
        // opinions, owners of enforced policies their products fail.
        const notices = { config, scheduler: deps.scheduler, logger };
        const notifications = deps.notifications;
        await scheduleForumNotices({ ...notices, knex, adrs, notifications });
        await schedulePolicySweep({
          ...notices,
          auth,
          catalog,
          policies,
          store: failures,
          notifications,
        });

        const service = createGovernanceService({
          adrs,
          opinions: new OpinionStore(knex),
          statuses,
          policies,
          permissions: deps.permissions,
        });
        // Migrated above: the governance store applies every migration.
        const problems = createProblemService({
          store: new ProblemStore(await deps.database.getClient()),
          adrs,
          permissions: deps.permissions,
        });
        // What an AI assistant may read; opinions stay with people.
        registerGovernanceActions(deps.actionsRegistry, { auth, service });
        deps.httpRouter.use(
          await createRouter({
            service,
            problems,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );
      },
    });
  },
});
