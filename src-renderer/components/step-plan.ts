/**
 * A ceremony screen's plan: its numbered steps in the order they stand, each with its title. A
 * step's number is its place in the plan, so every step of a screen is numbered from one list and
 * a step added later is numbered by where it is put; its section (where its activity lines and
 * refusals are shown, `data-section`) is the screen's side and the step's name, e.g. `air-wrap`.
 */
import type { PlainKey } from '../i18n';

/** A step's title: a catalogue key, or null when the screen words it (a title that takes values). */
type StepTitle = PlainKey | null;

/** A step of a plan. */
export interface PlannedStepOf<T extends StepTitle> {
  readonly number: number;
  readonly section: string;
  readonly title: T;
}

/** Numbers a screen's steps by their place (the first is step 1) and names each one's section. */
export function stepPlan<const P extends Readonly<Record<string, StepTitle>>>(
  side: string,
  titles: P,
): { readonly [N in keyof P]: PlannedStepOf<P[N]> } {
  return Object.fromEntries(
    Object.entries(titles).map(([name, title], place) => [
      name,
      { number: place + 1, section: `${side}-${name}`, title },
    ]),
  ) as { readonly [N in keyof P]: PlannedStepOf<P[N]> };
}
