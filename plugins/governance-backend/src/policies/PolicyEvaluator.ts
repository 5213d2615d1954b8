import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DATA_PRODUCT_KIND } from '@datamesh-governance/plugin-data-products-common';
import {
  Adr,
  EntityCheck,
  PolicyAdrRef,
  PolicyCheckResult,
  PolicyCompliance,
  PolicyDefinition,
  PolicyEnforcement,
} from '@datamesh-governance/plugin-governance-common';
import {
  PolicyCheck,
  PolicyCheckParams,
} from '@datamesh-governance/plugin-governance-node';
import { AdrRepository } from '../adrs/AdrRepository';
import type { PolicyFailureStore } from '../database/PolicyFailureStore';

/** A check with the ADRs that introduce it and the parameters they decided. */
type BoundCheck = {
  check: PolicyCheck;
  definition: PolicyDefinition;
  adrs: PolicyAdrRef[];
  params: PolicyCheckParams;
  enforcement: PolicyEnforcement;
};

/** A failing result of an enforced policy, for the sweep that tracks and tells owners. */
export type EnforcedFailure = {
  policy: PolicyDefinition;
  adrs: PolicyAdrRef[];
  result: PolicyCheckResult;
};

/**
 * Runs the registered policy checks on catalog entities, with the
 * parameters of the ADR that introduces each policy. Computed per request:
 * one catalog query and (products × checks) pure function calls. The catalog
 * is read with the caller's credentials, so an entity the caller may not see
 * is neither counted nor listed.
 */
export class PolicyEvaluator {
  private readonly checks: PolicyCheck[];

  constructor(
    checks: PolicyCheck[],
    private readonly adrs: AdrRepository,
    private readonly catalog: CatalogService,
    /** Since when products fail enforced policies, when the sweep runs. */
    private readonly failures?: PolicyFailureStore,
  ) {
    const ids = new Set<string>();
    for (const check of checks) {
      if (ids.has(check.id)) {
        throw new Error(`Two policy checks have the id "${check.id}"`);
      }
      ids.add(check.id);
    }
    this.checks = checks;
  }

  /**
   * Each policy with its ADRs and compliance over the DataProducts the
   * caller may see; with `adr`, only the policies it names, and for a
   * forum's proposed ADR with its parameters, as "would fail if accepted".
   */
  async compliance(options: {
    adr?: Adr;
    credentials: BackstageCredentials;
  }): Promise<PolicyCompliance[]> {
    let bound = await this.bind();
    const { adr } = options;
    if (adr) {
      const named = new Map(adr.policies.map(p => [p.id, p.params ?? {}]));
      bound = bound.flatMap(b => {
        if (!named.has(b.definition.id)) return [];
        return adr.trust === 'forum' && adr.status === 'proposed'
          ? [
              {
                ...b,
                params: named.get(b.definition.id)!,
                enforcement: 'proposed' as const,
              },
            ]
          : [b];
      });
    }
    const { items: products } = await this.catalog.getEntities(
      { filter: { kind: DATA_PRODUCT_KIND } },
      { credentials: options.credentials },
    );
    return bound.map(b => {
      const results = products.flatMap(entity =>
        b.check.appliesTo(entity) ? [{ entity, result: run(b, entity) }] : [],
      );
      const failing = results.filter(r => !r.result.passed);
      return {
        ...b.definition,
        adrs: b.adrs,
        enforcement: b.enforcement,
        total: results.length,
        compliant: results.length - failing.length,
        failing: failing.map(({ entity, result }) => ({
          entityRef: result.entityRef,
          ...(entity.metadata.title && { title: entity.metadata.title }),
          message: result.message ?? 'does not comply',
        })),
      };
    });
  }

