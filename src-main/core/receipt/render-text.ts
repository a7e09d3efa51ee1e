/**
 * The receipt's plain-text twin: the same facts as the HTML (facts.ts), for archives and
 * terminals. User strings go through `visibleText`, so no control character can forge a line.
 */
import {
  CHECK_METHODS,
  DEVIATION_KIND_LABEL,
  DEVIATIONS_LEAD,
  deviationsNone,
  parametersSealAbout,
  PEOPLE_LEAD,
  ROLE_LABEL,
  ceremonyFacts,
  custodyHeading,
  custodyRows,
  formatSize,
  keyFacts,
  RECEIPT_TITLE,
  SEALS_LEAD,
  SEALS_TEXT_NOTE,
  SIDE_LABEL,
  SIGN_OFF_STATEMENT,
  signatories,
  type Fact,
} from './facts';
import { groupHexLines } from '../hex-groups';
import { visibleText } from './text-safety';
import type { ReceiptInput } from './types';
import { checkReceiptInput } from './validate';

const LABEL_WIDTH = 42;

function heading(title: string): string[] {
  return ['', title.toUpperCase(), '-'.repeat(title.length)];
}

function factLines(facts: Fact[], indent: string): string[] {
  return facts.flatMap((f) => {
    const label = `${indent}${f.label} `.padEnd(LABEL_WIDTH, '.') + ' ';
    if (!f.hex) return [`${label}${visibleText(f.value)}`];
    return groupHexLines(f.value).map((line, i) =>
      i === 0 ? `${label}${line}` : `${' '.repeat(LABEL_WIDTH + 1)}${line}`,
    );
  });
}

function hexBlock(hex: string, indent: string): string[] {
  return groupHexLines(hex).map((line) => `${indent}${line}`);
}

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** Renders the plain-text twin of the receipt; throws RECEIPT_INPUT_INVALID like the HTML. */
export function renderReceiptText(input: ReceiptInput): string {
  checkReceiptInput(input);
  const out: string[] = [
    RECEIPT_TITLE.toUpperCase(),
    '='.repeat(RECEIPT_TITLE.length),
    visibleText(input.title),
    SIDE_LABEL[input.side],
  ];
  out.push(...heading('Ceremony'), ...factLines(ceremonyFacts(input), '  '));
  if (input.deviations.length === 0) {
    out.push(...heading('Deviations'), ...wrap(deviationsNone(input.journal.count), 74, '  '));
  } else {
    const title = `!!! Deviations: ${input.deviations.length} !!!`;
    out.push('', '#'.repeat(title.length), title, '#'.repeat(title.length), ...wrap(DEVIATIONS_LEAD, 74, '  '));
    for (const d of input.deviations) {
      out.push(
        '',
        `  ! Entry ${d.seq}: ${DEVIATION_KIND_LABEL[d.kind] ?? d.kind}, ${visibleText(d.event)}`,
        `    ${visibleText(d.time)}, ${visibleText(d.actor)}`,
        ...wrap(visibleText(d.details), 72, '    '),
      );
    }
  }
  out.push(
    ...heading('Seals: read aloud in groups of four'),
    ...wrap(`${SEALS_LEAD} ${SEALS_TEXT_NOTE}`, 74, '  '),
    '',
  );
  out.push(`  Import-parameters bundle digest: ${visibleText(parametersSealAbout(input))}`);
  if (input.parametersBundle) out.push(...hexBlock(input.parametersBundle.digest, '      '));
  out.push(
    `  Wrapped-material bundle digest: SHA-256 of ${visibleText(input.bundle.name)}/manifest.json, the wrapped-material bundle (air-gapped → online)`,
    ...hexBlock(input.bundle.digest, '      '),
  );
  out.push(
    `  Journal head: hash of entry ${input.journal.count} of ${input.journal.count}, the journal's last entry when this receipt was made`,
    ...hexBlock(input.journal.headHash, '      '),
  );
  out.push(
    `  Check the journal with: keyferry journal verify JOURNAL --expect-count ${input.journal.count} --expect-head HASH`,
  );
  out.push(...heading('People'), ...wrap(PEOPLE_LEAD, 74, '  '));
  for (const p of input.people) {
    out.push('', `  ${ROLE_LABEL[p.role]}: ${visibleText(p.name)}`);
    for (const r of p.records) out.push(...wrap(`- ${visibleText(r)}`, 72, '    '));
  }
  out.push(...heading('Keys'));
  input.keys.forEach((key, i) => {
    out.push(
      '',
      `  Key ${i + 1} of ${input.keys.length}: ${visibleText(key.alias)}`,
      ...factLines(keyFacts(key, input.side), '    '),
    );
    out.push('    Output files:');
    if (key.outputFiles.length === 0) out.push('      none on this side');
    key.outputFiles.forEach((f) => {
      out.push(`      ${visibleText(f.name)} (${formatSize(f.size)})`);
      out.push(...groupHexLines(f.sha256).map((line, j) => `        ${j === 0 ? 'sha256' : '      '} ${line}`));
    });
    if (key.custody) {
      out.push(`    ${custodyHeading(key.custody)}`);
      custodyRows(key).forEach((h) =>
        out.push(
          `      Share ${h.shareIndex}: ${visibleText(h.custodian)}${key.custody?.restoredFrom ? `, presented by ${visibleText(h.presentedBy ?? '')}` : ''}`,
        ),
      );
    }
  });
  out.push(...heading('How these values are computed'), ...factLines([...CHECK_METHODS], '  '));
  out.push(...heading('Sign-off'), ...wrap(SIGN_OFF_STATEMENT[input.side], 74, '  '));
  signatories(input).forEach((s) => {
    out.push(
      '',
      `  ${s.role}: ${visibleText(s.name)}`,
      '    Signature: ________________________________    Date: ______________',
    );
  });
  out.push(
    '',
    `Made by Keyferry ${visibleText(input.app.version)} (build ${visibleText(input.app.build)}) on ${visibleText(input.workstation.hostname)}.`,
  );
  return `${out.join('\n')}\n`;
}
