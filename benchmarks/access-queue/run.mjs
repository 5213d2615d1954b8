// Starts the access-queue benchmark (main.mjs) in a Node process that loads
// TypeScript (the workspace packages are TypeScript sources) the way
// `backstage-cli package start` does. See README.md for the options.
// Usage: node benchmarks/access-queue/run.mjs [--sizes 1000,100000] [--db sqlite,pg]
//   [--blocks 10] [--samples 30] [--warmup 3] [--ci] [--check] [--explain] [--out file.md]
//   [--skip a,b] [--only a,b]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const child = spawnSync(
  process.execPath,
  [
    // Client and backends share this process: a larger young generation
    // means fewer scavenge pauses landing on random samples.
    '--max-semi-space-size=64',
    '--require',
    require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
    '--require',
    join(import.meta.dirname, 'suiteResolution.cjs'),
    join(import.meta.dirname, 'main.mjs'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
process.exit(child.status ?? 1);
