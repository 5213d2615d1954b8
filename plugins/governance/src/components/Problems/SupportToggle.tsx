import Button from '@material-ui/core/Button';
import ThumbUpIcon from '@material-ui/icons/ThumbUp';
import ThumbUpOutlinedIcon from '@material-ui/icons/ThumbUpOutlined';
import { Problem } from '@datamesh-governance/plugin-governance-common';

/** The support count, and a toggle to support the problem or withdraw one's support. */
export function SupportToggle(props: {
  problem: Problem;
  busy: boolean;
  onToggle: () => void;
}) {
  const { problem } = props;
  const count = problem.supportCount;
  const label = `${count} ${count === 1 ? 'supporter' : 'supporters'}`;
  if (problem.status !== 'open') {
    return <span>{label}</span>;
  }
  return (
    <Button
      size="small"
      variant={problem.supportedByMe ? 'contained' : 'outlined'}
      color="primary"
      aria-pressed={problem.supportedByMe}
      aria-label={`${problem.supportedByMe ? 'Withdraw support' : 'Support'}: ${
        problem.title
      }`}
      title={
        problem.supportedByMe
          ? 'You support this; click to withdraw'
          : 'Support this problem'
      }
      startIcon={
        problem.supportedByMe ? <ThumbUpIcon /> : <ThumbUpOutlinedIcon />
      }
      disabled={props.busy}
      onClick={props.onToggle}
    >
      {label}
    </Button>
  );
}
