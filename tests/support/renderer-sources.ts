/**
 * What the renderer compiles from src-main, written once: the layout test checks that these import
 * only zod (tests/layout.test.ts), and the UI tests' renderer build digests them to know when to
 * build again (tests/ui/build-renderer.ts). A table added for the renderer is then both checked and
 * watched; before, the build's own list lacked most of them, so a change to one alone left a stale
 * out/renderer under the UI tests.
 */
/** Folders the renderer build reads whole (digested as they are). */
export const RENDERER_INPUT_DIRS = ['src-renderer', 'src-main/ipc/schemas', 'src-main/i18n'];

/** Entry points the renderer (and tsconfig.web.json) pulls in; everything they import is walked. */
export const RENDERER_ENTRIES = [
  'src-main/ipc/contract.ts',
  'src-main/ipc/problem.ts',
  'src-main/preload/api-factory.ts',
];

/** Tables the contract derives from, so that each enumeration has one source; they import zod or one another only. */
export const RENDERER_SAFE_CORE = [
  'src-main/core/key-spec-table.ts',
  'src-main/core/identifiers.ts',
  'src-main/core/ceremony-sides.ts',
  'src-main/core/ceremony/shared/ceremony-states.ts',
  'src-main/core/ceremony/shared/allowed-steps.ts',
  'src-main/core/ceremony/shared/plan-limits.ts',
  'src-main/core/problem-limits.ts',
  'src-main/core/hex-groups.ts',
  'src-main/core/receipt/receipt-languages.ts',
  'src-main/core/receipt/paper-size.ts',
  'src-main/core/bundle/custody-arrangement.ts',
  'src-main/core/custody/set-tag.ts',
  'src-main/core/ceremony/airgap/wrap-again-reason.ts',
  'src-main/core/ceremony/shared/officer-reason.ts',
  'src-main/core/ceremony/restore/presenter-concern.ts',
  'src-main/core/ceremony/shared/ceremony-role.ts',
  'src-main/core/person-key.ts',
  'src-main/core/ceremony/airgap/not-withdrawn-cause.ts',
  'src-main/core/hsm/token-object-class.ts',
  'src-main/core/ceremony/airgap/destroyed-before-refusal.ts',
  'src-main/core/ceremony/shared/person-name-shape.ts',
  'src-main/core/ceremony/online/officers-word.ts',
  'src-main/core/ceremony/online/wrapped-digest-sources.ts',
  'src-main/core/ceremony/online/refusal-kinds.ts',
  'src-main/i18n/phrase-shape.ts',
  'src-main/i18n/data-field-shape.ts',
  'src-main/i18n/kms-state-names.ts',
];
