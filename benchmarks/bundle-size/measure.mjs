// Measures how much the suite adds to the app's initial JavaScript: builds
// the app as it is, then once more without the suite's plugins, and compares
// the gzip size of the scripts index.html loads before anything is lazy.
// Usage: node benchmarks/bundle-size/measure.mjs [--budget-kb 50]
// Leaves packages/app/dist as the real app's build.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '../..');
const app = join(root, 'packages/app');
const dist = join(app, 'dist');
const suiteScope = '@datamesh-governance/';
const budgetFlag = process.argv.indexOf('--budget-kb');
const budgetKb = budgetFlag === -1 ? 50 : Number(process.argv[budgetFlag + 1]);
if (!(budgetKb > 0)) throw new Error('--budget-kb takes a number of KB');
// Files in the app that wire the suite in; the baseline build drops those lines.
const wiredFiles = ['src/App.tsx', 'src/modules/nav/Sidebar.tsx'].map(f =>
  join(app, f),
);

function initialScriptsGzipBytes() {
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

function buildApp(extraArgs = []) {
  execFileSync('yarn', ['backstage-cli', 'package', 'build', ...extraArgs], {
    cwd: app,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return initialScriptsGzipBytes();
}

/** Removes the suite's imports and every line that uses what they import. */
function withoutSuite(source) {
  const imported = [];
  const importPattern = new RegExp(
    `^import\\s+(?:\\{([^}]*)\\}|(\\w+))\\s+from\\s+'${suiteScope}[^']*';\\n`,
    'gm',
  );
  const stripped = source.replace(importPattern, (_, named, dflt) => {
    imported.push(
      ...(named ?? dflt)
        .split(',')
        .map(n => n.trim())
        .filter(Boolean),
    );
    return '';
  });
  return stripped
    .split('\n')
    .filter(line => !imported.some(id => new RegExp(`\\b${id}\\b`).test(line)))
    .join('\n');
}

const originals = wiredFiles.map(file => readFileSync(file, 'utf8'));
const excludeConfig = join(dist, '..', 'bundle-baseline.config.yaml');
let baseline;
try {
  wiredFiles.forEach((file, i) =>
    writeFileSync(file, withoutSuite(originals[i])),
  );
  const pluginPackages = Object.keys(
    JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')).dependencies,
  ).filter(name => name.startsWith(suiteScope));
  writeFileSync(
    excludeConfig,
    `app:\n  packages:\n    exclude:\n${pluginPackages
      .map(name => `      - '${name}'\n`)
      .join('')}`,
  );
  baseline = buildApp([
    '--config',
    join(root, 'app-config.yaml'),
    '--config',
    excludeConfig,
  ]);
} finally {
  wiredFiles.forEach((file, i) => writeFileSync(file, originals[i]));
  execFileSync('rm', ['-f', excludeConfig]);
}
// Built last, so dist holds the real app afterwards.
const withSuite = buildApp();

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
