/**
 * Which code ran: a digest an auditor can recompute, printed by `keyferry --version`, journaled at
 * the start of each session and printed on receipts.
 *
 * - Packaged app: the SHA-256 of its `app.asar` header, the same value Electron's ASAR integrity
 *   check (electron-builder's `ElectronAsarIntegrity`) pins.
 * - From a checkout: the commit (read from `.git`, no git binary needed) and the SHA-256 of the
 *   sources, computed exactly as this shell line does in the checkout:
 *
 *       find src-main src-renderer package.json package-lock.json -type f -print0 \
 *         | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum
 *
 *   (about 300 small files: a few milliseconds).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The files and folders whose contents make up the source digest, relative to the checkout. */
const SOURCE_ROOTS = ['src-main', 'src-renderer', 'package.json', 'package-lock.json'] as const;

export type CodeIdentity =
  | { readonly kind: 'asar'; readonly digest: string }
  | { readonly kind: 'sources'; readonly digest: string; readonly commit: string | null };

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function listFiles(root: string, relative: string, into: string[]): void {
  const full = path.join(root, relative);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    into.push(relative);
    return;
  }
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    const child = `${relative}/${entry.name}`;
    if (entry.isDirectory()) listFiles(root, child, into);
    else if (entry.isFile()) into.push(child);
  }
}

/** SHA-256 over `sha256sum`-style lines of every source file, sorted bytewise by path. */
export function sourceDigest(root: string): string {
  const files: string[] = [];
  for (const entry of SOURCE_ROOTS) listFiles(root, entry, files);
  files.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const lines = files.map((file) => `${sha256(readFileSync(path.join(root, file)))}  ${file}\n`).join('');
  return sha256(lines);
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The commit checked out in `root` (a clone or a git worktree), or null when there is none. */
export function checkoutCommit(root: string): string | null {
  const dotGit = path.join(root, '.git');
  let gitDir = dotGit;
  const pointer = readText(dotGit);
  if (pointer !== undefined) {
    const match = /^gitdir: (.+)$/m.exec(pointer);
    if (!match?.[1]) return null;
    gitDir = path.resolve(root, match[1].trim());
  }
  const head = readText(path.join(gitDir, 'HEAD'))?.trim();
  if (!head) return null;
  if (/^[0-9a-f]{40,64}$/.test(head)) return head;
  const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1];
  if (!ref) return null;
  const common = readText(path.join(gitDir, 'commondir'))?.trim();
  const commonDir = common ? path.resolve(gitDir, common) : gitDir;
  for (const dir of [gitDir, commonDir]) {
    const loose = readText(path.join(dir, ref))?.trim();
    if (loose && /^[0-9a-f]{40,64}$/.test(loose)) return loose;
  }
  const packed = readText(path.join(commonDir, 'packed-refs')) ?? '';
  for (const line of packed.split('\n')) {
    const [hash, name] = line.split(' ');
    if (name === ref && hash && /^[0-9a-f]{40,64}$/.test(hash)) return hash;
  }
  return null;
}

/** SHA-256 of an asar archive's header JSON (Electron's ASAR integrity value). */
export function asarHeaderDigest(asarFile: string): string {
  // Chromium pickles: [4][header pickle size] then the header pickle: [payload size][string length][string].
  const fd = openSync(asarFile, 'r');
  try {
    const prefix = Buffer.alloc(16);
    readSync(fd, prefix, 0, 16, 0);
    const header = Buffer.alloc(prefix.readUInt32LE(12));
    readSync(fd, header, 0, header.length, 16);
    return sha256(header);
  } finally {
    closeSync(fd);
  }
}

/** Identifies the running code: the packaged asar when given and present, else the checkout at `root`. */
export function currentCodeIdentity(options: { readonly root: string; readonly asar?: string }): CodeIdentity {
  if (options.asar && existsSync(options.asar)) return { kind: 'asar', digest: asarHeaderDigest(options.asar) };
  return { kind: 'sources', digest: sourceDigest(options.root), commit: checkoutCommit(options.root) };
}

/** One line for people: `commit 1a2b3c4d5e6f, sources SHA-256 <hex>` or `app.asar header SHA-256 <hex>`. */
export function describeCodeIdentity(code: CodeIdentity): string {
  if (code.kind === 'asar') return `app.asar header SHA-256 ${code.digest}`;
  return `${code.commit ? `commit ${code.commit.slice(0, 12)}` : 'no git commit'}, sources SHA-256 ${code.digest}`;
}
