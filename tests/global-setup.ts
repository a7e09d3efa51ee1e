/** Runs once before the suite: builds what the UI tests load, when they are part of the run. */
export default async function setup(): Promise<void> {
  // The renderer build for UI tests is added with the UI suite (see tests/ui).
}
