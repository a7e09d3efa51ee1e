/**
 * The `keyferry` registry is lazy: the air-gapped commands, run as real processes, never load the
 * KMS client or a network module, and `--help` lists every command without loading any of them.
 * A preload hook records every module the child loads; `kms-sim --help` proves the check can fail.
 * The processes are independent and run at the same time.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../src-main/cli/commands/index';
import { summaryKeyOf, type CliCommand, type CliIo } from '../../../src-main/cli/command';
import { helpText, runCli } from '../../../src-main/cli/run-cli';
import { en } from '../../../src-main/i18n/catalogues/en';
import { zhCN } from '../../../src-main/i18n/catalogues/zh-CN';
import { KEYFERRY_BIN } from '../../integration/cli-process';

const ROOT = path.resolve(__dirname, '../../..');
/** The KMS client and the KMS simulator: neither may load on the air-gapped side. */
const KMS_FOLDERS = [path.join(ROOT, 'src-main', 'core', 'kms'), path.join(ROOT, 'src-main', 'core', 'kms-simulator')];
const NETWORK_BUILTINS = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici'];
/**
 * Node-internal modules that only a network client or server loads. `net` and `dgram` are
 * deliberately not here: Node loads `net` for stdio pipes (process.stdout on a pipe is a
 * net.Socket) and tsx's own IPC client requires node:net; Node's child_process internals load
 * `dgram`, and esbuild (under tsx) requires child_process. For those two, only the project's own
 * requires (Module._load calls from files under src-main/ and node_modules/ other than the
 * tsx/esbuild runner) are checked.
 */
const NETWORK_INTERNALS = [
  'http',
  'https',
  'http2',
  'tls',
  '_tls_wrap',
  'dns',
  '_http_client',
  '_http_server',
  '_http_agent',
];
/** The dev-time runner (absent from the shipped app); its own requires are not the product's. */
const RUNNER = [
  path.join(ROOT, 'node_modules', 'tsx') + path.sep,
  path.join(ROOT, 'node_modules', 'esbuild') + path.sep,
];
/**
 * src-main transpiled file by file (esbuild, CommonJS, the transform tsx applies), each .ts as a
 * .js at the same place under this folder, with package.json beside it as in the checkout: plain
 * `node` then loads it module by module without a loader of its own (tsx costs each child about
 * 2 s of CPU). Inside node_modules/.cache so the packages resolve from the checkout's node_modules.
 */
let TRANSPILED = '';

/**
 * CommonJS preload: logs every Module._load call with its parent, and the loaded files at exit.
 * Its exit listener is the child's: it reaches process through require('node:process') so that
 * tests/support/isolation.ts, which reads this file's text, does not take it for a listener this
 * file adds to its own process (this file shares its worker's process).
 */
const HOOK = `'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const requires = [];
const load = Module._load;
Module._load = function (request, parent) {
  requires.push({ request, parent: parent && parent.filename ? parent.filename : null });
  return load.apply(this, arguments);
};
require('node:process').on('exit', () => {
  fs.writeFileSync(process.env.KEYFERRY_LOAD_LOG, JSON.stringify({ requires, files: Object.keys(require.cache), moduleLoadList: process.moduleLoadList }));
});
`;

interface Loaded {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly requires: { request: string; parent: string | null }[];
  readonly files: string[];
  readonly moduleLoadList: string[];
}

async function transpileSources(): Promise<string> {
  const cache = path.join(ROOT, 'node_modules', '.cache', 'keyferry-test');
  await mkdir(cache, { recursive: true });
  const out = await mkdtemp(path.join(cache, 'cli-modules-'));
  const sources = (await readdir(path.join(ROOT, 'src-main'), { recursive: true, encoding: 'utf8' }))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(ROOT, 'src-main', f));
  await build({
    entryPoints: sources,
    outbase: ROOT,
    outdir: out,
    bundle: false,
    format: 'cjs',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    // `await import('./x')` becomes a require, as under tsx: Node's import() wants the extension.
    supported: { 'dynamic-import': false },
    logLevel: 'warning',
  });
  await copyFile(path.join(ROOT, 'package.json'), path.join(out, 'package.json'));
  return out;
}

