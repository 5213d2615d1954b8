import {
  AuditorService,
  AuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { LegalBasisRegistries } from '../registers/LegalBasisRegistries';
import { RouterContext } from '../router/context';
import { AccessRequestService } from '../service/AccessRequestService';

/** What the actions use: the same services as the REST routes. */
export type ActionDeps = {
  auth: AuthService;
  userInfo: UserInfoService;
  catalog: CatalogService;
  service: AccessRequestService;
  registries: LegalBasisRegistries;
  permissions: PermissionsService;
  auditor: AuditorService;
  toCriteria: RouterContext['toCriteria'];
};
