// Decision UI shared by the Requests tab and the Access inbox.
export { AccessRequestTable } from './AccessRequestTable';
export type { RequestSelection } from './AccessRequestTable';
export { ApproveDialog } from './ApproveDialog';
export type { Approval } from './ApproveDialog';
export { RejectDialog, RevokeDialog } from './ReasonDialog';
export { DecisionButton } from './DecisionButton';
export { describeRequest, shortRef } from './describeRequest';
export { ExpiryText } from './ExpiryText';
export { KeysetListView } from './KeysetListView';
export { LegalBasisCell } from './LegalBasisCell';
export {
  PendingRequestActions,
  RevokeGrantAction,
} from './RequestDecisionActions';
export { requestColumns } from './requestColumns';
export type { RequestColumn } from './requestColumns';
export { StatusChip } from './StatusChip';
export { useKeysetList } from './useKeysetList';
export type { KeysetList } from './useKeysetList';
export {
  SELF_DECISION_REASON,
  SUBJECT_DECISION_REASON,
  separationOfDutiesReason,
  useSignedInIdentity,
} from './useSignedInIdentity';
export { errorMessage } from './errorMessage';
export { useAccessRequestsChanged } from './useAccessRequestsChanged';
