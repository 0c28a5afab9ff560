// The structured logger the migration moves everything to.
export const logger = {
  info: (message, fields = {}) => process.stdout.write(JSON.stringify({ level: "info", message, ...fields }) + "\n"),
  warn: (message, fields = {}) => process.stdout.write(JSON.stringify({ level: "warn", message, ...fields }) + "\n"),
  error: (message, fields = {}) => process.stderr.write(JSON.stringify({ level: "error", message, ...fields }) + "\n"),
};
