#!/usr/bin/env node
'use strict';
/**
 * The `keyferry` command (package.json "bin"): runs this package's TypeScript CLI in this process
 * through tsx. Paths are resolved against the folder it is started from (nothing changes directory).
 */
const path = require('node:path');

const root = path.join(__dirname, '..');
process.env.TSX_TSCONFIG_PATH = path.join(root, 'tsconfig.node.json');
require('tsx/cjs/api').register();
import('tsx/esm/api')
  .then(({ register }) => {
    register();
    require(path.join(root, 'src-main', 'cli', 'main.ts'));
  })
  .catch((error) => {
    process.stderr.write(`keyferry: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
