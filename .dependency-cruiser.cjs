/**
 * The layering rule (run by `npm test`): the renderer is untrusted and platform-free, the
 * core runs in plain Node without Electron, and shared/ runs anywhere.
 */
const ELECTRON_MODULE = '^electron$|(^|/)node_modules/electron/';
const NATIVE_OR_SERVER = '^better-sqlite3$|(^|/)node_modules/better-sqlite3/';

const FRAMEWORKS = '^(react|react-dom|antd)$|(^|/)node_modules/(react|react-dom|antd)/';

/** One forbidden rule per (layer, target) pair: dependency-cruiser's `to` takes one condition. */
function forbid(name, comment, from, targets) {
  return targets.map((to, i) => ({ name: `${name}${targets.length > 1 ? `-${i + 1}` : ''}`, comment, severity: 'error', from: { path: from }, to }));
}

module.exports = {
  forbidden: [
    ...forbid(
      'renderer-stays-in-the-browser',
      'renderer/ may not import electron, Node built-ins, native modules, or main-process code: it only calls the contract.',
      '^renderer/',
      [{ dependencyTypes: ['core'] }, { path: ELECTRON_MODULE }, { path: NATIVE_OR_SERVER }, { path: '^electron/' }],
    ),
    ...forbid(
      'core-runs-without-electron',
      'electron/core/ and electron/host/ run in plain Node (tests, browser mode): never import electron or the main/preload glue.',
      '^electron/(core|host)/',
      [{ path: ELECTRON_MODULE }, { path: '^electron/(main|preload)/' }, { path: '^renderer/' }],
    ),
    ...forbid(
      'shared-is-platform-free',
      'shared/ (contract, schemas, errors) serves renderer and main alike: no Node, Electron, native, UI-framework or app-layer imports.',
      '^shared/',
      [{ dependencyTypes: ['core'] }, { path: ELECTRON_MODULE }, { path: NATIVE_OR_SERVER }, { path: '^(electron|renderer)/' }, { path: FRAMEWORKS }],
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)dist/' },
  },
};
