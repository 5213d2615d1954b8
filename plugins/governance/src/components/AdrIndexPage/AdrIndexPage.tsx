import {
  Content,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import {
  AdrIndex,
  adrStatuses,
} from '@datamesh-governance/plugin-governance-common';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';
import { describeSource } from '../shared/describeSource';
import { AdrFilterBar } from './AdrFilterBar';
import { AdrTable } from './AdrTable';
import { AdrFilters, filterAdrs, filtersFromQuery } from './filterAdrs';
import { NoAdrsState } from './NoAdrsState';
import { ProblemsPanel } from './ProblemsPanel';
import { SourceWarnings } from './SourceWarnings';

/** The forum's ADRs with filters kept in the URL, so a filtered list can be shared. */
export function AdrIndexPage() {
  const governanceApi = useApi(governanceApiRef);
  const { value, loading, error } = useAsync(
    () => governanceApi.listAdrs(),
    [governanceApi],
  );

  let body;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (value) body = <AdrIndexContent index={value} />;
  return <Content>{body}</Content>;
}

function AdrIndexContent(props: { index: AdrIndex }) {
  const { items, sources, problems } = props.index;
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromQuery(params), [params]);
  const options = useMemo(() => filterOptions(props.index), [props.index]);
  const visible = useMemo(() => filterAdrs(items, filters), [items, filters]);

  const onChange = (key: keyof AdrFilters, next: string) => {
    setParams(
      previous => {
        const updated = new URLSearchParams(previous);
        if (next) updated.set(key, next);
        else updated.delete(key);
        return updated;
      },
      // Typing in the search box should not fill the history with every keystroke.
      { replace: key === 'q' },
    );
  };

  return (
    <Grid container spacing={3}>
      {sources.some(source => !source.ok) && (
        <Grid item xs={12}>
          <SourceWarnings sources={sources} />
        </Grid>
      )}
      {items.length === 0 ? (
        <Grid item xs={12}>
          <NoAdrsState />
        </Grid>
      ) : (
        <>
          <Grid item xs={12}>
            <AdrFilterBar
              filters={filters}
              statuses={withCurrent(options.statuses, filters.status)}
              sources={withCurrent(options.sources, filters.source)}
              policies={withCurrent(options.policies, filters.policy)}
              onChange={onChange}
            />
          </Grid>
          <Grid item xs={12}>
            <AdrTable adrs={visible} sources={sources} total={items.length} />
          </Grid>
        </>
      )}
      {problems.length > 0 && (
        <Grid item xs={12}>
          <ProblemsPanel problems={problems} />
        </Grid>
      )}
    </Grid>
  );
}

type Option = { value: string; label: string };

/** Only the values that occur, so no filter can be set to something that matches nothing. */
function filterOptions(index: AdrIndex) {
  const present = new Set(index.items.map(adr => adr.status));
  const statuses = adrStatuses
    .filter(status => present.has(status))
    .map(status => ({ value: status, label: status }));
  const sources = [...new Set(index.items.map(adr => adr.sourceId))]
    .sort()
    .map(id => ({ value: id, label: describeSource(index.sources, id) }));
  const policies = [
    ...new Set(index.items.flatMap(adr => adr.policies.map(p => p.id))),
  ]
    .sort()
    .map(id => ({ value: id, label: id }));
  return { statuses, sources, policies };
}

/** A deep link may name a value no ADR has (any more); keep it selectable so it shows. */
function withCurrent(options: Option[], current?: string): Option[] {
  if (!current || options.some(o => o.value === current)) return options;
  return [...options, { value: current, label: current }];
}
