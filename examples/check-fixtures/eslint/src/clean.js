// No findings.
export const answer = 42;
