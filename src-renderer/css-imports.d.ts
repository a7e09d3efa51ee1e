/**
 * The renderer's style sheets are imported for their side effect (main.tsx); Vite bundles them.
 * TypeScript 7 checks side-effect imports (noUncheckedSideEffectImports is on by default), so it
 * is told here that a `.css` import is a module; Vite's build still fails on a path that is wrong.
 */
declare module '*.css';
