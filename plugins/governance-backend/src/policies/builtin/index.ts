import type { PolicyCheck } from '@datamesh-governance/plugin-governance-node';
import {
  noBroadSubjectsOnSensitivePorts,
  outputPortsClassified,
} from './classification';
import {
  personalDataLegalBasis,
  personalDataMaxDuration,
} from './personalData';
import { freshnessSla, ownerAndLifecycle } from './product';

/** The checks behind the demo forum's ground rules, registered like any module's. */
export const builtInPolicyChecks: PolicyCheck[] = [
  personalDataLegalBasis,
  outputPortsClassified,
  personalDataMaxDuration,
  noBroadSubjectsOnSensitivePorts,
  ownerAndLifecycle,
  freshnessSla,
];
