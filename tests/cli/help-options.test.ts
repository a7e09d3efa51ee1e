/**
 * Every command's --help is rendered from the option table its parser uses: each declared option
 * has its line (name, placeholder and a description from the catalogue) in English and in Chinese,
 * no option line names an option the command does not accept, an undeclared option is refused
 * naming it, and the Chinese help has no English sentence left (option names stay as they are).
 */
import { describe, expect, it } from 'vitest';
import { commands } from '../../src-main/cli/commands/index';
import { runCli } from '../../src-main/cli/run-cli';
import { optionLabel } from '../../src-main/cli/help';
import { englishSentences } from './english-words';

async function run(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(commands, argv, {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    env,
    cwd: process.cwd(),
  });
  return { code, out, err };
}

/** Option lines: two spaces, the option, then its description. */
function optionLines(help: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const match of help.matchAll(/^ {2}(--[a-z][a-z0-9-]*)(?: \S+)?\s{2,}(\S.*)$/gm))
    lines.set(match[1] as string, match[2] as string);
  return lines;
}

describe('help and declared options', () => {
  for (const entry of commands) {
    it(`keyferry ${entry.name} --help documents exactly the options it accepts, in English and Chinese`, async () => {
      const command = await entry.load();
      const declared = Object.entries(command.help.options);
      expect(declared.length).toBeGreaterThan(0);
      for (const env of [{}, { LANG: 'zh_CN.UTF-8' }]) {
        const help = await run([...entry.name.split(' '), '--help'], env);
        expect(help.code).toBe(0);
        const text = help.out.join('\n');
        const lines = optionLines(text);
        for (const [name, def] of declared) {
          expect(text, `${name} in ${JSON.stringify(env)}`).toContain(`  ${optionLabel(name, def)}  `);
          expect(lines.get(`--${name}`)?.length ?? 0, `--${name} has a description`).toBeGreaterThan(3);
        }
        expect([...lines.keys()].filter((o) => !declared.some(([name]) => `--${name}` === o))).toEqual([]);
        if ('LANG' in env) {
          expect(text).toMatch(/^用法：keyferry /);
          expect(englishSentences(text), `English left in the Chinese help of ${entry.name}`).toEqual([]);
        } else expect(text).toMatch(/^Usage: keyferry /);
      }
      const probe = await run([...entry.name.split(' '), '--kf-undeclared-probe']);
      expect(probe.code).toBe(1);
      expect(probe.err.join('\n')).toContain(
        `keyferry ${entry.name}: This command has no option --kf-undeclared-probe.`,
      );
      const zhProbe = await run([...entry.name.split(' '), '--kf-undeclared-probe'], { LANG: 'zh_CN.UTF-8' });
      expect(zhProbe.err.join('\n')).toContain(`keyferry ${entry.name}: 此命令没有选项 --kf-undeclared-probe。`);
    });
  }

  it('lists a command group with --help in the CLI language and exits 0', async () => {
    for (const group of ['online', 'custody', 'journal', 'bundle', 'airgap']) {
      const result = await run([group, '--help']);
      expect(result.code).toBe(0);
      expect(result.out.join('\n')).toMatch(new RegExp(`^  ${group} \\w`, 'm'));
      const zh = await run([group, '--help'], { LANG: 'zh_CN.UTF-8' });
      expect(zh.out.join('\n')).toContain('命令：');
    }
    const incomplete = await run(['online'], { LANG: 'zh_CN.UTF-8' });
    expect(incomplete.code).toBe(1);
    expect(incomplete.err.join('\n')).toContain(
      'keyferry online：请选择其一：create-key、params、import、status、delete-material。',
    );
  });

  it('answers a misspelt command or option with the one meant, when one is that close and no other', async () => {
    const cases: [string[], string][] = [
      [
        ['online', 'improt'],
        'keyferry online: there is no "improt": did you mean "keyferry online import"? Or choose one of: create-key,',
      ],
      [['online', 'foo'], 'keyferry online: there is no "foo": choose one of: create-key,'],
      [['rehaerse'], 'keyferry: unknown command "rehaerse". Did you mean "keyferry rehearse"? Run "keyferry --help"'],
      [['frobnicate'], 'keyferry: unknown command "frobnicate". Run "keyferry --help" for the list.'],
      [
        ['online', 'import', '--jurnal', 'online.jsonl'],
        'keyferry online import: This command has no option --jurnal. Did you mean --journal? Run',
      ],
      [['online', 'import', '--expect-digets', 'x'], 'Did you mean --expect-digest?'],
      // The options every command takes are meant too (a trial's --recipt-lang got no suggestion).
      [['online', 'create-key', '--recipt-lang', 'zh-CN'], 'no option --recipt-lang. Did you mean --receipt-lang?'],
      [['journal', 'verify', 'x.jsonl', '--lan', 'zh-CN'], 'no option --lan. Did you mean --lang?'],
      [['online', 'import', '--x'], 'This command has no option --x. Run "keyferry online import --help"'],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.err.join('\n'), argv.join(' ')).toContain(message);
    }
    const zh = await run(['online', 'import', '--jurnal', 'x'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.err.join('\n')).toContain('此命令没有选项 --jurnal。您是否想输入 --journal？');
  });

  it('says --receipt-lang is kept by the journal only for commands that keep one: custody split keeps none', async () => {
    const split = (await run(['custody', 'split', '--help'])).out.join('\n');
    expect(split).toContain('Custody slips: --receipt-lang en|zh-CN|both');
    expect(split).toContain('This command keeps no journal, so nothing remembers the choice: give it on every split.');
    expect(split).not.toContain('later sessions keep it');
    const splitZh = (await run(['--lang', 'zh-CN', 'custody', 'split', '--help'])).out.join('\n');
    expect(splitZh).toContain('本命令不保留日志');
    expect(splitZh).not.toContain('之后的会话沿用它');
    const wrap = (await run(['airgap', 'wrap', '--help'])).out.join('\n');
    expect(wrap).toContain('a ceremony’s journal records it, and its later sessions keep it unless given again.');
  });

  it('refuses each kind of bad argument with its own message, naming the option', async () => {
    const cases: [string[], string][] = [
      [['journal', 'verify'], 'keyferry journal verify: This command needs FILE.'],
      [
        ['journal', 'verify', 'a.jsonl', 'b.jsonl'],
        'keyferry journal verify: This command does not take "b.jsonl" here.',
      ],
      [['journal', 'verify', 'a.jsonl', '--allow-later=yes'], 'The option --allow-later takes no value.'],
      [['journal', 'verify', 'a.jsonl', '--expect-head'], 'The option --expect-head needs a value.'],
      [['journal', 'verify', 'a.jsonl', '--expect-head', '--allow-later'], 'The option --expect-head needs a value.'],
      [
        ['journal', 'verify', 'a.jsonl', '--expect-count', '1', '--expect-count', '2'],
        'The option --expect-count was given more than once',
      ],
      [['journal', 'verify', 'a.jsonl', '--expect-count', 'x'], '--expect-count "x" is not a whole number'],
      [['rehearse', '--specs', ','], '--specs "," names no key spec.'],
      [['online', 'create-key', '--plan', 'p.json', '--alias', 'a'], '--plan does not go with --alias.'],
      // An option a plan file says itself is refused beside it, never dropped in silence.
      [
        ['online', 'create-key', '--plan', 'p.json', '--expires', '90d'],
        '--plan does not go with --expires: the plan file says the ceremony’s people, keys and settings',
      ],
      [['online', 'create-key', '--plan', 'p.json', '--witness', 'Eve'], 'and leave out --witness'],
      [['wrap', '--key-spec', 'AES_256', '--wrapping-key', 'k.der'], 'The option --out is required.'],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.err.join('\n'), argv.join(' ')).toContain(message);
    }
  });
});

