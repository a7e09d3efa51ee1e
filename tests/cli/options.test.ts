/**
 * The CLI's one option parser: a `grouped` option (a digest typed in groups of four, as printed)
 * takes the unquoted groups after it as its value; anything else after options stays refused.
 */
import { describe, expect, it } from 'vitest';
import { optionTable, parseOptions } from '../../src-main/cli/options';
import { toProblem } from '../../src-main/core/errors';
import { translator } from '../../src-main/i18n/translate';

const table = optionTable({
  bundle: { type: 'string', arg: 'DIR', help: 'cli.opt.online-import.bundle' },
  'expect-digest': { type: 'string', arg: 'HEX', help: 'cli.opt.online-import.expect-digest', grouped: true },
  expires: { type: 'string', arg: 'WHEN', help: 'cli.opt.online-import.expires' },
  'allow-network': { type: 'boolean', help: 'cli.opt.allow-network' },
});

describe('parseOptions: a grouped value typed without quotes', () => {
  it('joins the groups after the option, up to the next option', () => {
    const { values } = parseOptions('online import', table, [
      '--expect-digest',
      '05e9',
      'DA33',
      '62F3',
      '--bundle',
      'media/wrapped',
    ]);
    expect(values).toEqual({ 'expect-digest': '05e9 DA33 62F3', bundle: 'media/wrapped' });
  });

  it('takes a quoted or inline value as given, and continues an inline one too', () => {
    expect(parseOptions('online import', table, ['--expect-digest', '05E9 DA33']).values['expect-digest']).toBe(
      '05E9 DA33',
    );
    expect(parseOptions('online import', table, ['--expect-digest=05E9', 'DA33']).values['expect-digest']).toBe(
      '05E9 DA33',
    );
  });

  it('still refuses a word that is not a group, and words after an option that is not grouped', () => {
    expect(() => parseOptions('online import', table, ['--expect-digest', '05E9', 'media/wrapped'])).toThrow(
      expect.objectContaining({ code: 'CLI_ARGUMENT_UNEXPECTED' }),
    );
    expect(() => parseOptions('online import', table, ['--expires', 'never', 'DA33'])).toThrow(
      expect.objectContaining({ code: 'CLI_ARGUMENT_UNEXPECTED' }),
    );
    expect(() => parseOptions('online import', table, ['--bundle', 'b', '--', 'DA33'])).toThrow(
      expect.objectContaining({ code: 'CLI_ARGUMENT_UNEXPECTED' }),
    );
  });
});

describe('parseOptions: what a stray word is told', () => {
  const stray = (args: string[]) => {
    try {
      parseOptions('airgap wrap', table, args);
    } catch (error) {
      return translator('en').problem(toProblem(error)).nextStep;
    }
    return undefined;
  };
  it('a group of four hex digits: the rest of a digest typed with spaces, to put in quotes', () => {
    expect(stray(['--expires', 'never', '75BC'])).toMatch(
      /^It looks like a group of a digest typed with spaces: put the whole value in quotes/,
    );
    expect(stray(['--expires', 'never', 'media/wrapped'])).toMatch(
      /^Check the command line against "keyferry airgap wrap --help"/,
    );
  });

  it('a word right after a flag: the flag takes no value, said before the general advice', () => {
    expect(stray(['--allow-network', 'rehearsal only'])).toBe(
      'It follows --allow-network, which takes no value: leave the value out (see --help for what --allow-network does). Check the command line against "keyferry airgap wrap --help" (an option name may be missing before the value).',
    );
    // Not after a flag's value-less word once another option came between.
    expect(stray(['--allow-network', '--expires', 'never', 'x'])).toMatch(/^Check the command line/);
  });
});
