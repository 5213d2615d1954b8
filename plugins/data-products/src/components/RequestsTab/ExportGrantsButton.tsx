import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { useState } from 'react';
import { dataProductsApiRef } from '../../api/DataProductsApi';
import { errorMessage } from '../decisions/errorMessage';
import { saveCsv } from '../shared/csv';
import { utcDate } from '../shared/dates';
import { grantsCsv } from './grantsCsv';

/** A product's grants: pages of 100, at most this many pages (100,000 grants). */
const MAX_PAGES = 1000;

/** Every current grant of a product, not only the pages the table loaded. */
async function allGrants(
  load: (
    cursor?: string,
  ) => Promise<{ items: AccessRequest[]; nextCursor?: string }>,
) {
  const grants: AccessRequest[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const next = await load(cursor);
    grants.push(...next.items);
    cursor = next.nextCursor;
    if (!cursor) break;
  }
  return grants;
}

/** "Export CSV" of who has access to a product now. */
export function ExportGrantsButton(props: { entityRef: string }) {
  const api = useApi(dataProductsApiRef);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const exportCsv = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const grants = await allGrants(cursor =>
        api.listGrants({ entityRef: props.entityRef, cursor, limit: 100 }),
      );
      const name = parseEntityRef(props.entityRef).name;
      saveCsv(
        grantsCsv(grants),
        `who-has-access-${name}-${utcDate(new Date())}.csv`,
      );
    } catch (error) {
      setProblem(errorMessage(error as Error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        startIcon={<GetAppIcon />}
        disabled={busy}
        onClick={exportCsv}
      >
        Export CSV
      </Button>
      {problem && (
        <Typography
          variant="caption"
          color="error"
          role="alert"
          display="block"
        >
          {problem}
        </Typography>
      )}
    </>
  );
}
