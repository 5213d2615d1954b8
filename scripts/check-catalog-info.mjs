// Checks that the catalog describes every plugin package: each has a
// catalog-info.yaml with one Component named, titled and typed after its
// package.json (as `backstage-repo-tools generate-catalog-info` names them),
// in the suite's System and owned by a group of the demo organisation, then
// the APIs it provides with their definition files; and the root
// catalog-info.yaml lists every one of them.
// Usage: node scripts/check-catalog-info.mjs
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

const root = resolve(import.meta.dirname, '..');
const problems = [];

function entitiesIn(path) {
  const docs = parseAllDocuments(readFileSync(join(root, path), 'utf8'));
  for (const error of docs.flatMap(doc => doc.errors)) {
    problems.push(`${path}: ${error.message.split('\n')[0]}`);
  }
  return docs.map(doc => doc.toJS());
}

/** The entity name Backstage's repo tools derive from a package name. */
function entityNameOf(packageName) {
  return packageName.replace(/^@/, '').replace(/[^A-Za-z0-9_\-.]+/g, '-');
}

/** The catalog's rule for metadata.name: at most 63 characters. */
function isValidEntityName(name) {
  return (
    typeof name === 'string' &&
    name.length <= 63 &&
    /^([A-Za-z0-9]+[-_.])*[A-Za-z0-9]+$/.test(name)
  );
}

const rootEntities = entitiesIn('catalog-info.yaml');
const system = rootEntities.find(e => e.kind === 'System');
const location = rootEntities.find(e => e.kind === 'Location');
if (!system) problems.push('catalog-info.yaml: no System');
const listed = new Set(location?.spec?.targets ?? []);
const groups = new Set(
  entitiesIn('examples/org.yaml')
    .filter(e => e?.kind === 'Group')
    .map(e => `group:${e.metadata.name}`),
);

if (system && !groups.has(system.spec?.owner)) {
  problems.push(
    `catalog-info.yaml: owner ${system.spec?.owner} is no demo group`,
  );
}

for (const dir of readdirSync(join(root, 'plugins')).sort()) {
  const pkgPath = join(root, 'plugins', dir, 'package.json');
  if (!existsSync(pkgPath)) continue;
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const file = `plugins/${dir}/catalog-info.yaml`;
  if (!existsSync(join(root, file))) {
    problems.push(`${file}: missing`);
    continue;
  }
  if (!listed.has(`./${file}`)) {
    problems.push(`catalog-info.yaml: its Location does not list ./${file}`);
  }
  const [entity, ...others] = entitiesIn(file);
  // A package name too long for an entity name keeps its title only.
  const derivedName = entityNameOf(pkg.name);
  const expected = {
    kind: 'Component',
    'metadata.name': isValidEntityName(derivedName)
      ? derivedName
      : entity?.metadata?.name,
    'metadata.title': pkg.name,
    'spec.type': `backstage-${pkg.backstage?.role}`,
    'spec.system': system?.metadata?.name,
  };
  const actual = {
    kind: entity?.kind,
    'metadata.name': entity?.metadata?.name,
    'metadata.title': entity?.metadata?.title,
    'spec.type': entity?.spec?.type,
    'spec.system': entity?.spec?.system,
  };
  for (const { metadata } of [entity, ...others]) {
    if (!isValidEntityName(metadata?.name)) {
      problems.push(`${file}: ${metadata?.name} is no valid entity name`);
    }
  }
  for (const [field, value] of Object.entries(expected)) {
    if (actual[field] !== value) {
      problems.push(`${file}: ${field} is ${actual[field]}, expected ${value}`);
    }
  }
  if (!groups.has(entity?.spec?.owner)) {
    problems.push(`${file}: owner ${entity?.spec?.owner} is no demo group`);
  }
  for (const api of others) {
    if (
      api?.kind !== 'API' ||
      !entity?.spec?.providesApis?.includes(api.metadata?.name)
    ) {
      problems.push(`${file}: beside the Component only APIs it provides`);
    }
    const definition = api?.spec?.definition?.$text;
    if (!definition || !existsSync(join(root, 'plugins', dir, definition))) {
      problems.push(
        `${file}: API ${api?.metadata?.name} has no definition file`,
      );
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('catalog-info.yaml files describe every plugin package');
