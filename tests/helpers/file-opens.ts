/**
 * Test helper: counts how often each file directly in a folder is opened, by any process, with the
 * kernel's inotify (IN_OPEN) through python3's ctypes (python3 is one of CI's Debian packages). A
 * lstat or readdir is not an open; the folder's own opens (readdir) are counted under ''.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const WATCHER = String.raw`
import ctypes, json, os, select, struct, sys
libc = ctypes.CDLL(None, use_errno=True)
fd = libc.inotify_init1(os.O_NONBLOCK)
if fd < 0 or libc.inotify_add_watch(fd, sys.argv[1].encode(), 0x20) < 0:
    sys.exit('inotify: errno %d' % ctypes.get_errno())
counts = {}
def drain():
    while True:
        try:
            data = os.read(fd, 65536)
        except BlockingIOError:
            return
        at = 0
        while at < len(data):
            _wd, mask, _cookie, length = struct.unpack_from('iIII', data, at)
            name = data[at + 16:at + 16 + length].rstrip(b'\0').decode()
            if mask & 0x4000:
                sys.exit('inotify: events lost')
            counts[name] = counts.get(name, 0) + 1
            at += 16 + length
print('ready', flush=True)
while True:
    ready, _, _ = select.select([fd, sys.stdin], [], [])
    if fd in ready:
        drain()
    if sys.stdin in ready and not sys.stdin.readline():
        drain()
        break
print(json.dumps(counts), flush=True)
`;

export interface OpenCounter {
  /** Stops watching; how many times each file name was opened since the watch started. */
  stop(): Promise<Record<string, number>>;
}

/** Starts counting the opens of the files directly in `dir` (resolves once the watch is in place). */
export async function countOpens(dir: string): Promise<OpenCounter> {
  const child = spawn('python3', ['-c', WATCHER, dir], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done || first.value !== 'ready') throw new Error(`inotify watcher did not start: ${stderr}`);
  return {
    async stop() {
      child.stdin.end();
      const result = await lines.next();
      const [code] = (await once(child, 'exit')) as [number | null];
      if (code !== 0 || result.done) throw new Error(`inotify watcher failed (${code}): ${stderr}`);
      return JSON.parse(result.value) as Record<string, number>;
    },
  };
}
