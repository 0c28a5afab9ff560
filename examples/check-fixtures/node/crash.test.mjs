// A test file that cannot even load: node reports the file itself as a failed test.
import "./does-not-exist.mjs";
