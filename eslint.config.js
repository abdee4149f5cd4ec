import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * Web features never import each other: what two features share lives in components/, lib/ or the domain.
 * The list is read from the folders, so a new feature is covered the day it is made.
 */
const WEB_FEATURES = readdirSync(new URL('./src/web/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * Server features (src/server/<feature>: routes, repository, tests) and the ones each builds on. A feature
 * imports another only when listed, and the list has no cycle: it uses the other's repository type or row
 * mappers, and app.ts hands it the instance. When a feature needs something from one that builds on it, it
 * declares an interface and app.ts passes the other's repository (IntegrationUsageGuard in
 * integrations/integration-routes.ts, fulfilled by dialogs/). Every feature shares db/, http/, errors.ts and
 * the domain; directories/ serves every directory from its descriptor (credentials/ adds the secrets);
 * demo/ seeds them all. A feature's testing/ folder holds fixtures any test may use.
 */
const SERVER_FEATURES = {
  bots: [],
  integrations: ['bots'],
  revisions: ['integrations', 'test-cases'],
  simulator: ['bots', 'integrations', 'environments'],
  'test-cases': ['bots', 'integrations', 'simulator', 'environments'],
  'cb-export': ['bots', 'integrations', 'credentials', 'environments'],
  dialogs: ['integrations', 'cb-export', 'environments'],
  rehearsal: ['dialogs', 'simulator', 'test-cases', 'environments'],
  directories: [],
  credentials: ['directories'],
  environments: ['credentials'],
  releases: ['bots', 'integrations', 'dialogs', 'environments'],
  health: [],
  live: [],
  demo: ['bots', 'integrations', 'credentials', 'directories', 'dialogs', 'test-cases'],
  people: [],
};
const serverFeature = (feature) => `./src/server/${feature}`;

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'node_modules', 'data', 'test-results', 'playwright-report', 'drizzle'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...WEB_FEATURES.map((feature) => ({
              target: `./src/web/features/${feature}`,
              from: './src/web/features',
              except: [`./${feature}`],
              message: 'Features never import each other: move what they share to src/web/components, src/web/lib or src/domain.',
            })),
            {
              target: ['./src/web/components', './src/web/lib'],
              from: ['./src/web/features', './src/web/app'],
              message:
                'components/ and lib/ serve every screen and know none of them: pass what they need in, or move the code to the feature.',
            },
            {
              target: './src/web/features',
              from: './src/web/app',
              message: 'Imports go one way, app/ → features/: app/routes/ composes features, a feature never reaches back into app/.',
            },
            ...Object.entries(SERVER_FEATURES).map(([feature, buildsOn]) => ({
              target: serverFeature(feature),
              from: Object.keys(SERVER_FEATURES)
                .filter((other) => other !== feature && !buildsOn.includes(other))
                .map(serverFeature),
              except: ['./testing'],
              message: `Server features import only the ones they build on (SERVER_FEATURES in eslint.config.js): ${feature} builds on ${buildsOn.join(', ') || 'none'}.`,
            })),
            {
              target: ['./src/server/db', './src/server/http'],
              from: Object.keys(SERVER_FEATURES).map(serverFeature),
              message: 'db/ and http/ serve every feature and know none of them.',
            },
            {
              target: ['./src/server/db/**', './src/server/**/*-repository.ts', './src/server/**/*-store.ts', './src/server/**/*-rows.ts'],
              from: './src/server/http',
              message: 'Repositories know SQL, not HTTP: throw the errors of src/server/errors.ts; http/error-handler.ts answers them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**'], message: 'The web app talks to the server over HTTP only.' }] },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/web/**'], message: 'The server never imports the web app.' }] }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', '**/web/**'], message: 'The domain depends on nothing but libraries.' }] },
      ],
    },
  },
  {
    // The form reads the descriptors on its first load and loads zod (with the script parser) only when it
    // validates: a descriptor builds its schema from the kit it is given, never from zod or a schema module.
    files: ['src/domain/integration-types/**/*.ts'],
    ignores: ['src/domain/integration-types/schema-kit.ts', 'src/domain/integration-types/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/web/**'], message: 'The domain depends on nothing but libraries.' },
            {
              group: ['zod', 'zod/*', 'acorn', '../*', '!../limits', '!../custom-data-warnings', '!../variable-reference'],
              allowTypeImports: true,
              message: 'Descriptors stay free of zod: build the schema from the SchemaKit the field is given.',
            },
          ],
        },
      ],
    },
  },
  // Last: formatting is Prettier's (npm run lint runs prettier --check), so ESLint's own style rules stay out of its way.
  prettier,
);
