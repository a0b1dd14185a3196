// Lint rules for the whole repository. Kept as a dotfile so the top level
// holds only the project's own folders; `npm run lint` passes it with -c.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The browser side reaches the network only through src/net.
    files: ['src/app/**', 'src/modules/**', 'src/auth/**', 'src/core/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Use the API client in src/net.' },
        { name: 'localStorage', message: 'Tokens never go to storage.' },
        { name: 'sessionStorage', message: 'Tokens never go to storage.' },
      ],
    },
  },
  {
    // Shared code must run in the browser and in Node alike.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'react', 'react-dom', '../server/*'] },
      ],
    },
  },
)
