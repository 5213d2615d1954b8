import { Config } from '@backstage/config';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';

/**
 * The groups (or users) in `permission.admins`, as full entity refs:
 * `portal-admins` and `group:portal-admins` both become
 * `group:default/portal-admins`.
 */
export function readAdmins(config: Config): string[] {
  return readRefs(config, 'permission.admins');
}

/**
 * The groups (or users) in `permission.privacyOfficers`, who may read the
 * Art. 30 report of the data-products plugin, as full entity refs.
 */
export function readPrivacyOfficers(config: Config): string[] {
  return readRefs(config, 'permission.privacyOfficers');
}

/**
 * The forum group of `governance.forum.group`, whose members may link and
 * close raised problems, as a full entity ref.
 */
export function readForumGroup(config: Config): string | undefined {
  const group = config.getOptionalString('governance.forum.group');
  return group ? fullRef(group) : undefined;
}

function readRefs(config: Config, key: string): string[] {
  return (config.getOptionalStringArray(key) ?? []).map(fullRef);
}

function fullRef(ref: string): string {
  const [kind, rest] = ref.includes(':') ? ref.split(':', 2) : ['group', ref];
  const full = rest.includes('/') ? rest : `default/${rest}`;
  return `${kind}:${full}`.toLocaleLowerCase('en-US');
}

/**
 * Whether the user is, or belongs to, one of the admins. Asked on every
 * permission check: `toLowerCase` lowers as the en-US locale does, without
 * a locale lookup per claim.
 */
export function isAdmin(admins: string[], user?: PolicyQueryUser): boolean {
  const claims = user?.info.ownershipEntityRefs ?? [];
  return claims.some(ref => admins.includes(ref.toLowerCase()));
}
