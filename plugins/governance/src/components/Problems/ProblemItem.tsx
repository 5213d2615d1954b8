import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Problem } from '@datamesh-governance/plugin-governance-common';
import { useState } from 'react';
import { governanceApiRef } from '../../api';
import { adrRouteRef } from '../../routes';
import { AdrStatusChip } from '../shared/AdrStatusChip';
import { ForumControls } from './ForumControls';
import { messageOf } from './problemErrors';
import { SupportToggle } from './SupportToggle';

/** One problem: what it is, whom it touches, its support, the ADR that answers it. */
export function ProblemItem(props: {
  problem: Problem;
  canManage: boolean;
  onChanged: (problem: Problem) => void;
}) {
  const { problem } = props;
  const governanceApi = useApi(governanceApiRef);
  const adrRoute = useRouteRef(adrRouteRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  /** Runs a change and shows its outcome; forum dialogs also see the error. */
  const change = async (run: () => Promise<Problem>) => {
    setBusy(true);
    setError(undefined);
    try {
      props.onChanged(await run());
    } catch (e) {
      setError(messageOf(e));
      throw e;
    } finally {
      setBusy(false);
    }
  };
  const toggleSupport = () =>
    change(() =>
      problem.supportedByMe
        ? governanceApi.withdrawProblemSupport(problem.id)
        : governanceApi.supportProblem(problem.id),
    ).catch(() => {
      // Shown above the item.
    });

  return (
    <ListItem
      id={`problem-${problem.id}`}
      divider
      disableGutters
      alignItems="flex-start"
    >
      <Box width="100%" display="flex" style={{ gap: 16 }}>
        {/* One width for every count, so that the titles line up. */}
        <Box flexShrink={0} width={150} paddingTop={0.5}>
          <SupportToggle
            problem={problem}
            busy={busy}
            onToggle={toggleSupport}
          />
        </Box>
        <Box flexGrow={1} minWidth={0}>
          {error && (
            <Box marginBottom={1}>
              <Alert severity="error">{error}</Alert>
            </Box>
          )}
          <Typography variant="h6" component="h3">
            {problem.title}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            Raised by{' '}
            <EntityRefLink entityRef={problem.raisedBy} defaultKind="user" /> on{' '}
            {new Date(problem.createdAt).toLocaleDateString()}
            {problem.status === 'closed' && problem.closedBy && (
              <>
                {' '}
                · closed by{' '}
                <EntityRefLink
                  entityRef={problem.closedBy}
                  defaultKind="user"
                />
                {problem.closeReason && `: ${problem.closeReason}`}
              </>
            )}
          </Typography>
          <Typography
            variant="body2"
            style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}
          >
            {problem.description}
          </Typography>
          {problem.entityRefs.length > 0 && (
            <Typography variant="body2" style={{ marginTop: 8 }}>
              Touches <EntityRefLinks entityRefs={problem.entityRefs} />
            </Typography>
          )}
          {problem.adr && (
            <Box
              display="flex"
              alignItems="center"
              flexWrap="wrap"
              style={{ gap: 8, marginTop: 8 }}
            >
              <Typography variant="body2">Answered by</Typography>
              {problem.adr.found ? (
                <Link to={adrRoute({ adrId: problem.adr.id })}>
                  {problem.adr.title}
                </Link>
              ) : (
                <Typography variant="body2">{problem.adr.id}</Typography>
              )}
              <AdrStatusChip
                status={problem.adr.status}
                title={
                  problem.adr.found
                    ? undefined
                    : 'No ADR source has this decision any more'
                }
              />
            </Box>
          )}
          {props.canManage && (
            <Box marginTop={1}>
              <ForumControls problem={problem} onChange={change} />
            </Box>
          )}
        </Box>
      </Box>
    </ListItem>
  );
}
