import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import { dataProductsPermissions } from '@datamesh-governance/plugin-data-products-common';
import {
  AccessProvisioner,
  accessProvisionerExtensionPoint,
  accessRequestResourceRef,
  accessRequestRules,
  LegalBasisRegistry,
  legalBasisRegistryExtensionPoint,
} from '@datamesh-governance/plugin-data-products-node';
import {
  AccessRequestStore,
  SYSTEM_ACTOR,
} from './database/AccessRequestStore';
import { applyMigrations } from './database/migrations';
import { AccessMetricsStore } from './database/AccessMetricsStore';
import { PersonalDataReportStore } from './database/PersonalDataReportStore';
import { InsightsProducts } from './insights/InsightsProducts';
import { accessRequestMetrics } from './telemetry/accessRequestMetrics';
import { writeDemoHistory } from './demo/demoHistory';
import { ConfigLegalBasisRegistry } from './registers/ConfigLegalBasisRegistry';
import { LegalBasisRegistries } from './registers/LegalBasisRegistries';
import { createRouter } from './router';
import { registerDataProductsActions } from './actions';
import { AccessRequestService } from './service/AccessRequestService';
import { DataProductCatalog } from './service/DataProductCatalog';
import { refreshDeciders } from './service/refreshDeciders';
import { AccessRequestChanges } from './service/changes';
import { ProvisioningJobs } from './provisioning/ProvisioningJobs';
import { ProvisioningWorker } from './provisioning/ProvisioningWorker';
import { refreshLineage } from './service/refreshLineage';
import { BackgroundEffects } from './service/BackgroundEffects';
import {
  endingSoonWindowMs,
  sweepEndingSoon,
} from './notifications/endingSoon';
import { notifyChanges } from './notifications/notifyChanges';
import { signalChanges } from './notifications/signalChanges';

/**
 * Access requests to data products: legal basis from a register of
 * processing activities, owner decisions, grants and an append-only audit.
 * @public
 */
