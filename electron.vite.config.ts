/**
 * Build of the three Electron parts with electron-vite 6 (Vite 8 / Rolldown):
 *  - main    src-main/app/main.ts      → out/main/index.js     (CommonJS; dependencies bundled)
 *  - preload src-main/preload/index.ts → out/preload/index.js  (ONE CommonJS file: a sandboxed
 *            preload can require nothing but 'electron', so zod is bundled in)
 *  - renderer src-renderer/index.html  → out/renderer/          (relative base for app://keyferry/)
 * The renderer must run under the strict CSP of src-main/app/security/protocol-assets.ts: no inline
 * script (no module-preload polyfill) and no inlined data: assets except images.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** KEYFERRY_BUILD if set, else the git commit, else "dev". Same charset core accepts. */
function buildId(): string {
  const fromEnv = process.env.KEYFERRY_BUILD;
  if (fromEnv && /^[\w.+-]{1,64}$/.test(fromEnv)) return fromEnv;
  try {
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] });
    return `git.${commit.toString().trim()}`;
  } catch {
    return 'dev';
  }
}

const root = __dirname;
/** Where the build goes: out/ (what `npm start` and electron-builder use), or KEYFERRY_OUT_DIR
 * (tests build into their own folder, so they never empty out/renderer under the UI tests). */
const outRoot = resolve(root, process.env.KEYFERRY_OUT_DIR ?? 'out');

export default defineConfig({
  main: {
    define: { __KEYFERRY_BUILD__: JSON.stringify(buildId()) },
    build: {
      outDir: resolve(outRoot, 'main'),
      externalizeDeps: false,
      sourcemap: false,
      // pkcs11js is a native addon (a .node file loaded from disk): never bundled. The app's HSM
      // path loads it only on demand (dynamic import in the air-gapped workflow).
      rolldownOptions: { input: { index: resolve(root, 'src-main/app/main.ts') }, external: ['pkcs11js'] },
    },
  },
  preload: {
    build: {
      outDir: resolve(outRoot, 'preload'),
      externalizeDeps: false,
      sourcemap: false,
      rolldownOptions: { input: { index: resolve(root, 'src-main/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(outRoot, 'renderer'),
      emptyOutDir: true,
      sourcemap: false,
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      rolldownOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});
