/**
 * The printable receipt: one self-contained HTML document (inline CSS and SVG only; a CSP that
 * forbids every fetch). Every user-supplied string goes through `userText`.
 */
import {
  CHECK_METHODS,
  DEVIATION_KIND_LABEL,
  DEVIATIONS_LEAD,
  deviationsNone,
  parametersSealAbout,
  PEOPLE_LEAD,
  ROLE_LABEL,
  custodyHeading,
  custodyRows,
  ceremonyFacts,
  SEALS_LEAD,
  SEALS_QR_NOTE,
  formatSize,
  keyFacts,
  NOT_APPLICABLE,
  RECEIPT_TITLE,
  SIDE_LABEL,
  SIGN_OFF_STATEMENT,
  signatories,
  type Fact,
} from './facts';
import { groupHexLines } from '../hex-groups';
import { qrSvg } from './qr-svg';
import { receiptCss } from './receipt-css';
import { escapeHtml, userText } from './text-safety';
import type { ReceiptInput, ReceiptKey } from './types';
import { checkReceiptInput } from './validate';

export const RECEIPT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Grouped hex in lines of eight groups, monospace. */
function hexHtml(hex: string): string {
  return `<div class="hex">${groupHexLines(hex)
    .map((line) => `<span>${escapeHtml(line)}</span>`)
    .join('')}</div>`;
}

function factRows(facts: Fact[]): string {
  return facts
    .map((f) => {
      const cls = f.value === NOT_APPLICABLE ? ' class="na"' : '';
      const label = escapeHtml(f.label).replace('(SHA-256)', '<span class="nowrap">(SHA-256)</span>');
      return `<tr><th scope="row">${label}</th><td${cls}>${f.hex ? hexHtml(f.value) : userText(f.value)}</td></tr>`;
    })
    .join('\n');
}

function seal(title: string, about: string, hex: string): string {
  return `<div class="seal"><div><h3>${escapeHtml(title)}</h3><p class="about">${about}</p>${hexHtml(hex)}</div>
<figure>${qrSvg(hex, { label: `QR code of the ${title.toLowerCase()}` })}<figcaption>QR: the same ${hex.length} hex digits</figcaption></figure></div>`;
}

