import type { AdrStatus } from './generated/models';

/**
 * The statuses that end an ADR's proposal: the portal records the opinions
 * weighed when an ADR reaches one, and takes no more opinions on it.
 * @public
 */
export const decidedAdrStatuses = [
  'accepted',
  'rejected',
  'superseded',
] as const;

/** @public */
export function isDecidedAdrStatus(
  status: AdrStatus,
): status is (typeof decidedAdrStatuses)[number] {
  return (decidedAdrStatuses as readonly string[]).includes(status);
}

// The status history and decision snapshot are the OpenAPI spec's models.
export type {
  AdrStatusChange,
  AdrStatusHistory,
  OpinionCounts,
  OpinionSnapshot,
} from './generated/models';
