/**
 * No import cycle in the app's code (ADR 0019). Type-only imports count: a cycle through types is
 * still two modules that cannot be understood, moved or split one without the other. ESLint holds
 * the other layer rules (eslint/layers.js); import-x's no-cycle skips type imports, so the cycle
 * rule lives here.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Break the cycle at its cause: move what both modules need into a third one.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    // The web's @shared/* alias needs no resolving here: shared/ never imports web/, so no cycle passes through it.
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
