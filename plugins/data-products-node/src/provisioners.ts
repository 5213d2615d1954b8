import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';

/** What a provisioner needs to apply or remove a grant. @public */
export type AccessGrant = Pick<
  AccessRequest,
  'id' | 'entityRef' | 'outputPort' | 'subjectRef' | 'endsAt'
> & {
  /** The output port's `server` block from the DataProduct entity. */
  server: { type: string; [key: string]: unknown };
};

/**
 * Applies grants where the data lives, e.g. GRANT/REVOKE in PostgreSQL.
 * With none configured for a port's server type, a grant is recorded and
 * the owner applies it by hand.
 * @public
 */
export interface AccessProvisioner {
  /** The `server.type` values of output ports this provisioner handles. */
  readonly serverTypes: string[];
  grant(grant: AccessGrant): Promise<void>;
  revoke(grant: AccessGrant): Promise<void>;
}

/** @public */
export interface AccessProvisionerExtensionPoint {
  addProvisioner(provisioner: AccessProvisioner): void;
}

/**
 * Lets backend modules add access provisioners.
 * @public
 */
export const accessProvisionerExtensionPoint =
  createExtensionPoint<AccessProvisionerExtensionPoint>({
    id: 'data-products.access-provisioners',
  });
