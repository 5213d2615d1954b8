// Measures how much the suite adds to the app's initial JavaScript: builds
// the app as it is, then a copy of it without the suite's plugins, and
// compares the gzip size of the scripts index.html loads before anything is
// lazy. Usage: node benchmarks/bundle-size/measure.mjs [--budget-kb 50]
// [--reuse-dist] (packages/app/dist already holds the current app's build, as
// after `yarn build:backend`, which builds the app too; CI saves a build so).
// Leaves packages/app/dist as the real app's build and changes no tracked
// file: the copy lives in a temporary directory that is removed afterwards.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { withoutSuite } from './withoutSuite.mjs';

const root = resolve(import.meta.dirname, '../..');
const app = join(root, 'packages/app');
const suiteScope = '@datamesh-governance/';
const budgetFlag = process.argv.indexOf('--budget-kb');
const budgetKb = budgetFlag === -1 ? 50 : Number(process.argv[budgetFlag + 1]);
if (!(budgetKb > 0)) throw new Error('--budget-kb takes a number of KB');
const reuseDist = process.argv.includes('--reuse-dist');
// Files in the app that wire the suite in; the baseline drops those lines.
const wiredFiles = ['src/App.tsx', 'src/modules/nav/Sidebar.tsx'];
const backstageCli = join(
  root,
  'node_modules/@backstage/cli/bin/backstage-cli',
);

function initialScriptsGzipBytes(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map(m =>
    m[1].replace(/^\//, ''),
  );
  if (scripts.length === 0) throw new Error('index.html loads no scripts');
  return scripts.reduce(
    (sum, src) => sum + gzipSync(readFileSync(join(dist, src))).length,
    0,
  );
}

function buildApp(appDir) {
  execFileSync(
    process.execPath,
    [
      backstageCli,
      'package',
      'build',
      '--config',
      join(root, 'app-config.yaml'),
    ],
    { cwd: appDir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return initialScriptsGzipBytes(join(appDir, 'dist'));
}

/**
 * A copy of the app without the suite, in a directory of its own that looks
 * like a one-package monorepo (the CLI looks for the root upwards) and
 * resolves every dependency from this repository's node_modules.
 */
function appWithoutSuite(workDir) {
  const copy = join(workDir, 'app');
  cpSync(join(app, 'src'), join(copy, 'src'), { recursive: true });
  cpSync(join(app, 'public'), join(copy, 'public'), { recursive: true });
  for (const file of wiredFiles) {
    const path = join(copy, file);
    writeFileSync(path, withoutSuite(readFileSync(path, 'utf8'), suiteScope));
  }
  // Feature discovery reads the app's dependencies; drop the suite's.
  const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
  pkg.dependencies = Object.fromEntries(
    Object.entries(pkg.dependencies).filter(
      ([name]) => !name.startsWith(suiteScope),
    ),
  );
  writeFileSync(join(copy, 'package.json'), JSON.stringify(pkg, null, 2));
  const { devDependencies } = JSON.parse(
    readFileSync(join(root, 'package.json'), 'utf8'),
  );
  writeFileSync(
    join(workDir, 'package.json'),
    JSON.stringify({ private: true, workspaces: ['app'], devDependencies }),
  );
  symlinkSync(join(root, 'node_modules'), join(workDir, 'node_modules'));
  return copy;
}

const withSuite = reuseDist
  ? initialScriptsGzipBytes(join(app, 'dist'))
  : buildApp(app);
const workDir = mkdtempSync(join(tmpdir(), 'bundle-baseline-'));
let baseline;
try {
  baseline = buildApp(appWithoutSuite(workDir));
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

const kb = bytes => (bytes / 1024).toFixed(1);
const added = withSuite - baseline;
console.log(
  `initial JS (gzip): with the suite ${kb(withSuite)} KB, without ${kb(
    baseline,
  )} KB, added ${kb(added)} KB (budget ${budgetKb} KB)`,
);
if (added > budgetKb * 1024) {
  console.error('The suite adds more than its budget to the initial bundle.');
  process.exit(1);
}
