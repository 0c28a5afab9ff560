/* eslint-disable */
// Lint findings on purpose (the capture runs eslint with --no-inline-config).
const unused = 1;
export function check(value) {
  if (value == null) console.log("no value");
  return undefinedName;
}
