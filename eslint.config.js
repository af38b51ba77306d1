import { readdirSync } from 'node:fs'
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Who may import whom. The parts: src/app -> src/features/<one> -> shared (src/components,
// src/lib), and contract/ under all of them; server/ sees contract/ only. Inside src, another
// folder is reached through '@/...', so these patterns see every import between parts.
const FEATURES = readdirSync(new URL('src/features', import.meta.url))
const rule = (regex, message) => ({ regex, message })
const forbid = {
  climbInSrc: rule(
    '^\\.\\./(?!(\\.\\./)*contract/)',
    "Inside src, import another folder through '@/...' (or '@contract/...').",
  ),
  app: rule('^@/app(/|$)', 'Only src/app imports src/app.'),
  features: rule(
    '^@/features(/|$)',
    'Shared code (src/components, src/lib) never imports a feature.',
  ),
  otherFeature: (feature) =>
    rule(
      `^@/features/(?!${feature}/)`,
      'A feature never imports another feature: move what both need to src/components or src/lib, or wire them together in src/app.',
    ),
  src: rule('^(@/|(\\.\\./)+src(/|$))', 'Only src imports src: share through contract/.'),
  server: rule('^(\\.\\./)+server(/|$)', 'contract/ never imports server/.'),
  react: rule('^react(-dom)?(/|$)', 'contract/ is plain TypeScript: no React.'),
  node: rule('^node:', 'contract/ runs in the browser too: no Node APIs.'),
  testSupport: rule(
    '(^|/)(testing|test-kit|e2e)(/|$)',
    'Production code never imports test support (src/testing, server/test-kit, e2e).',
  ),
}
const BOUNDARIES = [
  // Later entries replace earlier ones for the files both match.
  { files: ['src/**'], patterns: [forbid.climbInSrc] },
  {
    files: ['src/components/**', 'src/lib/**'],
    patterns: [forbid.climbInSrc, forbid.app, forbid.features],
  },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**`],
    patterns: [forbid.climbInSrc, forbid.app, forbid.otherFeature(feature)],
  })),
  { files: ['server/**'], patterns: [forbid.src] },
  {
    files: ['contract/**'],
    patterns: [forbid.src, forbid.server, forbid.react, forbid.node],
    paths: builtinModules.map((name) => ({ name, message: forbid.node.message })),
  },
]
const TESTS_AND_TEST_SUPPORT = [
  '**/*.test.{ts,tsx}',
  'src/testing/**',
  'server/test-kit/**',
  // The proxy tests' shared set-up (it starts the kit's upstreams around each test file).
  'server/proxy/test-harness.ts',
  'e2e/**',
]
// APIs that turn a string into markup: API text is only ever rendered by React, as text.
const RAW_HTML_MESSAGE = 'Render API text as text: no API that turns strings into markup.'
const NO_RAW_HTML = [
  'JSXAttribute[name.name=/^(dangerouslySetInnerHTML|srcDoc|srcdoc)$/]',
  'MemberExpression[property.name=/^(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment)$/]',
  "MemberExpression[object.name='document'][property.name=/^(write|writeln)$/]",
].map((selector) => ({ selector, message: RAW_HTML_MESSAGE }))

function importRules({ files, patterns, paths = [] }) {
  // no-restricted-imports does not look at import(): the same patterns, for dynamic imports.
  const dynamic = patterns.map(({ regex, message }) => ({
    selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`,
    message,
  }))
  // no-restricted-syntax is also where src forbids raw HTML; one list, as options replace.
  const syntax = files.some((glob) => glob.startsWith('src/')) ? NO_RAW_HTML : []
  return {
    'no-restricted-imports': ['error', { paths, patterns }],
    'no-restricted-syntax': ['error', ...syntax, ...dynamic],
  }
}

// A later config object replaces an earlier one's options for the same rule, so each part
// gets one object with its rules, then one for its production files with test support added.
const boundaryConfigs = BOUNDARIES.flatMap((boundary) => [
  { files: boundary.files, rules: importRules(boundary) },
  {
    files: boundary.files,
    ignores: TESTS_AND_TEST_SUPPORT,
    rules: importRules({ ...boundary, patterns: [...boundary.patterns, forbid.testSupport] }),
  },
])

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-server',
      'test-results',
      'playwright-report',
      'tools/bench/.out',
      '.data',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022 },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [
      reactHooks.configs.flat['recommended-latest'],
      ...pluginQuery.configs['flat/recommended'],
    ],
    plugins: { 'react-refresh': reactRefresh },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      // no-restricted-syntax (raw HTML) is set with the import boundaries below.
    },
  },
  {
    files: ['server/**/*.ts', 'e2e/**/*.ts', '*.config.ts', 'tools/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // The benchmark's reference pages.
    files: ['tools/**/*.tsx'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    languageOptions: { globals: globals.browser },
  },
  {
    // Scripts the browser runs as they are (the early pack request).
    files: ['public/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
    rules: { 'no-restricted-syntax': ['error', ...NO_RAW_HTML] },
  },
  {
    // The tools: Node, plus functions that run in the benchmarked page.
    files: ['tools/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  ...boundaryConfigs,
)
