/**
 * The one lock every test-time build takes (the UI tests' renderer build, the app builds of the
 * preload, packaging and Electron suites): a lock folder under out/, so two test processes never
 * build at once (2 shared cores) and never write the same output together.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
export const BUILD_LOCK = path.join(ROOT, 'out', '.renderer-build.lock');

/** Runs `build` while holding the build lock; waits up to 3 minutes; a lock older than 5 is stale. */
export async function withBuildLock<T>(build: () => Promise<T>): Promise<T> {
  await fs.mkdir(path.dirname(BUILD_LOCK), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      await fs.mkdir(BUILD_LOCK);
      break;
    } catch {
      const stat = await fs.stat(BUILD_LOCK).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > 300_000) await fs.rm(BUILD_LOCK, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new Error(`Another build holds ${BUILD_LOCK}; remove it if no build is running.`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await build();
  } finally {
    await fs.rm(BUILD_LOCK, { recursive: true, force: true });
  }
}