/** A file the child loaded from the transpiled tree, named as its source in the checkout. */
function sourceOf(file: string): string;
function sourceOf(file: string | null): string | null;
function sourceOf(file: string | null): string | null {
  if (!file?.startsWith(TRANSPILED + path.sep)) return file;
  const source = path.join(ROOT, path.relative(TRANSPILED, file));
  return source.endsWith('.js') ? `${source.slice(0, -3)}.ts` : source;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'keyferry-cli-loading-'));
  await writeFile(path.join(dir, 'record-loads.cjs'), HOOK);
  TRANSPILED = await transpileSources();
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  if (TRANSPILED) await rm(TRANSPILED, { recursive: true, force: true });
});

let runs = 0;
/**
 * Runs `keyferry …args` as `node --require hook <transpiled>/src-main/cli/main.js …args` (module by
 * module, so the files it loads can be named, as their sources), or with `bundled` as the installed
 * command runs it (bin/keyferry.js: the CLI as one file made by esbuild).
 */
async function keyferryRecorded(args: string[], bundled = false): Promise<Loaded> {
  const log = path.join(dir, `loads-${++runs}.json`);
  const child = spawn(
    process.execPath,
    [
      '--require',
      path.join(dir, 'record-loads.cjs'),
      bundled ? KEYFERRY_BIN : path.join(TRANSPILED, 'src-main', 'cli', 'main.js'),
      ...args,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, KEYFERRY_LOAD_LOG: log, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const recorded = JSON.parse(await readFile(log, 'utf8')) as Omit<Loaded, 'code' | 'stdout' | 'stderr'>;
  return {
    code,
    stdout,
    stderr,
    requires: recorded.requires.map((r) => ({ request: sourceOf(r.request), parent: sourceOf(r.parent) })),
    files: recorded.files.map((f) => sourceOf(f)),
    moduleLoadList: recorded.moduleLoadList,
  };
}

const isProjectFile = (file: string | null): file is string =>
  !!file && file.startsWith(ROOT + path.sep) && !RUNNER.some((r) => file.startsWith(r));
const underKms = (file: string): boolean =>
  KMS_FOLDERS.some((kms) => file === kms || file.startsWith(kms + path.sep) || file.startsWith(`${kms}.`));

/** What a run loaded that the air-gapped side must not: network requires, KMS files, network internals. */
function networkReach(run: Loaded) {
  const own = run.requires.filter((r) => isProjectFile(r.parent));
  const networkRequires = own
    .filter((r) => NETWORK_BUILTINS.includes(r.request.replace(/^node:/, '').split('/')[0] as string))
    .map((r) => `${r.request} <- ${path.relative(ROOT, r.parent as string)}`);
  const resolvedRelative = own
    .filter((r) => r.request.startsWith('.'))
    .map((r) => path.resolve(path.dirname(r.parent as string), r.request));
  const kmsFiles = [
    ...run.files,
    ...resolvedRelative,
    ...run.requires.map((r) => r.request).filter((r) => path.isAbsolute(r)),
  ]
    .filter(underKms)
    .map((f) => path.relative(ROOT, f));
  const undici = run.files.filter((f) => f.includes(`${path.sep}node_modules${path.sep}undici${path.sep}`));
  const internals = run.moduleLoadList.filter((m) => NETWORK_INTERNALS.some((n) => m === `NativeModule ${n}`));
  return { networkRequires, kmsFiles: [...new Set(kmsFiles)], undici, internals };
}

const AIR_GAPPED: { args: string[]; module: string }[] = [
  { args: ['airgap', 'wrap'], module: 'airgap.ts' },
  { args: ['wrap'], module: 'wrap.ts' },
  { args: ['custody', 'split'], module: 'custody.ts' },
  { args: ['custody', 'restore'], module: 'custody.ts' },
  { args: ['bundle', 'verify'], module: 'bundle-verify.ts' },
  { args: ['journal', 'verify'], module: 'journal-verify.ts' },
];

describe.concurrent('air-gapped keyferry commands load no network code', () => {
  for (const { args, module } of AIR_GAPPED) {
    it(`keyferry ${args.join(' ')} --help loads neither the KMS client nor a network module`, async () => {
      const run = await keyferryRecorded([...args, '--help']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout.startsWith(`Usage: keyferry ${args.join(' ')}`)).toBe(true);
      // The hook did see the project's requires: the command's own module was loaded.
      expect(run.files).toContain(path.join(ROOT, 'src-main', 'cli', 'commands', module));
      expect(networkReach(run)).toEqual({ networkRequires: [], kmsFiles: [], undici: [], internals: [] });
    });
  }

  it('keyferry kms-sim --help does load the KMS simulator and node:http (the check can fail)', async () => {
    const run = await keyferryRecorded(['kms-sim', '--help']);
    expect(run.code).toBe(0);
    const reach = networkReach(run);
    expect(reach.networkRequires).toContain('node:http <- src-main/core/kms-simulator/index.ts');
    expect(reach.kmsFiles).toContain(path.join('src-main', 'core', 'kms-simulator', 'index.ts'));
    expect(reach.internals).toContain('NativeModule http');
  });

  it('the bundled CLI the keyferry command runs keeps them lazy: no network internals, but for kms-sim', async () => {
    const [simulator, ...runs] = await Promise.all([
      keyferryRecorded(['kms-sim', '--help'], true),
      ...AIR_GAPPED.map(({ args }) => keyferryRecorded([...args, '--help'], true)),
    ]);
    for (const [i, { args }] of AIR_GAPPED.entries()) {
      const run = runs[i] as Loaded;
      expect(run.code).toBe(0);
      expect(run.stdout.startsWith(`Usage: keyferry ${args.join(' ')}`)).toBe(true);
      expect(networkReach(run).internals, args.join(' ')).toEqual([]);
    }
    expect(networkReach(simulator as Loaded).internals).toContain('NativeModule http');
  });

  it('keyferry --help lists every command without loading any command module', async () => {
    const run = await keyferryRecorded(['--help']);
    expect(run.code).toBe(0);
    for (const entry of commands) expect(run.stdout).toContain(`  ${entry.name}`);
    const commandModules = run.files.filter((f) =>
      f.startsWith(path.join(ROOT, 'src-main', 'cli', 'commands') + path.sep),
    );
    expect(commandModules.map((f) => path.basename(f))).toEqual(['index.ts']);
    expect(networkReach(run)).toEqual({ networkRequires: [], kmsFiles: [], undici: [], internals: [] });
  });
});

describe('the lazy command registry', () => {
  it('lists each command with the exact name its module declares', async () => {
    for (const entry of commands) expect((await entry.load()).name).toBe(entry.name);
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
  });

  it("lists each command's summary from the catalogue, in the reader's language", () => {
    for (const [locale, catalogue] of [
      ['en', en],
      ['zh-CN', zhCN],
    ] as const) {
      const listed = helpText(commands, locale).split('\n');
      for (const entry of commands) {
        const summary = catalogue[summaryKeyOf(entry.name) as keyof typeof en];
        expect(summary, entry.name).toBeTruthy();
        const line = listed.find((l) => l.startsWith(`  ${entry.name}  `)) ?? '';
        expect(line.slice(2 + entry.name.length).trim(), entry.name).toBe(summary);
      }
    }
  });

  function io(out: string[], err: string[]): CliIo {
    return { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {}, cwd: ROOT };
  }
  function fake(name: string, loads: string[], loadedName = name): { name: string; load: () => Promise<CliCommand> } {
    return {
      name,
      load: async () => {
        loads.push(name);
        return {
          name: loadedName,
          help: { synopsis: [''], about: 'cli.help.title', options: {} },
          run: async (args, cliIo) => (cliIo.stdout(`ran ${name} ${args.join(' ')}`), 0),
        };
      },
    };
  }

  it('runCli loads only the matched command, also for its --help, and none for the list', async () => {
    const loads: string[] = [];
    const entries = [fake('alpha', loads), fake('beta one', loads), fake('beta two', loads)];
    const out: string[] = [];
    expect(await runCli(entries, ['--help'], io(out, []))).toBe(0);
    expect(out.join('\n')).toMatch(/^ {2}beta two$/m);
    expect(loads).toEqual([]);
    expect(await runCli(entries, ['beta', 'two', 'x'], io(out, []))).toBe(0);
    expect(await runCli(entries, ['alpha', '--help'], io(out, []))).toBe(0);
    expect(loads).toEqual(['beta two', 'alpha']);
    expect(out.at(-2)).toBe('ran beta two x');
    expect(out.at(-1)).toMatch(/^Usage: keyferry alpha \n/);
  });

  it('a registry entry that loads a different command fails in one plain line', async () => {
    const err: string[] = [];
    expect(await runCli([fake('alpha', [], 'omega')], ['alpha'], io([], err))).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^keyferry alpha: The command "alpha" loaded as "omega"\. Report this/);
  });
});
