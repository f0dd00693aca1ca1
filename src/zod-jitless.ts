// Zod compiles each object schema into a fast path with `new Function` the first time it parses
// (zod v4's JIT). A run parses most schemas a handful of times (every inferred example schema once),
// so compiling them costs more than it saves: ~40 ms of a ~0.9 s run. Imported by the CLI before any
// schema exists (the setting is read when a schema is built). Library users keep zod's default.
import { config } from 'zod/v4/core';

config({ jitless: true });
