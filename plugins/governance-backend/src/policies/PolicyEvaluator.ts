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
} from '@datamesh-governance/plugin-governance-common';
import {
  PolicyCheck,
  PolicyCheckParams,
} from '@datamesh-governance/plugin-governance-node';
import { AdrRepository } from '../adrs/AdrRepository';

/** A check with the ADRs that introduce it and the parameters they decided. */
type BoundCheck = {
  check: PolicyCheck;
  definition: PolicyDefinition;
  adrs: PolicyAdrRef[];
  params: PolicyCheckParams;
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
   * caller may see; with `adr`, only the policies it names.
   */
  async compliance(options: {
    adr?: Adr;
    credentials: BackstageCredentials;
  }): Promise<PolicyCompliance[]> {
    let bound = await this.bind();
    if (options.adr) {
      const named = new Set(options.adr.policies.map(p => p.id));
      bound = bound.filter(b => named.has(b.definition.id));
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
    const bound = await this.bind();
    return bound
      .filter(b => b.check.appliesTo(entity))
      .map(b => ({ ...run(b, entity), policy: b.definition, adrs: b.adrs }));
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
      };
    });
  }
}

/**
 * The forum's ADRs naming the policy, the one whose parameters apply first:
 * accepted ones before others, newer before older. A team's ADRs never
 * count, whatever they say (the repository already drops their policies).
 */
function introducingAdrs(adrs: Adr[], policyId: string): Adr[] {
  return adrs
    .filter(a => a.trust === 'forum' && a.policies.some(p => p.id === policyId))
    .sort(
      (a, b) =>
        Number(b.status === 'accepted') - Number(a.status === 'accepted') ||
        (b.date ?? '').localeCompare(a.date ?? ''),
    );
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
