import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import Alert from '@material-ui/lab/Alert';
import type { DataProductEntityV1alpha1 } from '@datamesh-governance/plugin-data-products-common';

/** Says who decides when the viewer decides on nothing for this product. */
export function NotADeciderNotice(props: {
  entity: DataProductEntityV1alpha1;
}) {
  const owner = humanizeEntityRef(
    parseEntityRef(props.entity.spec.owner, { defaultKind: 'group' }),
    { defaultKind: 'group' },
  );
  return (
    <Alert severity="info">
      Requests for this product are decided by its owners ({owner}) and
      approvers. Nothing waits for you here; to use the data, ask for access on
      the Access tab.
    </Alert>
  );
}
