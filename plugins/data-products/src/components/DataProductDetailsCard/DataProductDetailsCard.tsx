import { InfoCard } from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  DATA_PRODUCT_KIND,
  isDataProductEntity,
} from '@datamesh-governance/plugin-data-products-common';
import Grid from '@material-ui/core/Grid';
import { LabelledValue } from '../shared/LabelledValue';
import { ReactNode } from 'react';

function Field(props: { label: string; children: ReactNode }) {
  return (
    <Grid item xs={12}>
      <LabelledValue label={props.label}>{props.children}</LabelledValue>
    </Grid>
  );
}

/** What the data product is for and what it is built from. */
export function DataProductDetailsCard() {
  const { entity } = useEntity();
  if (!isDataProductEntity(entity)) {
    return null;
  }
  const { spec } = entity;
  return (
    <InfoCard title="Data product">
      <Grid container spacing={1}>
        <Field label="Type">{spec.type}</Field>
        {spec.purpose && <Field label="Purpose">{spec.purpose}</Field>}
        {spec.usage && <Field label="Usage">{spec.usage}</Field>}
        {spec.limitations && (
          <Field label="Limitations">{spec.limitations}</Field>
        )}
        <Field label="Input ports">
          {spec.inputPorts?.length
            ? spec.inputPorts.map(input => (
                <div key={`${input.dataProduct}/${input.outputPort}`}>
                  <EntityRefLink
                    entityRef={parseEntityRef(input.dataProduct, {
                      defaultKind: DATA_PRODUCT_KIND,
                      defaultNamespace: entity.metadata.namespace,
                    })}
                  />
                  {input.outputPort && ` · ${input.outputPort}`}
                </div>
              ))
            : 'None: this product reads from its own services only.'}
        </Field>
      </Grid>
    </InfoCard>
  );
}
