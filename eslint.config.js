// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/.astro/**',
      '**/node_modules/**',
      'tests/.tmp/**',
      'bench/.tmp/**',
      'packages/*/test/.tmp/**',
      'packages/*/bench/.tmp/**',
      '**/*.d.ts',
      // Fixture sites are tiny Astro projects read by tests; `astro check` types them, not the linter.
      'tests/fixtures/**/src/**',
      'packages/*/test/fixtures/**/src/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            '*.js',
            '*.mjs',
            'examples/*/astro.config.mjs',
            'tests/fixtures/*/astro.config.mjs',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Template literals with numbers are how the theme builds CSS values and messages.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // A leading underscore marks a binding that is deliberately left out (e.g. when destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...astro.configs.recommended,
  {
    files: ['**/*.astro'],
    // Type-aware rules cannot see through virtual modules inside .astro frontmatter; astro check types them.
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
