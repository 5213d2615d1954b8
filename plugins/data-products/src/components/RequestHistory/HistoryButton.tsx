import Button from '@material-ui/core/Button';
import HistoryIcon from '@material-ui/icons/History';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { useState } from 'react';
import { describeRequest } from '../decisions/describeRequest';
import { HISTORY_BUTTON_ATTRIBUTE } from './openHistoryFromRow';
import { RequestHistoryDrawer } from './RequestHistoryDrawer';

/** "History" in a request's row: opens the request's facts and timeline. */
export function HistoryButton(props: { request: AccessRequest }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        startIcon={<HistoryIcon />}
        aria-label={`History of ${describeRequest(props.request)}`}
        {...{ [HISTORY_BUTTON_ATTRIBUTE]: true }}
        onClick={() => setOpen(true)}
      >
        History
      </Button>
      <RequestHistoryDrawer
        request={props.request}
        open={open}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
