import { Link } from '@backstage/core-components';
import {
  EntityRefLink,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { DataProductEntityV1alpha1 } from '@datamesh-governance/plugin-data-products-common';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { PortChips } from './PortChips';
import { refIn } from './refIn';

const useStyles = makeStyles(theme => ({
  card: { height: '100%', display: 'flex', flexDirection: 'column' },
  content: { flexGrow: 1 },
  description: {
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    marginBottom: theme.spacing(1),
  },
  portName: { fontFamily: 'monospace', overflowWrap: 'anywhere' },
  ports: { listStyle: 'none', margin: 0, padding: 0 },
  port: { padding: theme.spacing(0.5, 0) },
}));

/** A data product in the marketplace: what it is, its ports and the way in. */
export function DataProductCard({
  product,
}: {
  product: DataProductEntityV1alpha1;
}) {
  const classes = useStyles();
  const entityLink = useEntityRefLink();
  const title = product.metadata.title ?? product.metadata.name;
  const { spec } = product;
  const accessTab = `${entityLink(product)}/access`;
  const namespace = product.metadata.namespace;
  const domain = refIn(spec.domain, 'domain', namespace);
  const owner = refIn(spec.owner, 'group', namespace);
  return (
    <Card
      className={classes.card}
      component="article"
      aria-label={title}
      variant="outlined"
    >
      <CardContent className={classes.content}>
        <Box
          display="flex"
          alignItems="baseline"
          flexWrap="wrap"
          style={{ gap: 8 }}
        >
          <Typography variant="h6" component="h3">
            <EntityRefLink entityRef={product} hideIcon>
              {title}
            </EntityRefLink>
          </Typography>
          {spec.lifecycle !== 'active' && (
            <Chip size="small" label={spec.lifecycle} />
          )}
        </Box>
        <Typography variant="body2" color="textSecondary" gutterBottom>
          {spec.type}
          {domain && (
            <>
              {' · '}
              <EntityRefLink entityRef={domain} defaultKind="domain" hideIcon />
            </>
          )}
          {owner && (
            <>
              {' · '}
              <EntityRefLink entityRef={owner} defaultKind="group" hideIcon />
            </>
          )}
        </Typography>
        {product.metadata.description && (
          <Typography variant="body2" className={classes.description}>
            {product.metadata.description}
          </Typography>
        )}
        <ul className={classes.ports} aria-label="Output ports">
          {spec.outputPorts.map(port => (
            <li key={port.name} className={classes.port}>
              <Typography variant="body2" className={classes.portName}>
                {port.name}
              </Typography>
              <PortChips port={port} />
            </li>
          ))}
        </ul>
      </CardContent>
      <CardActions>
        <Link to={accessTab} aria-label={`Request access to ${title}`}>
          Request access
        </Link>
      </CardActions>
    </Card>
  );
}
