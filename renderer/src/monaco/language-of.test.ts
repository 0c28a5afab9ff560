import { describe, expect, it } from "vitest";
import { languageOf } from "./language-of.ts";

describe("languageOf", () => {
  it("maps extensions and well-known names, and anything else to plain text", () => {
    expect(languageOf("src/cart.TSX")).toBe("typescript");
    expect(languageOf("lib/a.mjs")).toBe("javascript");
    expect(languageOf("docker/Dockerfile")).toBe("dockerfile");
    expect(languageOf("specs/migrate.yml")).toBe("yaml");
    expect(languageOf(".gitignore")).toBe("plaintext");
    expect(languageOf("LICENSE")).toBe("plaintext");
    expect(languageOf("data.unknownext")).toBe("plaintext");
  });
});
