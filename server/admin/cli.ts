import { adminMain } from './main.js';

process.exitCode = await adminMain(process.argv.slice(2));
