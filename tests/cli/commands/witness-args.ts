/** Test helpers: what the online side printed, and the air-gapped witnesses' confirmations as CLI options (the rest of `airgap wrap`: tests/helpers/cli-sides.ts). */

/** The import-parameters bundle digest `online params` set apart for reading aloud (grouped, upper case), in English or Chinese. */
export function paramsDigestFrom(paramsOutput: string): string {
  const m =
    /(?:IMPORT-PARAMETERS BUNDLE DIGEST|导入参数包摘要)[^\n]*\n\n {4}((?:[0-9A-F]{4} ){7}[0-9A-F]{4})\n {4}((?:[0-9A-F]{4} ){7}[0-9A-F]{4})\n/.exec(
      paramsOutput,
    );
  if (!m) throw new Error(`no import-parameters bundle digest in:\n${paramsOutput}`);
  return `${m[1]} ${m[2]}`;
}

/** The options with which every witness confirms the bundle digest `online params` printed: one per witness. */
export function airgapConfirmations(paramsOutput: string, witnesses: readonly string[]): string[] {
  const digest = paramsDigestFrom(paramsOutput);
  return witnesses.flatMap((w) => ['--witness-confirms', `${w}=${digest}`]);
}
