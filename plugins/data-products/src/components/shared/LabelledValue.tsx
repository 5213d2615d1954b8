import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/** A small caps label over its value, as Backstage's About card shows fields. */
export function LabelledValue(props: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography variant="overline" color="textSecondary" display="block">
        {props.label}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </>
  );
}
