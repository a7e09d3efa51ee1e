/**
 * A command's `--help`, rendered from its declaration (command.ts `CommandHelp`) in the CLI's
 * language: usage forms, what it does, every option of its table with the catalogue's description
 * (grouped under headings), then notes. Option names and placeholders are never translated.
 */
import { displayWidth } from '../core/receipt/line-break';
import type { DisplayLocale } from '../i18n/locale';
import { translator, type Translator } from '../i18n/translate';
import type { CliCommand } from './command';
import type { HelpText, OptionDef, OptionGroup } from './options';

function text(t: Translator, help: HelpText): string {
  return typeof help === 'string' ? t.message({ key: help }) : t.message(help);
}

/** `--name ARG` as the option column shows it. */
export function optionLabel(name: string, def: OptionDef): string {
  return def.type === 'string' ? `--${name} ${def.arg ?? 'VALUE'}` : `--${name}`;
}

const GROUP_ORDER: readonly (OptionGroup | undefined)[] = [
  undefined,
  'ceremony',
  'prove',
  'hsm',
  'connection',
  'replaced',
];

export function commandHelpText(command: CliCommand, locale: DisplayLocale): string {
  const tr = translator(locale);
  const { help } = command;
  // A form that starts with spaces continues the one before: indented under its options, not "or:" (a trial).
  const indent = ' '.repeat(displayWidth(tr.t('cli.help.command-usage', { command: command.name, synopsis: '' })) + 4);
  // Option names stay as typed; the bracketed words naming option groups are said in the help's language.
  const said = (form: string) =>
    form
      .replace('[connection options]', tr.t('cli.help.synopsis-group', { group: 'connection' }))
      .replace('[options]', tr.t('cli.help.synopsis-group', { group: 'other' }));
  const lines = help.synopsis
    .map(said)
    .map((form, i) =>
      i > 0 && form.startsWith(' ')
        ? `${indent}${form.trimStart()}`
        : tr.t(i === 0 ? 'cli.help.command-usage' : 'cli.help.command-or', { command: command.name, synopsis: form }),
    );
  lines.push('', ...text(tr, help.about).split('\n'));
  const entries = Object.entries(help.options);
  const width = Math.max(...entries.map(([name, def]) => optionLabel(name, def).length)) + 2;
  for (const group of GROUP_ORDER) {
    const inGroup = entries.filter(([, def]) => def.group === group);
    if (inGroup.length === 0) continue;
    lines.push('');
    if (group) lines.push(tr.t('cli.group', { group }));
    for (const [name, def] of inGroup) {
      const [first, ...rest] = text(tr, def.help).split('\n');
      lines.push(`  ${optionLabel(name, def).padEnd(width)}${first ?? ''}`);
      for (const more of rest) lines.push(`  ${''.padEnd(width)}${more}`);
    }
  }
  for (const note of help.notes ?? []) lines.push('', ...text(tr, note).split('\n'));
  const extra = help.extra?.(tr.t) ?? [];
  if (extra.length > 0) lines.push('', ...extra);
  return lines.join('\n');
}
