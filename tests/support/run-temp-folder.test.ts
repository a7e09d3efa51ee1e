import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useRunTempFolder } from './run-temp-folder';
import { systemTempDir } from './system-temp-dir';
import { MOUNTS_AVAILABLE, mountTmpfs } from './tmpfs-mount';

/** Runs `body` with the run's temporary folder set up, and always tears it down. */
function withRunTempFolder(body: (folder: string) => void): void {
  const teardown = useRunTempFolder();
  try {
    body(os.tmpdir());
  } finally {
    teardown();
  }
}

describe("the test run's temporary folder", () => {
  it('is where this process and the processes it starts make temporary folders, and is removed whole after', () => {
    const outside = os.tmpdir();
    let folder = '';
    withRunTempFolder((inside) => {
      folder = inside;
      expect(path.dirname(inside)).toBe(outside);
      expect(path.basename(inside)).toMatch(/^keyferry-tests-/);
      const child = execFileSync(process.execPath, ['-p', 'require("node:os").tmpdir()'], { encoding: 'utf8' });
      expect(child.trim()).toBe(inside);
      // The system's own stays known, for a child that must see the machine as a user's command does.
      expect(systemTempDir()).toBe(outside);
      // What tests leave behind: nested folders with key material in them.
      mkdirSync(path.join(inside, 'kf-journal-x', 'wrapped'), { recursive: true });
      writeFileSync(path.join(inside, 'kf-journal-x', 'wrapped', 'PlaintextKeyMaterial.bin'), Buffer.alloc(32, 7));
    });
    expect(existsSync(folder)).toBe(false);
    expect(os.tmpdir()).toBe(outside);
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'unmounts a file system a test left mounted inside it, and never empties it by walking in',
    () => {
      let point = '';
      withRunTempFolder((inside) => {
        point = path.join(inside, 'kf-stick-left', 'mnt');
        // A test that failed before its own unmount ran: the tmpfs stays mounted under the run's folder.
        mountTmpfs(point, { sizeKiB: 64, prepare: (dir) => writeFileSync(path.join(dir, 'share-1.txt'), 'share') });
      });
      expect(existsSync(point)).toBe(false);
      expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(point);
    },
  );
});
