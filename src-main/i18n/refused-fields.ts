/**
 * The fields zod refused in an input (a share file, a typed slip, a config file, a bundle's
 * manifest, a KMS answer), as values a problem names: the field paths as the input writes them
 * (`materialCheck.value`, `keys[0].keyUsage`; codes, never translated) joined in the reader's
 * language, and how many there are. Never zod's English message: the catalogue says what is wrong.
 */
import type { z } from 'zod';
import { listValue } from './list';

/** A field's path in the input's notation: `keys[2].spec`; `whole` for the input itself. */
export function fieldPath(path: readonly PropertyKey[], whole: string): string {
  if (path.length === 0) return whole;
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`))
    .join('');
}

/** The paths zod refused, each once, in order; an unknown field is named itself. */
function refusedPaths(issues: readonly z.core.$ZodIssue[], whole: string): string[] {
  const paths = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => fieldPath([...issue.path, key], whole))
      : [fieldPath(issue.path, whole)],
  );
  return [...new Set(paths)];
}

/** The values `{fieldCount, plural, …}` and `{fieldsList}` of a refusal naming the fields zod refused. */
export function refusedFields(
  issues: readonly z.core.$ZodIssue[],
  whole: string,
): { fieldCount: number; fieldsList: string } {
  const paths = refusedPaths(issues, whole);
  return { fieldCount: paths.length, fieldsList: listValue(paths) };
}
