import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { LegalBasisSnapshot } from '@datamesh-governance/plugin-data-products-common';

/**
 * The processing activity a request relies on: its number and name, linked to
 * the register entry, with the GDPR bases underneath.
 */
export function LegalBasisCell(props: { legalBasis?: LegalBasisSnapshot }) {
  const { legalBasis } = props;
  if (!legalBasis) {
    return (
      <Typography variant="body2" color="textSecondary">
        None needed
      </Typography>
    );
  }
  const label = `${legalBasis.number} ${legalBasis.name}`;
  return (
    <>
      {legalBasis.link ? (
        <Link to={legalBasis.link}>{label}</Link>
      ) : (
        <Typography variant="body2">{label}</Typography>
      )}
      {legalBasis.art6Basis && (
        <Typography variant="caption" display="block" color="textSecondary">
          Art. 6: {legalBasis.art6Basis}
        </Typography>
      )}
      {legalBasis.art9Basis && (
        <Typography variant="caption" display="block" color="textSecondary">
          Art. 9: {legalBasis.art9Basis}
        </Typography>
      )}
    </>
  );
}
