import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { AccessRequest } from '@datamesh-governance/plugin-data-products-common';
import { ReactNode, useState } from 'react';
import type { YourAccess } from './useYourAccess';
import type { Viewer } from './useViewer';
import { YourAccessTable } from './YourAccessTable';
import { CURRENT_ROWS_SHOWN, yourAccessSections } from './yourAccessSections';

/** A button that shows or hides the element `controls`, and says which it does. */
function DisclosureButton(props: {
  open: boolean;
  onToggle: () => void;
  controls: string;
  children: ReactNode;
}) {
  return (
    <Button
      size="small"
      aria-expanded={props.open}
      aria-controls={props.controls}
      onClick={props.onToggle}
      startIcon={props.open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
    >
      {props.children}
    </Button>
  );
}

/** Access in force and open requests: the first few, and all on demand. */
function CurrentAccess(props: {
  requests: AccessRequest[];
  viewer: Viewer;
  onChange: () => void;
}) {
  const { requests } = props;
  // One card per page, so fixed ids (useId needs React 18; the plugin supports 17).
  const id = 'your-access-current';
  const [showAll, setShowAll] = useState(false);
  if (requests.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        You have no access to this product now — request access to a port below.
      </Typography>
    );
  }
  const capped = requests.length > CURRENT_ROWS_SHOWN;
  return (
    <>
      <YourAccessTable
        id={id}
        label="Your access to this product"
        requests={
          capped && !showAll ? requests.slice(0, CURRENT_ROWS_SHOWN) : requests
        }
        viewer={props.viewer}
        onChange={props.onChange}
      />
      {capped && (
        <DisclosureButton
          open={showAll}
          onToggle={() => setShowAll(!showAll)}
          controls={id}
        >
          {showAll
            ? `Show the latest ${CURRENT_ROWS_SHOWN}`
            : `Show all ${requests.length}`}
        </DisclosureButton>
      )}
    </>
  );
}

/** Rejected, cancelled, expired and revoked requests, behind a disclosure. */
function PastRequests(props: {
  requests: AccessRequest[];
  viewer: Viewer;
  onChange: () => void;
}) {
  const id = 'your-access-past';
  const [open, setOpen] = useState(false);
  return (
    <Box mt={1}>
      <DisclosureButton
        open={open}
        onToggle={() => setOpen(!open)}
        controls={id}
      >
        Past requests ({props.requests.length})
      </DisclosureButton>
      {open && (
        <YourAccessTable
          id={id}
          label="Your past requests for this product"
          requests={props.requests}
          viewer={props.viewer}
          onChange={props.onChange}
        />
      )}
    </Box>
  );
}

/**
 * "Your access to this product": the grants in force for the viewer and their
 * open requests first, with the owners' reasons and a way to withdraw a
 * pending one; requests that are over wait behind "Past requests". Both stay
 * short, so the port cards and their request buttons stay in view.
 */
export function YourAccessCard(props: { access: YourAccess; viewer: Viewer }) {
  const { viewer } = props;
  const { value, loading, error, retry } = props.access;

  let content;
  if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!value && loading) {
    content = <Progress />;
  } else if (!value || value.items.length === 0) {
    content = (
      <Typography variant="body2" color="textSecondary">
        You have no requests for this product yet — request access to a port
        below.
      </Typography>
    );
  } else {
    const { current, past } = yourAccessSections(value.items);
    content = (
      <>
        <CurrentAccess requests={current} viewer={viewer} onChange={retry} />
        {past.length > 0 && (
          <PastRequests requests={past} viewer={viewer} onChange={retry} />
        )}
        {value.truncated && (
          <Typography variant="caption" color="textSecondary" component="p">
            Showing your 100 latest requests.
          </Typography>
        )}
      </>
    );
  }
  return (
    <InfoCard
      title="Your access to this product"
      action={
        error && (
          <Button size="small" onClick={retry}>
            Try again
          </Button>
        )
      }
    >
      {content}
    </InfoCard>
  );
}
