import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';

/**
 * A small action button that explains itself when it may not be used: a
 * disabled button gets no pointer events, so the tooltip sits on a wrapper.
 */
export function DecisionButton(props: {
  label: string;
  /** Names the row, e.g. "Approve the request of ada.analyst for decisions_v1". */
  ariaLabel: string;
  /** Why the action is unavailable; the button is disabled when given. */
  disabledReason?: string;
  onClick: () => void;
}) {
  const button = (
    <Button
      size="small"
      variant="outlined"
      aria-label={props.ariaLabel}
      disabled={Boolean(props.disabledReason)}
      onClick={props.onClick}
      // Narrow table columns must not break "Approve" over two lines.
      style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
    >
      {props.label}
    </Button>
  );
  if (!props.disabledReason) return button;
  return (
    <Tooltip title={props.disabledReason}>
      <span>{button}</span>
    </Tooltip>
  );
}
