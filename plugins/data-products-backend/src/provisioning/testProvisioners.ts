import { NotFoundError } from '@backstage/errors';
import type {
  AccessGrant,
  AccessProvisioner,
} from '@datamesh-governance/plugin-data-products-node';
import type { OutputPort } from '@datamesh-governance/plugin-data-products-common';
import { PortSource } from './ProvisioningWorker';

/** A provisioner that records its calls and fails while told to. */
export class RecordingProvisioner implements AccessProvisioner {
  readonly calls: Array<{ operation: 'grant' | 'revoke'; grant: AccessGrant }> =
    [];
  failWith?: string;
  /** Held while set: the call waits for it. */
  gate?: Promise<void>;

  constructor(readonly serverTypes: string[] = ['postgres']) {}

  async grant(grant: AccessGrant) {
    await this.call('grant', grant);
  }

  async revoke(grant: AccessGrant) {
    await this.call('revoke', grant);
  }

  count(operation: 'grant' | 'revoke', requestId?: string) {
    return this.calls.filter(
      c =>
        c.operation === operation &&
        (requestId === undefined || c.grant.id === requestId),
    ).length;
  }

  private async call(operation: 'grant' | 'revoke', grant: AccessGrant) {
    await this.gate;
    if (this.failWith) throw new Error(this.failWith);
    this.calls.push({ operation, grant });
  }
}

/** Ports by `entityRef#port`, as a catalog would resolve them. */
export function portSource(
  ports: Record<string, Partial<OutputPort>>,
): PortSource {
  return {
    async getPort(entityRef, portName) {
      const port = ports[`${entityRef}#${portName}`];
      if (!port) throw new NotFoundError(`No data product ${entityRef}`);
      return {
        port: {
          name: portName,
          type: 'table',
          classification: 'internal',
          ...port,
        } as OutputPort,
      };
    },
  };
}
