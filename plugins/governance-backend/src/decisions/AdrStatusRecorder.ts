import { AuditorService } from '@backstage/backend-plugin-api';
import {
  AdrIndex,
  AdrStatusChange,
} from '@datamesh-governance/plugin-governance-common';
import { AdrStatusStore } from '../database/AdrStatusStore';

/**
 * Records what a refresh of the ADR sources showed: each status change once,
 * whichever replica saw it first, with an audit event for each change (first
 * sightings are where the record starts, not events). Returns the changes
 * this call recorded, so that others (e.g. notifications) can react to them
 * exactly once across replicas.
 */
export class AdrStatusRecorder {
  constructor(
    private readonly store: AdrStatusStore,
    private readonly auditor: AuditorService,
  ) {}

  /**
   * @param index - what the repository serves after the refresh
   * @param seenAt - when the refresh began reading the sources
   */
  async record(index: AdrIndex, seenAt: number): Promise<AdrStatusChange[]> {
    // A source that failed serves what it gave earlier: not a sighting.
    const readNow = new Set(
      index.sources.filter(source => source.ok).map(source => source.id),
    );
    const recorded = await this.store.record(
      index.items
        .filter(adr => readNow.has(adr.sourceId))
        .map(adr => ({ adrId: adr.id, status: adr.status, date: adr.date })),
      seenAt,
    );
    for (const change of recorded) {
      if (!change.fromStatus) continue;
      const event = await this.auditor.createEvent({
        eventId: 'governance-adr-status-record',
        severityLevel: change.snapshot ? 'medium' : 'low',
        meta: {
          adrId: change.adrId,
          fromStatus: change.fromStatus,
          toStatus: change.toStatus,
          sequence: change.sequence,
          ...(change.snapshot && {
            opinionsWeighed: change.snapshot.opinions.length,
          }),
        },
      });
      await event.success();
    }
    return recorded;
  }
}
