import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Import directions, as docs/DESIGN.md draws them. Each key names folders by a regular expression over
 * an import's path (`../store/x.js` holds the segment `store/`).
 */
const FOLDER = {
  content: '(^|/)content/',
  search: '(^|/)search/',
  answer: '(^|/)answer/',
  eval: '(^|/)eval/',
  study: '(^|/)study/',
  discord: '(^|/)discord/',
  cli: '(^|/)cli/',
  io: '(^|/)io/',
  store: '(^|/)store/',
  chart: '(^|/)chart/',
  // The report's shape is types only, shared by the store that builds it and the renderers that show it.
  storeButReport: '(^|/)store/(?!report\\.js$)',
  programSupport: '(^|/)(config|runProgram|redactSecrets)\\.js$',
};

const why = {
  pure: 'the core is pure: file, network and process I/O belong to the shells',
  inward: 'dependencies point inward (docs/DESIGN.md)',
  shells: 'shells never import each other (docs/DESIGN.md)',
  adapters: 'adapters (io/, store/) and program support import only the core (docs/DESIGN.md)',
};

/** No file, process or discord.js access; the core proper does not know Discord's types either. */
const PURE = [
  { group: ['node:*', 'fs', 'fs/*', 'path', 'child_process', 'better-sqlite3', 'dotenv'], message: why.pure },
  { group: ['discord.js', '@discordjs/*'], message: 'pure code never imports discord.js' },
];
const NO_DISCORD_TYPES = [
  { group: ['discord-api-types', 'discord-api-types/*'], message: 'only src/discord/ knows Discord' },
];

/** One entry per folder: the folders its files may not import, and why. */
const LAYERS = [
  {
    files: ['src/content/**'],
    pure: [...PURE, ...NO_DISCORD_TYPES],
    forbid: {
      [why.inward]: [
        'search',
        'answer',
        'eval',
        'study',
        'discord',
        'cli',
        'io',
        'store',
        'programSupport',
        'chart',
      ],
    },
  },
  {
    files: ['src/search/**'],
    pure: [...PURE, ...NO_DISCORD_TYPES],
    forbid: {
      [why.inward]: ['answer', 'eval', 'study', 'discord', 'cli', 'io', 'store', 'programSupport', 'chart'],
    },
  },
  {
    files: ['src/answer/**'],
    pure: [...PURE, ...NO_DISCORD_TYPES],
    forbid: { [why.inward]: ['eval', 'study', 'discord', 'cli', 'io', 'store', 'programSupport', 'chart'] },
  },
  {
    files: ['src/eval/**'],
    pure: [...PURE, ...NO_DISCORD_TYPES],
    forbid: { [why.inward]: ['study', 'discord', 'cli', 'io', 'store', 'programSupport', 'chart'] },
  },
  {
    files: ['src/study/**'],
    pure: [...PURE, ...NO_DISCORD_TYPES],
    forbid: { [why.inward]: ['eval', 'discord', 'cli', 'io', 'store', 'programSupport', 'chart'] },
  },
  {
    files: ['src/discord/**'],
    ignores: ['src/discord/render/**'],
    forbid: { [why.shells]: ['cli'] },
  },
  {
    // The pure Discord adapter: discord-api-types yes; the Discord shell one level up, no.
    files: ['src/discord/render/**'],
    pure: PURE,
    forbid: {
      [why.inward]: ['eval', 'cli', 'io', 'storeButReport', 'programSupport', 'chart'],
      'src/discord/render/ is pure: it never imports the Discord shell around it': ['^\\.\\./[^.]'],
    },
  },
  { files: ['src/cli/**'], forbid: { [why.shells]: ['discord'] } },
  {
    files: ['src/io/**'],
    forbid: { [why.adapters]: ['discord', 'cli', 'store', 'programSupport', 'chart'] },
  },
  {
    files: ['src/store/**'],
    forbid: { [why.adapters]: ['discord', 'cli', 'io', 'programSupport', 'chart'] },
  },
  {
    // The chart adapter draws the report's shape (types only) with Vega-Lite and resvg for both shells.
    files: ['src/chart/**'],
    forbid: { [why.adapters]: ['discord', 'cli', 'io', 'storeButReport', 'programSupport'] },
  },
  {
    files: ['src/config.ts', 'src/runProgram.ts', 'src/redactSecrets.ts'],
    forbid: { [why.adapters]: ['discord', 'cli', 'io', 'store'] },
  },
];

const layerConfigs = LAYERS.map(({ files, ignores, pure = [], forbid }) => ({
  files,
  ...(ignores === undefined ? {} : { ignores }),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...pure,
          ...Object.entries(forbid).flatMap(([message, folders]) =>
            folders.map((folder) => ({ regex: FOLDER[folder] ?? folder, message })),
          ),
        ],
      },
    ],
    ...(pure.length === 0
      ? {}
      : {
          'no-restricted-globals': [
            'error',
            { name: 'process', message: 'The core is pure: pass values in.' },
          ],
        }),
  },
}));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
    },
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: [
      'src/content/**',
      'src/search/**',
      'src/answer/**',
      'src/eval/**',
      'src/study/**',
      'src/discord/render/**',
    ],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  ...layerConfigs,
);
