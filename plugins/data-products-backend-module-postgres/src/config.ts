import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  checkTemplate,
  normalizedRef,
  RoleMapping,
  SubjectKind,
} from './roles';
import { objectName, roleName } from './identifiers';

/** Where the provisioner connects for the ports of one database server, and as whom. */
export type PostgresConnection = {
  /** The config key, used in errors and logs. */
  name: string;
  /** The ports it serves: their `server.host` (any case) and `server.database`. */
  serves: { host: string; database: string };
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  ssl?: boolean | { rejectUnauthorized?: boolean; ca?: string };
  /** The only schemas ports may name here; undefined allows any. */
  schemas?: Set<string>;
};

export type PostgresProvisionerOptions = {
  connections: PostgresConnection[];
  roles: RoleMapping;
  /** For connecting and for each statement, in milliseconds. */
  timeoutMs: number;
};

export const CONFIG_ROOT = 'dataProducts.provisioners.postgres';
const DEFAULT_TIMEOUT_MS = 10_000;
const SUBJECT_KINDS: SubjectKind[] = ['user', 'group', 'service'];

/**
 * Reads `dataProducts.provisioners.postgres`; undefined when it is absent
 * (grants are then applied by hand). Mistakes fail the backend's startup.
 */
export function readProvisionerOptions(
  root: Config,
): PostgresProvisionerOptions | undefined {
  const config = root.getOptionalConfig(CONFIG_ROOT);
  if (!config) return undefined;

  const connectionsConfig = config.getConfig('connections');
  const connections = connectionsConfig
    .keys()
    .map(name => readConnection(name, connectionsConfig.getConfig(name)));
  if (connections.length === 0) {
    throw new Error(`${CONFIG_ROOT}.connections names no connection`);
  }
  const seen = new Map<string, string>();
  for (const { name, serves } of connections) {
    const key = `${serves.host}/${serves.database}`;
    const other = seen.get(key);
    if (other) {
      throw new Error(
        `${CONFIG_ROOT}.connections.${other} and .${name} both serve ${key}`,
      );
    }
    seen.set(key, name);
  }

  return {
    connections,
    roles: readRoles(config.getOptionalConfig('roles')),
    timeoutMs: config.has('timeout')
      ? durationToMilliseconds(
          readDurationFromConfig(config, { key: 'timeout' }),
        )
      : DEFAULT_TIMEOUT_MS,
  };
}

function readConnection(name: string, config: Config): PostgresConnection {
  const serves = {
    host: config.getString('server.host').toLocaleLowerCase('en-US'),
    database: config.getString('server.database'),
  };
  const ssl = config.getOptional('ssl');
  const schemas = config.getOptionalStringArray('schemas');
  return {
    name,
    serves,
    host: config.getOptionalString('host') ?? serves.host,
    port: config.getOptionalNumber('port') ?? 5432,
    database: config.getOptionalString('database') ?? serves.database,
    user: config.getString('user'),
    password: config.getOptionalString('password'),
    ssl:
      ssl === undefined || typeof ssl === 'boolean'
        ? ssl
        : {
            rejectUnauthorized: config.getOptionalBoolean(
              'ssl.rejectUnauthorized',
            ),
            ca: config.getOptionalString('ssl.ca'),
          },
    schemas:
      schemas &&
      new Set(
        schemas.map((schema, i) =>
          objectName(
            schema,
            `${CONFIG_ROOT}.connections.${name}.schemas[${i}]`,
          ),
        ),
      ),
  };
}

function readRoles(config: Config | undefined): RoleMapping {
  const templates: RoleMapping['templates'] = {};
  for (const kind of SUBJECT_KINDS) {
    const template = config?.getOptionalString(`templates.${kind}`);
    if (template !== undefined) {
      templates[kind] = checkTemplate(
        template,
        `${CONFIG_ROOT}.roles.templates.${kind}`,
      );
    }
  }
  const explicit = new Map<string, string>();
  for (const entry of config?.getOptionalConfigArray('map') ?? []) {
    const subject = normalizedRef(entry.getString('subject'));
    if (explicit.has(subject)) {
      throw new Error(`${CONFIG_ROOT}.roles.map names ${subject} twice`);
    }
    explicit.set(
      subject,
      roleName(entry.getString('role'), `${CONFIG_ROOT}.roles.map`),
    );
  }
  return { templates, explicit };
}