function filesTable(key: ReceiptKey): string {
  if (key.outputFiles.length === 0) return '<h4>Output files</h4><p>None on this side.</p>';
  const rows = key.outputFiles
    .map(
      (f) =>
        `<tr><td>${userText(f.name)}</td><td class="num">${escapeHtml(formatSize(f.size))}</td><td>${hexHtml(f.sha256)}</td></tr>`,
    )
    .join('\n');
  return `<h4>Output files</h4><table class="files"><thead><tr><th>File</th><th class="num">Size</th><th>SHA-256</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function custodyTable(key: ReceiptKey): string {
  if (!key.custody) return '';
  const restore = !!key.custody.restoredFrom;
  const rows = custodyRows(key)
    .map(
      (h) =>
        `<tr><td class="num">${h.shareIndex}</td><td>${userText(h.custodian)}</td>${restore ? `<td>${userText(h.presentedBy ?? '')}</td>` : ''}</tr>`,
    )
    .join('');
  return `<h4>${escapeHtml(custodyHeading(key.custody))}</h4><table class="custody"><thead><tr><th class="num share">Share</th><th>Custodian</th>${restore ? '<th>Presented by</th>' : ''}</tr></thead><tbody>${rows}</tbody></table>`;
}

function keySection(key: ReceiptKey, index: number, input: ReceiptInput): string {
  return `<article class="key"><h3>Key ${index + 1} of ${input.keys.length}: ${userText(key.alias)}</h3>
<table class="facts"><tbody>${factRows(keyFacts(key, input.side))}</tbody></table>
${filesTable(key)}${custodyTable(key)}</article>`;
}

function deviationsSection(input: ReceiptInput): string {
  if (input.deviations.length === 0)
    return `<section class="deviations none"><h2>Deviations</h2><p>${escapeHtml(deviationsNone(input.journal.count))}</p></section>`;
  const rows = input.deviations
    .map(
      (d) =>
        `<tr><td class="num">${d.seq}</td><td><strong>${escapeHtml(DEVIATION_KIND_LABEL[d.kind] ?? d.kind)}</strong><br><code>${userText(d.event)}</code></td><td class="when"><span class="nowrap">${userText(d.time.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}</span><br>${userText(d.actor)}</td><td class="details">${userText(d.details)}</td></tr>`,
    )
    .join('\n');
  return `<section class="deviations"><h2>Deviations: ${input.deviations.length}</h2><p class="lead">${escapeHtml(DEVIATIONS_LEAD)}</p>
<table><thead><tr><th class="num">Entry</th><th>What</th><th>When, who</th><th>Details (from the journal)</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function peopleSection(input: ReceiptInput): string {
  const rows = input.people
    .map(
      (p) =>
        `<tr><td class="who"><span class="role">${escapeHtml(ROLE_LABEL[p.role])}</span><span class="name">${userText(p.name)}</span></td><td><ul>${p.records.map((r) => `<li>${userText(r)}</li>`).join('')}</ul></td></tr>`,
    )
    .join('\n');
  return `<section class="people"><h2>People</h2><p class="lead">${escapeHtml(PEOPLE_LEAD)}</p><table><tbody>${rows}</tbody></table></section>`;
}

function methodsSection(): string {
  return `<section class="methods"><h2>How these values are computed</h2><table class="facts"><tbody>${factRows([...CHECK_METHODS])}</tbody></table></section>`;
}

function parametersSeal(input: ReceiptInput): string {
  if (input.parametersBundle)
    return seal(
      'Import-parameters bundle digest',
      escapeHtml(parametersSealAbout(input)),
      input.parametersBundle.digest,
    );
  return `<div class="seal"><div><h3>Import-parameters bundle digest</h3><p class="about">${escapeHtml(parametersSealAbout(input))}</p></div></div>`;
}

function signOff(input: ReceiptInput): string {
  const rows = signatories(input)
    .map(
      (
        s,
      ) => `<tr><td class="who"><span class="role">${escapeHtml(s.role)}</span><span class="name">${userText(s.name)}</span></td>
<td><div class="line"></div><div class="caption">Signature</div></td><td class="date"><div class="line"></div><div class="caption">Date</div></td></tr>`,
    )
    .join('\n');
  return `<section class="signoff"><h2>Sign-off</h2><p class="statement">${escapeHtml(SIGN_OFF_STATEMENT[input.side])}</p>
<table class="signatures"><tbody>${rows}</tbody></table></section>`;
}

/** Renders the receipt as a complete HTML document (a string); throws RECEIPT_INPUT_INVALID. */
export function renderReceiptHtml(input: ReceiptInput): string {
  checkReceiptInput(input);
  const { journal, bundle } = input;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${RECEIPT_CSP}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(RECEIPT_TITLE)} ${escapeHtml(input.ceremonyId)} (${escapeHtml(input.side)})</title>
<style>${receiptCss(input.ceremonyId)}</style></head>
<body>
<header class="doc-head"><div><h1>${escapeHtml(RECEIPT_TITLE)}</h1><p class="subtitle">${userText(input.title)}</p></div><div class="side">${escapeHtml(SIDE_LABEL[input.side])}</div></header>
<section><h2>Ceremony</h2><table class="facts"><tbody>${factRows([...ceremonyFacts(input)])}</tbody></table></section>
${deviationsSection(input)}
<section><h2>Seals: read aloud in groups of four</h2>
<p class="lead">${escapeHtml(`${SEALS_LEAD} ${SEALS_QR_NOTE}`)}</p>
${parametersSeal(input)}
${seal('Wrapped-material bundle digest', `SHA-256 of ${userText(bundle.name)}/manifest.json, the wrapped-material bundle (air-gapped → online)`, bundle.digest)}
${seal('Journal head', `Hash of entry ${journal.count} of ${journal.count}, the journal's last entry when this receipt was made. Check the journal with:<br><code class="cmd">keyferry journal verify JOURNAL --expect-count ${journal.count} --expect-head HASH</code>`, journal.headHash)}
</section>
${peopleSection(input)}
<section><h2>Keys</h2>
${input.keys.map((key, i) => keySection(key, i, input)).join('\n')}
</section>
${methodsSection()}
${signOff(input)}
<footer>Made by Keyferry ${userText(input.app.version)} (build ${userText(input.app.build)}) on ${userText(input.workstation.hostname)}. A plain-text twin of this receipt states the same facts. Keyferry never prints key material; every value above is public or a one-way hash.</footer>
</body></html>
`;
}
