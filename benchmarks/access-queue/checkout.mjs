// Exports a commit of this repository into a directory that the harness can
// measure, so one machine compares two versions of the plugins side by side
// (e.g. the base commit and the working tree). The export reuses this tree's
// node_modules (symlinked) except for the suite's own packages, which point
// at the exported plugins. The harness files come from this tree; seed.mjs
// comes from the commit when it has one, as it must match that schema.
// Usage: node benchmarks/access-queue/checkout.mjs <commit> <directory>
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

const [commit, target] = process.argv.slice(2);
if (!commit || !target) {
  throw new Error('Usage: checkout.mjs <commit> <directory>');
}
const root = resolve(import.meta.dirname, '../..');
const out = resolve(target);
if (existsSync(out) && readdirSync(out).length > 0) {
  throw new Error(`${out} is not empty`);
}
mkdirSync(out, { recursive: true });

const archive = execFileSync('git', ['archive', commit], {
  cwd: root,
  maxBuffer: 1 << 30,
});
execFileSync('tar', ['-x', '-C', out], { input: archive });

const suiteScope = '@datamesh-governance';
mkdirSync(join(out, 'node_modules', suiteScope), { recursive: true });
for (const entry of readdirSync(join(root, 'node_modules'))) {
  if (entry === suiteScope || entry === '.bin') continue;
  symlinkSync(
    join(root, 'node_modules', entry),
    join(out, 'node_modules', entry),
  );
}
for (const folder of ['plugins', 'packages']) {
  for (const dir of readdirSync(join(out, folder))) {
    const manifest = join(out, folder, dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name } = JSON.parse(readFileSync(manifest, 'utf8'));
    if (name?.startsWith(`${suiteScope}/`)) {
      symlinkSync(join(out, folder, dir), join(out, 'node_modules', name));
    }
  }
}

const harness = join(root, 'benchmarks/access-queue');
const exported = join(out, 'benchmarks/access-queue');
const commitHasSeed = existsSync(join(exported, 'seed.mjs'));
mkdirSync(exported, { recursive: true });
for (const file of readdirSync(harness)) {
  if (file === 'seed.mjs' && commitHasSeed) continue;
  copyFileSync(join(harness, file), join(exported, file));
}
console.log(
  `${commit} is in ${out}; measure it with node ${join(exported, 'run.mjs')}`,
);
