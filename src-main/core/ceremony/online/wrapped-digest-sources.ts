/**
 * Where the digest that pinned a wrapped-material bundle came from: typed from the air-gapped
 * receipt by the online operator, or (rehearsals only) handed over by the rehearsal's own
 * air-gapped side, which played both machines. The one list: the journal's check entry, the
 * core's proof and the app's check request read it. Renderer-safe: imports nothing.
 */
export const WRAPPED_DIGEST_SOURCES = ['air-gapped-receipt', 'rehearsal-air-gapped-side'] as const;
export type WrappedDigestSource = (typeof WRAPPED_DIGEST_SOURCES)[number];
