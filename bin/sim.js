#!/usr/bin/env node
// Entry point installed as the `sim` command; the CLI is compiled to dist/.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
