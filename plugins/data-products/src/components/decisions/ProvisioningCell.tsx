import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type {
  AccessRequest,
  ProvisioningState,
} from '@datamesh-governance/plugin-data-products-common';
import { useState } from 'react';
import { dataProductsApiRef } from '../../api/DataProductsApi';
import { errorMessage } from './errorMessage';

const labels: Record<ProvisioningState['state'], string> = {
  pending: 'Being applied',
  applied: 'Applied',
  failed: 'Failed',
  manual: 'Apply by hand',
  revoking: 'Being removed',
  revoked: 'Removed',
};

/**
 * Where a grant stands where the data lives. Owners (`canRetry`) can send
 * a failed one back to the worker.
 */
export function ProvisioningCell(props: {
  request: Pick<AccessRequest, 'id' | 'provisioning'>;
  canRetry?: boolean;
}) {
  const api = useApi(dataProductsApiRef);
  const [state, setState] = useState(props.request.provisioning);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!state) return <>—</>;
  const label =
    state.state === 'manual' && state.operation === 'revoke'
      ? 'Remove by hand'
      : labels[state.state];
  const detail =
    state.instructions ??
    (state.error
      ? `${state.error} (${state.attempts} attempt${
          state.attempts === 1 ? '' : 's'
        })`
      : undefined);
  const retry = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      setState(await api.retryProvisioning(props.request.id));
    } catch (error) {
      setProblem(errorMessage(error as Error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Tooltip title={detail ?? ''}>
        <Typography variant="body2" aria-label={`Provisioning: ${label}`}>
          {label}
        </Typography>
      </Tooltip>
      {detail && (
        <Typography variant="caption" color="textSecondary">
          {detail}
        </Typography>
      )}
      {props.canRetry && state.state === 'failed' && (
        <Button size="small" disabled={busy} onClick={retry}>
          Retry
        </Button>
      )}
      {problem && (
        <Typography variant="caption" color="error" role="alert">
          {problem}
        </Typography>
      )}
    </div>
  );
}
