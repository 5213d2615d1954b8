import type { Entity } from '@backstage/catalog-model';
import type { JsonValue } from '@backstage/types';

/** The apiVersion of the DataProduct kind. @public */
export const DATA_PRODUCT_API_VERSION = 'datamesh/v1alpha1';
/** The kind name. @public */
export const DATA_PRODUCT_KIND = 'DataProduct';

/** @public */
export type DataProductType =
  | 'source-aligned'
  | 'aggregate'
  | 'consumer-aligned';

/** @public */
export type DataProductLifecycle =
  | 'proposed'
  | 'active'
  | 'deprecated'
  | 'retired';

/** @public */
export type OutputPortType = 'table' | 'topic' | 'api' | 'file';

/** How sensitive the data behind a port is, from least to most. @public */
export type DataClassification =
  | 'public'
  | 'internal'
  | 'personal'
  | 'sensitive';

/** @public */
export type PersonalDataFlags = {
  /** The port holds names, national ids, e-mail addresses or similar. */
  directIdentifiers?: boolean;
  /** The port holds GDPR Art. 9 special categories (health, ethnicity, ...). */
  specialCategories?: boolean;
};

/** One service-level commitment, e.g. freshness of 1 day. @public */
export type ServiceLevel = {
  property: string;
  value: number | string;
  unit?: string;
};

/** @public */
export type SubjectType = 'user' | 'group' | 'service';

/** How access to a port is given. @public */
export type OutputPortAccess = {
  /** `auto` still needs purpose and legal basis, and is still audited. */
  approval: 'required' | 'auto';
  /** Entity refs of the groups or users who decide; defaults to the product owner. */
  approvers?: string[];
  /** Defaults to true when the port holds personal data. */
  legalBasisRequired?: boolean;
  /** ISO 8601 duration, e.g. `P90D`. */
  maxDuration?: string;
  subjectTypes?: SubjectType[];
  /** Terms of use the consumer accepts when asking for access. */
  terms?: string;
};

/** @public */
export type OutputPort = {
  name: string;
  description?: string;
  type: OutputPortType;
  version?: string;
  server?: { type: string; [key: string]: JsonValue };
  contract?: { location: string };
  classification: DataClassification;
  personalData?: PersonalDataFlags;
  sla?: ServiceLevel[];
  access?: OutputPortAccess;
};

/** A reference to another data product's output port this product reads. @public */
export type InputPort = {
  dataProduct: string;
  outputPort?: string;
};

/** @public */
export interface DataProductEntityV1alpha1 extends Entity {
  apiVersion: typeof DATA_PRODUCT_API_VERSION;
  kind: typeof DATA_PRODUCT_KIND;
  spec: {
    type: DataProductType;
    lifecycle: DataProductLifecycle;
    owner: string;
    domain?: string;
    system?: string;
    producedBy?: string[];
    inputPorts?: InputPort[];
    purpose?: string;
    usage?: string;
    limitations?: string;
    outputPorts: OutputPort[];
  };
}
