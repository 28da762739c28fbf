// One Jest run over every workspace. TypeScript is compiled by SWC to ES modules and Jest runs in its
// native ESM mode (node --experimental-vm-modules), because Prisma 7, jose and @noble are ESM-first.
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', decorators: false }, target: 'es2023' },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

/** @param {string} dir */
const project = (dir) => ({
  displayName: dir,
  rootDir: dir,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@konsey/([a-z-]+)$': '<rootDir>/../../packages/$1/src/index.ts',
    '^@konsey/([a-z-]+)/([a-z-]+)$': '<rootDir>/../../packages/$1/src/$2/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
});

import { readdirSync, existsSync } from 'node:fs';
const workspaces = ['packages', 'services'].flatMap((root) =>
  readdirSync(root)
    .map((name) => `${root}/${name}`)
    .filter((dir) => existsSync(`${dir}/package.json`)),
);

export default {
  rootDir: '.',
  projects: workspaces.map(project),
  testTimeout: 60_000,
  maxWorkers: 2,
};