describe('usage lines', () => {
  it('indents a usage that continues the one before under its options, and says "or:" only for another form', async () => {
    for (const [lang, or] of [
      ['en', '   or: keyferry custody restore '],
      ['zh-CN', '  或：keyferry custody restore '],
    ] as const) {
      const help = (await run(['--lang', lang, 'custody', 'restore', '--help'])).out.join('\n').split('\n');
      const usage = help.slice(0, help.indexOf(''));
      // Three forms (a restore ceremony, one into an HSM, a restore to files), each over two or three lines.
      expect(usage.filter((l) => l.startsWith(or))).toHaveLength(2);
      const continued = usage.filter((l) => /^ {20,}--journal FILE --operator NAME/.test(l));
      expect(continued).toHaveLength(1);
      expect(usage.every((l) => !l.includes('custody restore     '))).toBe(true);
    }
  });

  it('names the option groups of a usage line in the help’s language; option names stay as typed', async () => {
    const zh = (await run(['--lang', 'zh-CN', 'online', 'import', '--help'])).out.join('\n');
    expect(zh).toMatch(/^用法：keyferry online import --journal FILE .*\[--receipt-dir DIR\] \[连接选项\]$/m);
    expect(zh).not.toContain('[connection options]');
    const wrap = (await run(['--lang', 'zh-CN', 'airgap', 'wrap', '--help'])).out.join('\n');
    expect(wrap).toMatch(/^用法：keyferry airgap wrap --bundle DIR .* \[选项\]$/m);
    const en = (await run(['online', 'import', '--help'])).out.join('\n');
    expect(en).toMatch(/^Usage: keyferry online import .* \[connection options\]$/m);
  });
});
