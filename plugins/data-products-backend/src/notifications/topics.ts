/**
 * Notification topics, one per kind of news, so that people can mute one
 * in their notification settings and keep the others.
 */
export const NOTIFICATION_TOPICS = {
  /** A new request waits for a decision (to its deciders). */
  accessRequest: 'data-products:access-request',
  /** A request was approved or rejected (to its requester). */
  decision: 'data-products:decision',
  /** A grant was revoked (to its requester). */
  revocation: 'data-products:revocation',
  /** A grant ends within the configured window (requester and deciders). */
  endingSoon: 'data-products:ending-soon',
  /** Applying a grant failed (to its deciders). */
  provisioning: 'data-products:provisioning',
} as const;
