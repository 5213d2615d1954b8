import {
  Content,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { reportReadPermission } from '@datamesh-governance/plugin-data-products-common';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { dataProductsApiRef } from '../../api/DataProductsApi';
import { errorMessage } from '../decisions/errorMessage';
import { saveBlob } from '../shared/csv';
import { formatDate, utcDate } from '../shared/dates';
import { ActivitiesList } from './ActivitiesList';
import { ReportTable } from './ReportTable';
import { usePersonalDataAccessReport } from './usePersonalDataAccessReport';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function NotAllowed() {
  return (
    <WarningPanel
      severity="info"
      title="You are not allowed to read this report"
      message="The Art. 30 report names who can read personal data; it is for privacy officers (permission data-products.report.read)."
      defaultExpanded
    />
  );
}

const isForbidden = (error: Error) =>
  error instanceof ResponseError
    ? error.statusCode === 403
    : (error as { statusCode?: number }).statusCode === 403;

/** "Download CSV": the backend's CSV of the whole report, fetched with the user's token. */
function DownloadCsvButton(props: { at?: string; fileDate: string }) {
  const api = useApi(dataProductsApiRef);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const download = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const blob = await api.downloadPersonalDataAccessReportCsv({
        at: props.at,
      });
      saveBlob(blob, `personal-data-access-${props.fileDate}.csv`);
    } catch (error) {
      setProblem(errorMessage(error as Error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <Button
        variant="outlined"
        startIcon={<GetAppIcon />}
        disabled={busy}
        onClick={download}
      >
        Download CSV
      </Button>
      {problem && (
        <Typography variant="body2" color="error" role="alert">
          {problem}
        </Typography>
      )}
    </Box>
  );
}

function ReportBody(props: { at?: string; day: string }) {
  const report = usePersonalDataAccessReport(props.at);
  if (report.error && !report.report) {
    return isForbidden(report.error) ? (
      <NotAllowed />
    ) : (
      <ResponseErrorPanel error={report.error} />
    );
  }
  if (!report.report) return <Progress />;
  const { items, activities, nextCursor } = report.report;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title={`Grants to personal data on ${formatDate(props.day)}`}
          subheader="Every grant to a personal or special-category port in force at the end of that day"
        >
          {items.length === 0 ? (
            <EmptyState
              missing="data"
              title="Nobody could read personal data at this date"
              description="No grant to a personal or special-category port was in force. Pick another date."
            />
          ) : (
            <>
              <ReportTable rows={items} />
              {report.error && <ResponseErrorPanel error={report.error} />}
              {nextCursor && (
                <Box display="flex" justifyContent="center" mt={2}>
                  <Button
                    variant="outlined"
                    onClick={report.loadMore}
                    disabled={report.loading}
                  >
                    Load more
                  </Button>
                </Box>
              )}
            </>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Per processing activity">
          <ActivitiesList activities={activities} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/**
 * The GDPR Art. 30 view: who could read which personal data at a date, under
 * which processing activity, decided by whom. The date is in the URL (`at`).
 */
export function PersonalDataAccessReportPageContent() {
  const permission = usePermission({ permission: reportReadPermission });
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => utcDate(new Date()), []);
  const asked = params.get('at');
  const day = asked && DAY.test(asked) && asked <= today ? asked : today;
  // Today is "now": the backend answers it up to this moment.
  const at = day === today ? undefined : day;

  if (permission.loading) return <Progress />;
  if (!permission.allowed) {
    return (
      <Content>
        <NotAllowed />
      </Content>
    );
  }
  return (
    <Content>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        justifyContent="space-between"
        style={{ gap: 16 }}
        mb={3}
      >
        <TextField
          type="date"
          id="personal-data-access-at"
          label="Grants in force on"
          value={day}
          onChange={e => {
            const value = e.target.value;
            if (!value) return;
            setParams(value === today ? {} : { at: value }, { replace: true });
          }}
          inputProps={{ max: today }}
          InputLabelProps={{ shrink: true }}
          variant="outlined"
          size="small"
        />
        <DownloadCsvButton at={at} fileDate={day} />
      </Box>
      <ReportBody at={at} day={day} />
    </Content>
  );
}

/** The report page with its own header, for apps on the legacy frontend system. */
export function PersonalDataAccessReportPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Personal data access (Art. 30)"
        subtitle="Who could read which personal data, under which processing activity"
      />
      <PersonalDataAccessReportPageContent />
    </Page>
  );
}
