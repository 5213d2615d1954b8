import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { ReactNode } from 'react';
import { KeysetList } from './useKeysetList';

/**
 * Loading, error and empty states of a keyset list, then its content and a
 * "Load more" button while the server has more.
 */
export function KeysetListView<T>(props: {
  list: KeysetList<T>;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  const { list } = props;
  if (list.error && list.items.length === 0) {
    return <ResponseErrorPanel error={list.error} />;
  }
  if (list.loading && list.items.length === 0) {
    return <Progress />;
  }
  if (list.items.length === 0) {
    return <>{props.empty}</>;
  }
  return (
    <>
      {props.children(list.items)}
      {list.error && <ResponseErrorPanel error={list.error} />}
      {list.nextCursor && (
        <Box display="flex" justifyContent="center" mt={2}>
          <Button
            variant="outlined"
            onClick={list.loadMore}
            disabled={list.loading}
          >
            Load more
          </Button>
        </Box>
      )}
    </>
  );
}
