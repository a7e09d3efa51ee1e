/**
 * Puts zod in jitless mode. Imported FIRST (a side-effect import) by the preload and by the UI
 * tests' page bridge: ES imports are evaluated in order before the importing module's body, so a
 * `z.config` call in the preload's own body would run only after the contract's schemas were
 * built, and building an object schema makes zod probe `new Function` once, which the page's
 * CSP (no 'unsafe-eval') reports as an eval violation. tests/preload/zod-jitless.test.ts loads
 * the built preload with a trapping `Function` to prove no call happens.
 */
import { z } from 'zod';

z.config({ jitless: true });
