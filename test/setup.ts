// Every test file's temp folders go when the file is done: a run used to leave ~1,700 of them.
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers.js';

afterAll(removeTempDirs);
