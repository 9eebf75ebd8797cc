/**
 * The main process's boundaries, checked by `npm run lint` (docs/architecture.md):
 * no import cycles (type imports included); core/ knows no domain; only app/ (the composition
 * root) imports procedures; the renderer never imports the main process; src/shared imports only
 * itself, zod and decimal.js; electron only in the two shell files.
 */
const DOMAINS = 'auth|audit|system|master|ledger|orders|aftersales|finance|reports|recon|cases|demo|fieldtest'
const PLATFORM = 'core|db|jobs|reads'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A module may not reach itself through its imports (type imports count): a reader must be able to tell what sits below the file it is editing.',
      from: {},
      to: { circular: true }
    },
    {
      name: 'platform-knows-no-domain',
      severity: 'error',
      comment: 'core/, db/, jobs/ and reads/ are what every domain may use; they know no domain, not even for a type (domains implement the ports core/ declares).',
      from: { path: `^src/main/(${PLATFORM})/` },
      to: { path: `^src/main/(${DOMAINS}|app|http|desktop|simulator|cli)/` }
    },
    {
      name: 'only-app-imports-procedures',
      severity: 'error',
      comment: 'Procedures are the transport-facing surface of a domain: only the composition root (app/) assembles them; a procedure never imports another domain\'s (or its own sibling\'s) procedures.',
      from: { path: '^src/main/', pathNot: '^src/main/app/' },
      to: { path: '^src/main/[^/]+/procedures(/|\\.ts$)' }
    },
    {
      name: 'domains-below-the-hosts',
      severity: 'error',
      comment: 'Domains never reach up into the composition root or a host.',
      from: { path: `^src/main/(${DOMAINS}|upstream)/` },
      to: { path: '^src/main/(app|http|desktop|cli)/|^src/main/(index|headless)\\.ts$' }
    },
    {
      name: 'renderer-not-main',
      severity: 'error',
      comment: 'The renderer talks to the main process through the contract only.',
      from: { path: '^src/renderer/' },
      to: { path: '^src/(main|preload)/' }
    },
    {
      name: 'shared-imports-only-itself',
      severity: 'error',
      comment: 'src/shared is loaded by every process, the renderer included: itself, zod and decimal.js only.',
      from: { path: '^src/shared/' },
      to: { pathNot: '^src/shared/|^node_modules/(zod|decimal\\.js)/|^node_modules/@types/' , dependencyTypesNot: ['type-only'] }
    },
    {
      name: 'electron-only-in-the-shell',
      severity: 'error',
      comment: 'Only the desktop main entry and the preload run inside Electron (types, erased at build, may be named anywhere).',
      from: { pathNot: '^src/main/index\\.ts$|^src/preload/index\\.ts$' },
      to: { path: '^node_modules/electron(-updater)?/', dependencyTypesNot: ['type-only'] }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } }
  }
}
