// The fixtures' own lint configuration (run with --no-inline-config, so the files' eslint-disable is ignored).
export default [
  {
    files: ["**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { console: "readonly" } },
    rules: { "no-unused-vars": "error", "no-undef": "error", eqeqeq: "warn", "no-console": "warn" },
  },
];
