import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Divider from '@material-ui/core/Divider';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataProductsApiRef } from '../../api';
import { describeRequest } from '../decisions/describeRequest';
import { RequestFacts } from './RequestFacts';
import { RequestTimeline } from './RequestTimeline';
import { requestTimeline } from './requestTimeline';

const useStyles = makeStyles(theme => ({
  paper: {
    width: 480,
    maxWidth: '100vw',
    padding: theme.spacing(3),
  },
}));

/** The request as the list showed it, then its audit trail from the API. */
function HistoryContent(props: { request: AccessRequest }) {
  const api = useApi(dataProductsApiRef);
  const id = props.request.id;
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getRequest(id),
    [api, id],
  );
  return (
    <>
      <RequestFacts request={value ?? props.request} />
      <Box my={2}>
        <Divider />
      </Box>
      <Typography variant="h6" component="h3" gutterBottom>
        Timeline
      </Typography>
      {error && (
        <>
          <ResponseErrorPanel error={error} />
          <Button size="small" onClick={retry}>
            Try again
          </Button>
        </>
      )}
      {!error && loading && <Progress />}
      {!error && value && <RequestTimeline events={requestTimeline(value)} />}
    </>
  );
}

/**
 * A request's facts and its timeline in a side drawer. The drawer is modal:
 * focus moves into it and returns to what opened it on close.
 */
export function RequestHistoryDrawer(props: {
  request: AccessRequest;
  open: boolean;
  onClose: () => void;
}) {
  const classes = useStyles();
  // useId needs React 18; the plugin still supports 17.
  const titleId = `request-history-${props.request.id}`;
  return (
    <Drawer
      anchor="right"
      open={props.open}
      onClose={props.onClose}
      classes={{ paper: classes.paper }}
      PaperProps={{
        role: 'dialog',
        'aria-modal': true,
        'aria-labelledby': titleId,
      }}
    >
      <Box display="flex" alignItems="flex-start" mb={2}>
        <Box flexGrow={1}>
          <Typography variant="h5" component="h2" id={titleId}>
            History of {describeRequest(props.request)}
          </Typography>
        </Box>
        <IconButton aria-label="Close history" onClick={props.onClose}>
          <CloseIcon />
        </IconButton>
      </Box>
      {props.open && <HistoryContent request={props.request} />}
    </Drawer>
  );
}