export const dataProductsPlugin = createBackendPlugin({
  pluginId: 'data-products',
  register(env) {
    const addedRegistries: LegalBasisRegistry[] = [];
    env.registerExtensionPoint(legalBasisRegistryExtensionPoint, {
      addRegistry: registry => addedRegistries.push(registry),
    });
    // The provisioning worker applies grants through these, by server type.
    const provisioners: AccessProvisioner[] = [];
    env.registerExtensionPoint(accessProvisionerExtensionPoint, {
      addProvisioner: provisioner => provisioners.push(provisioner),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger, database, permissionsRegistry } = deps;
        const db = await applyMigrations(database);
        const store = new AccessRequestStore(db, Date.now, {
          preparedStatements: config.getOptionalBoolean(
            'dataProducts.database.preparedStatements',
          ),
        });
        const registries = new LegalBasisRegistries(
          [
            await ConfigLegalBasisRegistry.fromConfig(config),
            ...addedRegistries,
          ],
          logger,
        );
        // Months of past requests for the demo's charts; never in production.
        if (
          config.getOptionalBoolean('dataProducts.demo.history') &&
          config.getOptionalString('auth.environment') !== 'production'
        ) {
          await writeDemoHistory({ db, registries, logger }).catch(error =>
            logger.warn(`Demo history: not written: ${error}`),
          );
        }
        const catalog = new DataProductCatalog(deps.catalog, deps.auth);
        // Listeners (notifications, signals, lineage) are added below.
        const changes = new AccessRequestChanges(logger);
        // Decisions tell the listeners after answering; shutdown waits for them.
        const effects = new BackgroundEffects(logger);
        deps.lifecycle.addShutdownHook(() => effects.settled());
        // Lineage: the catalog draws grants as relations; refresh both ends.
        changes.listen(refreshLineage(deps.catalog, deps.auth));
        const service = new AccessRequestService(store, catalog, registries, {
          maxDuration: config.getOptionalString(
            'dataProducts.access.maxDuration',
          ),
          changes,
        });
        // People are told: notifications (unless switched off) and a signal
        // that refreshes badges and lists.
        const notifying =
          config.getOptionalBoolean('dataProducts.notifications.enabled') ??
          true;
        if (notifying) changes.listen(notifyChanges(deps.notifications, store));
        changes.listen(signalChanges(deps.signals, store));
        // OpenTelemetry counters, histogram and gauge (see the README).
        const metricsStore = new AccessMetricsStore(db);
        changes.listen(
          accessRequestMetrics({ countOpen: () => metricsStore.countOpen() }),
        );

        permissionsRegistry.addResourceType({
          resourceRef: accessRequestResourceRef,
          permissions: dataProductsPermissions,
          rules: accessRequestRules,
          getResources: async ids => {
            const found = await store.getManyWithDeciders(ids);
            return ids.map(id => {
              const entry = found.get(id);
              return (
                entry && { ...entry.request, deciderRefs: entry.deciderRefs }
              );
            });
          },
        });

        // Expiry is also evaluated at read time; this keeps stored rows honest.
        await deps.scheduler.scheduleTask({
          id: 'data-products-expire-access',
          frequency: { minutes: 10 },
          timeout: { minutes: 5 },
          initialDelay: { minutes: 1 },
          scope: 'global',
          fn: async () => {
            // Listeners hear of expiry too: badges, lineage, notices.
            const expired = await store.expireDue(500, request =>
              changes.tell({ kind: 'expire', request, actorRef: SYSTEM_ACTOR }),
            );
            if (expired > 0)
              logger.info(`Marked ${expired} access requests expired`);
          },
        });

        // Every replica works the outbox; claiming keeps a job to one worker.
        const worker = new ProvisioningWorker({
          store,
          jobs: new ProvisioningJobs(db),
          catalog,
          provisioners,
          logger,
          auditor: deps.auditor,
          changes,
        });
        await deps.scheduler.scheduleTask({
          id: 'data-products-provision-access',
          frequency: { seconds: 10 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 10 },
          scope: 'local',
          fn: async () => {
            const done = await worker.runOnce();
            if (Object.values(done).some(n => n > 0)) {
              logger.info(`Provisioning: ${JSON.stringify(done)}`);
            }
          },
        });

        // Owners and approvers change in the catalog; open requests follow.
        await deps.scheduler.scheduleTask({
          id: 'data-products-refresh-deciders',
          frequency: { minutes: 5 },
          timeout: { minutes: 5 },
          initialDelay: { minutes: 1 },
          scope: 'global',
          fn: () => refreshDeciders(store, catalog),
        });

        // Grants that end soon are told once to requester and deciders.
        const endingSoonWindow = endingSoonWindowMs(
          config.getOptionalString(
            'dataProducts.notifications.endingSoonWindow',
          ),
        );
        if (notifying) {
          await deps.scheduler.scheduleTask({
            id: 'data-products-notify-ending-soon',
            frequency: { hours: 1 },
            timeout: { minutes: 10 },
            initialDelay: { minutes: 2 },
            scope: 'global',
            fn: async () => {
              const told = await sweepEndingSoon({
                db,
                store,
                notifications: deps.notifications,
                windowMs: endingSoonWindow,
                logger,
              });
              if (told > 0) logger.info(`Told of ${told} grants ending soon`);
            },
          });
        }

        const ruleset = permissionsRegistry.getPermissionRuleset(
          accessRequestResourceRef,
        );
        const toCriteria = createConditionTransformer(ruleset);
        // What an AI assistant may do for a person; nothing that decides.
        registerDataProductsActions(deps.actionsRegistry, {
          auth: deps.auth,
          userInfo: deps.userInfo,
          catalog: deps.catalog,
          service,
          registries,
          permissions: deps.permissions,
          auditor: deps.auditor,
          toCriteria,
        });

        deps.httpRouter.use(
          createRouter({
            service,
            registries,
            httpAuth: deps.httpAuth,
            userInfo: deps.userInfo,
            permissions: deps.permissions,
            auditor: deps.auditor,
            logger,
            insights: {
              metrics: metricsStore,
              report: new PersonalDataReportStore(db),
              products: new InsightsProducts(deps.catalog),
            },
            toCriteria,
            conditionsAllow: createConditionAuthorizer(ruleset),
            effects,
          }),
        );
      },
    });
  },
});