  /** The checks that apply to one entity, passed or not; 404 when the caller may not see it. */
  async entityChecks(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityCheck[]> {
    const ref = normalizeRef(entityRef);
    const entity = await this.catalog.getEntityByRef(ref, {
      credentials: options.credentials,
    });
    if (!entity) throw new NotFoundError(`No entity ${ref} in the catalog`);
    const [bound, since] = await Promise.all([
      this.bind(),
      this.failures?.failingSince(stringifyEntityRef(entity)),
    ]);
    return bound
      .filter(b => b.check.appliesTo(entity))
      .map(b => {
        const result = run(b, entity);
        const failingSince =
          b.enforcement === 'enforced' && !result.passed
            ? since?.get(b.definition.id)
            : undefined;
        return {
          ...result,
          policy: b.definition,
          adrs: b.adrs,
          enforcement: b.enforcement,
          ...(failingSince !== undefined && {
            failingSince: new Date(failingSince).toISOString(),
          }),
        };
      });
  }

  /**
   * Binds the enforced policies once and returns a function that runs them
   * on an entity, giving its failures: for a sweep over many products.
   */
  async enforcedChecker(): Promise<(entity: Entity) => EnforcedFailure[]> {
    const enforced = (await this.bind()).filter(
      b => b.enforcement === 'enforced',
    );
    return entity =>
      enforced.flatMap(b => {
        if (!b.check.appliesTo(entity)) return [];
        const result = run(b, entity);
        return result.passed
          ? []
          : [{ policy: b.definition, adrs: b.adrs, result }];
      });
  }

  private async bind(): Promise<BoundCheck[]> {
    const { items } = await this.adrs.index();
    return this.checks.map(check => {
      const introducing = introducingAdrs(items, check.id);
      return {
        check,
        definition: {
          id: check.id,
          title: check.title,
          description: check.description,
          ...(check.parameters?.length && { parameters: check.parameters }),
        },
        adrs: introducing.map(a => ({
          id: a.id,
          title: a.title,
          status: a.status,
        })),
        params:
          introducing[0]?.policies.find(p => p.id === check.id)?.params ?? {},
        enforcement: enforcementOf(introducing),
      };
    });
  }
}

/** Enforced once the forum accepted it; proposed while it only proposes it. */
function enforcementOf(introducing: Adr[]): PolicyEnforcement {
  if (introducing.some(a => a.status === 'accepted')) return 'enforced';
  if (introducing.some(a => a.status === 'proposed')) return 'proposed';
  return 'not-decided';
}

/**
 * The forum's ADRs naming the policy, the one whose parameters apply first:
 * accepted ones, then proposed ones, then others, newer before older. A team's ADRs never
 * count, whatever they say (the repository already drops their policies).
 */
function introducingAdrs(adrs: Adr[], policyId: string): Adr[] {
  return adrs
    .filter(a => a.trust === 'forum' && a.policies.some(p => p.id === policyId))
    .sort(
      (a, b) => rank(a) - rank(b) || (b.date ?? '').localeCompare(a.date ?? ''),
    );
}

/** Whose parameters apply first: accepted, then proposed, then the rest. */
function rank(adr: Adr): number {
  const order: string[] = ['accepted', 'proposed'];
  const index = order.indexOf(adr.status);
  return index === -1 ? order.length : index;
}

function run(bound: BoundCheck, entity: Entity): PolicyCheckResult {
  const entityRef = stringifyEntityRef(entity);
  try {
    const outcome = bound.check.check(entity, bound.params);
    return {
      policyId: bound.definition.id,
      entityRef,
      passed: outcome.passed,
      ...(outcome.message && { message: outcome.message }),
    };
  } catch (error) {
    // A faulty check fails its own result, not the whole list.
    return {
      policyId: bound.definition.id,
      entityRef,
      passed: false,
      message: `The check could not run: ${(error as Error)?.message ?? error}`,
    };
  }
}

function normalizeRef(entityRef: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(entityRef, {
        defaultKind: DATA_PRODUCT_KIND,
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch (error) {
    throw new InputError(
      `entityRef "${entityRef}" is not an entity ref: ${
        (error as Error).message
      }`,
    );
  }
}
