import { makeStyles } from '@material-ui/core/styles';

/**
 * A field label in the primary text colour: a shrunk outlined label sits on
 * the page's grey background, where the theme's secondary text colour falls
 * short of 4.5:1 contrast (axe: color-contrast).
 */
export const useReadableLabel = makeStyles(theme => ({
  label: { color: theme.palette.text.primary },
}));
