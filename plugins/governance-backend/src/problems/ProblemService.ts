import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  governanceProblemCreatePermission,
  governanceProblemManagePermission,
  Problem,
  ProblemEvent,
  ProblemInput,
  ProblemPage,
  ProblemStatus,
} from '@datamesh-governance/plugin-governance-common';
import { AdrRepository } from '../adrs/AdrRepository';
import { RequestInputError } from '../router/RequestInputError';
import { ProblemStore, StoredProblem } from './ProblemStore';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/** A change and whether it changed anything (a second support does not). */
type ProblemOutcome = { problem: Problem; changed: boolean };

/**
 * Raised problems behind the REST API: who may raise, support, link and
 * close them, and the current status of the ADR a problem is linked to,
 * read from the ADR repository (not a copy). Errors are `@backstage/errors`.
 */
export interface ProblemService {
  list(
    query: { status: ProblemStatus; limit: number; cursor?: string },
    viewer?: string,
  ): Promise<ProblemPage>;
  /** @throws NotFoundError */
  get(problemId: string, viewer?: string): Promise<Problem>;
  history(problemId: string): Promise<ProblemEvent[]>;
  /** @throws NotAllowedError without `governance.problem.create` */
  raise(input: ProblemInput, credentials: UserCredentials): Promise<Problem>;
  /** @throws NotAllowedError without `governance.problem.create`; ConflictError once closed */
  support(
    problemId: string,
    credentials: UserCredentials,
  ): Promise<ProblemOutcome>;
  withdrawSupport(
    problemId: string,
    credentials: UserCredentials,
  ): Promise<ProblemOutcome>;
  /** @throws NotAllowedError without `governance.problem.manage`; a 400 for an unknown ADR */
  linkAdr(
    problemId: string,
    adrId: string | null,
    credentials: UserCredentials,
  ): Promise<ProblemOutcome>;
  /** @throws NotAllowedError without `governance.problem.manage`; ConflictError when closed */
  close(
    problemId: string,
    reason: string,
    credentials: UserCredentials,
  ): Promise<Problem>;
}

export function createProblemService(options: {
  store: ProblemStore;
  adrs: AdrRepository;
  permissions: PermissionsService;
}): ProblemService {
  const { store, adrs, permissions } = options;

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

  /** The linked ADR as the repository knows it now: its status is never a copy. */
  async function withAdr(
    problem: StoredProblem,
    supportedByMe: boolean,
  ): Promise<Problem> {
    const { adrId, ...rest } = problem;
    if (!adrId) return { ...rest, supportedByMe };
    const adr = await adrs.get(adrId);
    return {
      ...rest,
      supportedByMe,
      adr: adr
        ? { id: adr.id, title: adr.title, status: adr.status, found: true }
        : { id: adrId, title: adrId, status: 'unknown', found: false },
    };
  }

  async function present(problem: StoredProblem, viewer?: string) {
    const mine = viewer
      ? await store.supportedBy(viewer, [problem.id])
      : new Set<string>();
    return withAdr(problem, mine.has(problem.id));
  }

  async function problemOr404(problemId: string): Promise<StoredProblem> {
    const problem = await store.get(problemId.toLowerCase());
    if (!problem) throw new NotFoundError(`No problem ${problemId}`);
    return problem;
  }

  async function changed(
    change: { problem: StoredProblem; changed: boolean },
    viewer: string,
  ): Promise<ProblemOutcome> {
    return {
      problem: await present(change.problem, viewer),
      changed: change.changed,
    };
  }

  return {
    async list(query, viewer) {
      const page = await store.page(query);
      const mine = viewer
        ? await store.supportedBy(
            viewer,
            page.items.map(p => p.id),
          )
        : new Set<string>();
      return {
        items: await Promise.all(
          page.items.map(p => withAdr(p, mine.has(p.id))),
        ),
        ...(page.nextCursor && { nextCursor: page.nextCursor }),
      };
    },

    async get(problemId, viewer) {
      return present(await problemOr404(problemId), viewer);
    },

    async history(problemId) {
      const problem = await problemOr404(problemId);
      return store.history(problem.id);
    },

    async raise(input, credentials) {
      await authorize(
        governanceProblemCreatePermission,
        credentials,
        'raise problems',
      );
      const refs = [
        ...new Set(input.entityRefs.map(ref => ref.toLocaleLowerCase('en-US'))),
      ];
      const problem = await store.raise(
        { ...input, entityRefs: refs },
        credentials.principal.userEntityRef,
      );
      return withAdr(problem, false);
    },

    async support(problemId, credentials) {
      await authorize(
        governanceProblemCreatePermission,
        credentials,
        'support problems',
      );
      const me = credentials.principal.userEntityRef;
      const { id } = await problemOr404(problemId);
      return changed(await store.support(id, me), me);
    },

    async withdrawSupport(problemId, credentials) {
      await authorize(
        governanceProblemCreatePermission,
        credentials,
        'support problems',
      );
      const me = credentials.principal.userEntityRef;
      const { id } = await problemOr404(problemId);
      return changed(await store.withdrawSupport(id, me), me);
    },

    async linkAdr(problemId, adrId, credentials) {
      await authorize(
        governanceProblemManagePermission,
        credentials,
        'link problems to ADRs',
      );
      const me = credentials.principal.userEntityRef;
      const { id } = await problemOr404(problemId);
      if (adrId !== null && !(await adrs.get(adrId))) {
        throw new RequestInputError([
          { path: '/body/adrId', message: `no ADR ${adrId} is known` },
        ]);
      }
      return changed(await store.linkAdr(id, adrId, me), me);
    },

    async close(problemId, reason, credentials) {
      await authorize(
        governanceProblemManagePermission,
        credentials,
        'close problems',
      );
      const me = credentials.principal.userEntityRef;
      const { id } = await problemOr404(problemId);
      return present(await store.close(id, reason, me), me);
    },
  };
}
