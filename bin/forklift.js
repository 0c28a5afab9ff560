#!/usr/bin/env node
// The `forklift` command: loads the TypeScript CLI through tsx's loader.
import { register } from "tsx/esm/api";

register();
await import("../core/hosts/cli/main.ts");
