import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  Adr,
  AdrStatusChange,
  AdrWithContent,
  governanceOpinionCreatePermission,
  governancePolicyCheckReadPermission,
  isAdrIdShaped,
  isDecidedAdrStatus,
  MAX_ADR_ID_LENGTH,
} from '@datamesh-governance/plugin-governance-common';
import { AdrRepository } from '../adrs/AdrRepository';
import { AdrStatusStore } from '../database/AdrStatusStore';
import { OpinionStore } from '../database/OpinionStore';
import { PolicyEvaluator } from '../policies/PolicyEvaluator';
import { countOpinions } from './countOpinions';
import { GovernanceService } from './GovernanceService';

/**
 * Only a proposed ADR is still open to opinions, and not once any replica has
 * recorded it decided (this replica's copy of the file may be older).
 */
export function takesOpinions(
  adr: Pick<Adr, 'status'>,
  recorded?: Pick<AdrStatusChange, 'toStatus'>,
): boolean {
  return (
    adr.status === 'proposed' &&
    !(recorded && isDecidedAdrStatus(recorded.toStatus))
  );
}

/** The governance rules over the ADR repository, the opinion store and the policy checks. */
export function createGovernanceService(options: {
  adrs: AdrRepository;
  opinions: OpinionStore;
  statuses: AdrStatusStore;
  policies: PolicyEvaluator;
  permissions: PermissionsService;
}): GovernanceService {
  const { adrs, opinions, statuses, policies, permissions } = options;

  async function adrOr404(adrId: string): Promise<AdrWithContent> {
    const adr = await adrs.get(checkAdrId(adrId));
    if (!adr) throw new NotFoundError(`No ADR ${adrId}`);
    return adr;
  }

  async function authorize(
    permission: BasicPermission,
    credentials: BackstageCredentials,
    doing: string,
  ) {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${doing} (${permission.name} is not granted to you)`,
      );
    }
  }

  return {
    listAdrs: () => adrs.index(),

    getAdr: adrOr404,

    async getOpinions(adrId) {
      const adr = await adrOr404(adrId);
      const [items, recorded] = await Promise.all([
        opinions.list(adr.id),
        statuses.latest(adr.id),
      ]);
      return {
        items,
        counts: countOpinions(items),
        open: takesOpinions(adr, recorded),
      };
    },

    async getOpinionHistory(adrId) {
      const adr = await adrOr404(adrId);
      return opinions.history(adr.id);
    },

    async getStatusHistory(adrId) {
      const adr = await adrOr404(adrId);
      const items = await statuses.history(adr.id);
      const last = items[items.length - 1];
      return last?.snapshot && isDecidedAdrStatus(last.toStatus)
        ? { items, decision: last }
        : { items };
    },

    async recordOpinion(adrId, input, { credentials }) {
      await authorize(
        governanceOpinionCreatePermission,
        credentials,
        'record opinions',
      );
      const adr = await adrOr404(adrId);
      const recorded = await statuses.latest(adr.id);
      if (!takesOpinions(adr, recorded)) {
        const status =
          recorded && isDecidedAdrStatus(recorded.toStatus)
            ? recorded.toStatus
            : adr.status;
        throw new ConflictError(
          `ADR ${adr.id} is ${status}; only proposed ADRs take opinions, so opinions on it are closed`,
        );
      }
      return opinions.record(
        adr.id,
        credentials.principal.userEntityRef,
        input,
      );
    },

    async listPolicies({ adrId, credentials }) {
      await authorize(
        governancePolicyCheckReadPermission,
        credentials,
        'read policy checks',
      );
      const adr = adrId === undefined ? undefined : await adrOr404(adrId);
      return policies.compliance({ adr, credentials });
    },

    async getEntityChecks(entityRef, { credentials }) {
      await authorize(
        governancePolicyCheckReadPermission,
        credentials,
        'read policy checks',
      );
      return policies.entityChecks(entityRef, { credentials });
    },
  };
}

/**
 * Refuses what cannot be an ADR id (NUL, slashes, over-long values) before
 * it is looked up or reaches a database column. The API's contract already
 * refuses these; the service does not rely on being called through it.
 */
function checkAdrId(adrId: string): string {
  if (!isAdrIdShaped(adrId)) {
    throw new InputError(
      `adrId must be letters, digits, ".", "_" or "-", at most ${MAX_ADR_ID_LENGTH} characters`,
    );
  }
  return adrId;
}
