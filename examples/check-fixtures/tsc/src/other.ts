// Imports a name that does not exist.
import { missing } from "./errors.ts";

export const value = missing;
