// Only the fixtures' own spec files; no Forklift configuration applies here.
export default { test: { include: ["**/*.spec.ts"], root: import.meta.dirname } };
