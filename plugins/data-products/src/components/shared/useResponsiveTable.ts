import { alpha, makeStyles } from '@material-ui/core/styles';

/**
 * A table that keeps words whole and turns into stacked rows on phones.
 *
 * Backstage's theme lets table cells break anywhere (word-break: break-word),
 * so a squeezed column reads "Ben efit deci sion s"; here words stay whole and
 * a table wider than its card scrolls sideways. Below 600 px each row
 * becomes a block of "label value" lines, the label taken from the cell's
 * data-label.
 * Secondary and error text get darker shades: the theme stripes every other
 * row grey, where the usual ones fall short of 4.5:1 contrast (axe).
 */
export const useResponsiveTable = makeStyles(theme => ({
  scroll: { overflowX: 'auto' },
  table: {
    '& th, & td': {
      wordBreak: 'normal',
      overflowWrap: 'normal',
      // The theme's 36 px per column would push a wide table's last columns
      // out of a 1280 px window.
      paddingLeft: theme.spacing(1),
      paddingRight: theme.spacing(1),
    },
    '& th:first-child, & td:first-child': { paddingLeft: theme.spacing(2) },
    '& th': { whiteSpace: 'nowrap' },
    '& .MuiTypography-colorTextSecondary': {
      color: alpha(theme.palette.text.primary, 0.75),
    },
    '& .MuiTypography-colorError': { color: theme.palette.error.dark },
    [theme.breakpoints.down('xs')]: {
      '&, & tbody, & tr, & td': { display: 'block', width: '100%' },
      // Still read by screen readers; the cells carry their labels visibly.
      '& thead': {
        position: 'absolute',
        width: 1,
        height: 1,
        overflow: 'hidden',
        clip: 'rect(0 0 0 0)',
      },
      '& tr': {
        padding: theme.spacing(1, 0),
        borderBottom: `1px solid ${theme.palette.divider}`,
      },
      '& td': {
        padding: theme.spacing(0.5, 1),
        overflowWrap: 'anywhere',
        lineHeight: 1.4,
      },
      '& td[data-label]::before': {
        content: 'attr(data-label)',
        display: 'inline-block',
        minWidth: '7.5em',
        marginRight: theme.spacing(1),
        fontWeight: theme.typography.fontWeightBold,
      },
      '& td:first-child': { paddingLeft: theme.spacing(1) },
      '& td.MuiTableCell-paddingCheckbox': { overflow: 'visible', padding: 0 },
      '& td:empty': { display: 'none' },
    },
  },
}));
