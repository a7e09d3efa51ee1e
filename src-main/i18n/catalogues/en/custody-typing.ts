/**
 * A custodian typing their share back from the printed slip (core/custody/typed-share.ts): what is
 * wrong with the typed lines, and what to do. `reason` picks the case; values a case does not
 * use are passed empty.
 */
export const enCustodyTyping = {
  'problem.CUSTODY_TYPED_SHARE_INVALID':
    '{reason, select, no_header {No header line ("KEYFERRY SHARE V1 ...") was found in the typed share.} header_form {The header line does not read as "KEYFERRY SHARE V1 <i> OF <n> NEEDS <m> LINES <count> CHECK <xx>".} header_check {The header line does not match its check: look for a typo in the header line.} line_form {Line {line} does not read as a line number, up to 16 characters and a 2-character check.} line_order {Line {line} is numbered {numbered}: a line is missing, repeated or out of order.} too_many {There are more lines than the {expected} the header announces.} line_length {Line {line} has {length} characters instead of {width}.} line_check {Line {line} does not match its check {check}: look for a typo in line {line}.} too_few {Only {found} of the {expected} lines were found: line {missing} is missing.} no_decode {The typed lines do not decode, though each matches its check.} unreadable {The typed share cannot be read: {detail}.} other {The header line and the numbered lines describe different shares.}}',
  'problem.CUSTODY_TYPED_SHARE_INVALID.next':
    '{reason, select, no_header {Type the header line of the slip first, then its numbered lines.} line_order {Type every numbered line of the slip once, in order.} too_few {Type every numbered line of the slip once, in order.} too_many {Remove the extra lines, or correct the header.} no_decode {Compare every line with the printed slip and try again.} unreadable {Compare every line with the printed slip and try again.} mixed {Type the header and the lines from the same slip.} other {Compare that line with the printed slip character by character, correct it and try again.}}',
} as const;
