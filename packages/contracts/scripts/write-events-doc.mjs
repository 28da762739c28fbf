#!/usr/bin/env node
// Writes docs/events.md from the catalogue (run after building contracts: npm run docs:events).
import { writeFileSync } from 'node:fs';
import { catalogueMarkdown } from '../dist/index.js';

writeFileSync(new URL('../../../docs/events.md', import.meta.url), catalogueMarkdown());
