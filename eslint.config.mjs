// ESLint flat config. Two project rules matter most:
// - `electron` is importable only by the two files that run inside Electron (the desktop main entry
//   and the preload); the core, the headless host, the scripts and the tests never load it.
// - no async function is ever passed to a transaction (drizzle would commit the part after an await).
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export const ELECTRON_FILES = ['src/main/index.ts', 'src/preload/index.ts']

export const noAsyncTransaction = {
  selector:
    "CallExpression[callee.property.name='transaction'] > :matches(ArrowFunctionExpression, FunctionExpression)[async=true], " +
    "CallExpression[callee.name='transact'] > :matches(ArrowFunctionExpression, FunctionExpression)[async=true]",
  message: 'Never pass an async function to a transaction: the part after an await commits on its own. Keep transactions synchronous.'
}

const noElectron = {
  // Types (erased at build) may be named anywhere: the desktop menu's template is typed by Electron's.
  paths: [{ name: 'electron', allowTypeImports: true, message: 'Only src/main/index.ts and src/preload/index.ts may import electron; this file is loaded by the headless host or the tests.' }],
  patterns: [{ group: ['electron/*'], message: 'Only the desktop shell may import electron.' }]
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'drizzle/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-syntax': ['error', noAsyncTransaction],
      'no-restricted-imports': ['error', noElectron],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ELECTRON_FILES,
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn'
    }
  }
)
