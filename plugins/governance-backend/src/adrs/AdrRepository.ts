import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Adr,
  AdrIndex,
  AdrProblem,
  AdrSource,
  AdrWithContent,
} from '@datamesh-governance/plugin-governance-common';
import { ParsedAdrContent, parseAdr } from './parseAdr';
import { AdrFileSource } from './sources/types';

/** What one source gave on its last read, and whether that read worked. */
type SourceState = {
  source: AdrSource;
  adrs: AdrWithContent[];
  problems: AdrProblem[];
};

/**
 * The ADRs of every source, kept in memory between scheduled refreshes.
 * A source that fails keeps serving what it gave last and is reported with
 * `ok: false`; the others are not affected.
 */
export class AdrRepository {
  private states = new Map<string, SourceState>();
  private knownSources = new Map<string, AdrFileSource>();
  private refreshed = false;
  private firstRead?: Promise<void>;

  constructor(
    private readonly listSources: () => Promise<AdrFileSource[]>,
    private readonly logger: LoggerService,
  ) {}

  /** Reads every source again. Never throws: failures are recorded per source. */
  async refresh(): Promise<void> {
    try {
      const sources = this.reuseKnown(await this.listSources());
      const next = new Map<string, SourceState>();
      await Promise.all(
        sources.map(async source => {
          next.set(source.id, await this.read(source));
        }),
      );
      this.states = next;
    } catch (error) {
      // Listing sources failed (e.g. the catalog is down): keep everything.
      this.logger.warn(`Could not list ADR sources: ${error}`);
    } finally {
      this.refreshed = true;
    }
  }

  /**
   * Before the scheduled task's first run has finished (or when the schedule
   * delays it), the first request reads the sources itself.
   */
  private async loaded(): Promise<void> {
    if (!this.refreshed) {
      this.firstRead ??= this.refresh();
      await this.firstRead;
    }
  }

  /** All ADRs (without bodies), sources and problems. */
  async index(): Promise<AdrIndex> {
    await this.loaded();
    const states = [...this.states.values()].sort((a, b) =>
      a.source.id.localeCompare(b.source.id),
    );
    return {
      items: states.flatMap(s =>
        [...s.adrs]
          .sort((a, b) => a.fileName.localeCompare(b.fileName))
          .map(withoutBody),
      ),
      sources: states.map(s => s.source),
      problems: states.flatMap(s => s.problems),
    };
  }

  async get(adrId: string): Promise<AdrWithContent | undefined> {
    await this.loaded();
    for (const state of this.states.values()) {
      const adr = state.adrs.find(a => a.id === adrId);
      if (adr) return adr;
    }
    return undefined;
  }

  private async read(source: AdrFileSource): Promise<SourceState> {
    const described: AdrSource = {
      id: source.id,
      kind: source.kind,
      trust: source.trust,
      target: source.target,
      ...(source.entityRef && { entityRef: source.entityRef }),
      ok: true,
    };
    try {
      const files = await source.readFiles();
      const adrs: AdrWithContent[] = [];
      const problems: AdrProblem[] = [];
      for (const file of files) {
        const parsed = parseAdr(source.id, file);
        const problem = (message: string) =>
          problems.push({
            sourceId: source.id,
            fileName: file.fileName,
            message,
          });
        if (parsed.ok) {
          adrs.push(withTrust(source, parsed.adr, problem));
          parsed.warnings.forEach(problem);
        } else {
          problem(`Not read as an ADR: ${parsed.message}`);
        }
      }
      return {
        source: { ...described, lastReadAt: new Date().toISOString() },
        adrs,
        problems,
      };
    } catch (error) {
      const message = String((error as Error)?.message ?? error);
      this.logger.warn(`Could not read ADRs from ${source.target}: ${message}`);
      const previous = this.states.get(source.id);
      return {
        source: {
          ...described,
          ok: false,
          error: message,
          ...(previous?.source.lastReadAt && {
            lastReadAt: previous.source.lastReadAt,
          }),
        },
        adrs: previous?.adrs ?? [],
        problems: previous?.problems ?? [],
      };
    }
  }

  /** Keeps the same source objects across refreshes so they keep their etags. */
  private reuseKnown(sources: AdrFileSource[]): AdrFileSource[] {
    const next = new Map<string, AdrFileSource>();
    const reused = sources.map(source => {
      const key = `${source.id}\n${source.target}`;
      const known = this.knownSources.get(key) ?? source;
      next.set(key, known);
      return known;
    });
    this.knownSources = next;
    return reused;
  }
}

/**
 * Marks the ADR as its source's. Only the forum's ADRs may name policies:
 * a team's `policies` are dropped with a problem, so that no API answer
 * presents them as policy.
 */
function withTrust(
  source: AdrFileSource,
  adr: ParsedAdrContent,
  problem: (message: string) => void,
): AdrWithContent {
  if (source.trust === 'forum' || adr.policies.length === 0) {
    return { ...adr, trust: source.trust };
  }
  problem(
    `policies ${adr.policies
      .map(p => p.id)
      .join(
        ', ',
      )} ignored: only the forum's sources introduce or parameterise policies`,
  );
  return { ...adr, trust: source.trust, policies: [] };
}

function withoutBody({ markdown: _markdown, ...adr }: AdrWithContent): Adr {
  return adr;
}
