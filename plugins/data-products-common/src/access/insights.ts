// The metrics and the Art. 30 report are read-only answers; their types are
// the ones generated from the backend's OpenAPI spec, so they cannot drift.
export type {
  AccessMetrics,
  MetricsFigures,
  MetricsDurations,
  PersonalDataAccessReport,
  PersonalDataAccessRow,
  ReportActivity,
} from '../generated/models';
