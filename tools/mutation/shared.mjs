/**
 * What every mutation-testing area shares (StrykerJS, `npm run mutation`, see docs/mutation.md).
 * Each area runs its project's own Jest config (ts-jest, as `nx test` does) in a sandbox copy of
 * the repository under .stryker-tmp/<area>; only what the tests need is copied.
 *
 * @param {object} area
 * @param {string} area.name       reports/mutation/<name>/ and .stryker-tmp/<name>/
 * @param {string} area.jestConfig the project's Jest config, relative to the repository root
 * @param {string[]} area.mutate   files (or file:line-line ranges) whose mutants count
 * @param {string[]} area.copy     folders the sandbox needs besides the root configs
 * @param {boolean} [area.ignoreStatic] leave static mutants untested (see below)
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function areaConfig({ name, jestConfig, mutate, copy, ignoreStatic = false }) {
  return {
    packageManager: 'npm',
    testRunner: 'jest',
    testRunner_comment: 'The jest runner with the project\'s own jest.config.cts (ts-jest); only *.spec.ts unit tests run — integration tests need PostgreSQL and Redis.',
    jest: { projectType: 'custom', configFile: jestConfig, enableFindRelatedTests: true },
    coverageAnalysis: 'perTest',
    checkers: [],
    // One core is someone else's: one test runner at a time.
    concurrency: 1,
    timeoutMS: 10000,
    // Static mutants (run once, when a module loads: constants, decorators) need a fresh module
    // registry and every covering test per mutant. An area with many of them reports them as
    // "Ignored" unless MUTATION_STATIC=1 (`npm run mutation -- --static`).
    ignoreStatic: ignoreStatic && process.env.MUTATION_STATIC !== '1',
    mutate,
    // Mutated files get // @ts-nocheck, so ts-jest's type check does not reject mutants.
    disableTypeChecks: 'libs/**/*.ts',
    // The sandbox is a copy of these only (node_modules is symlinked, not copied).
    ignorePatterns: ['/*', '!/package.json', '!/nx.json', '!/tsconfig.base.json', '!/jest.preset.js', '!/libs/', '/libs/*', ...copy.map((folder) => `!/${folder}/`), '**/dist/', '**/*.int-spec.ts'],
    tempDirName: `.stryker-tmp/${name}`,
    cleanTempDir: true,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
    jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
    clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0, reportScoreTable: true },
    thresholds: { high: 90, low: 75, break: null },
  };
}
