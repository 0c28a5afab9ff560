// The browser host's settings file: endpoint and model persisted atomically in the user's config
// folder, readable by the user only; the key kept in memory and never written.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultSettingsFile, fileUserSettings } from "./file-user-settings.ts";

let home: string;
let file: string;

beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), "forklift-config-"));
  file = defaultSettingsFile({ XDG_CONFIG_HOME: home });
});

afterEach(() => rmSync(home, { recursive: true, force: true }));

describe("fileUserSettings", () => {
  it("lives in $XDG_CONFIG_HOME/forklift, else ~/.config/forklift", () => {
    expect(file).toBe(path.join(home, "forklift", "settings.json"));
    expect(defaultSettingsFile({ HOME: "/home/someone" })).toMatch(/\.config\/forklift\/settings\.json$/);
  });

  it("persists the endpoint and the model for the next start, and keeps the key in memory only", async () => {
    const settings = fileUserSettings(file);
    expect(settings.keyStorage).toBe("memory");
    await settings.update({ llm: { baseUrl: "http://127.0.0.1:11434/v1", model: "qwen2.5-coder:7b", apiKey: "sk-never-on-disk" } });
    expect(settings.llm()).toEqual({ baseUrl: "http://127.0.0.1:11434/v1", model: "qwen2.5-coder:7b", apiKey: "sk-never-on-disk" });
    const text = readFileSync(file, "utf8");
    expect(JSON.parse(text)).toEqual({ llm: { baseUrl: "http://127.0.0.1:11434/v1", model: "qwen2.5-coder:7b" } });
    expect(text).not.toContain("sk-never-on-disk");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(file))).toEqual(["settings.json"]); // no temporary file left

    const next = fileUserSettings(file);
    expect(next.llm()).toEqual({ baseUrl: "http://127.0.0.1:11434/v1", model: "qwen2.5-coder:7b" });
    await next.update({ llm: { model: null } });
    expect(fileUserSettings(file).llm()).toEqual({ baseUrl: "http://127.0.0.1:11434/v1" });
  });

  it("applies changes in order when they come at once", async () => {
    const settings = fileUserSettings(file);
    await Promise.all(Array.from({ length: 20 }, (_, i) => settings.update({ llm: { model: `m${i}` } })));
    expect(fileUserSettings(file).llm().model).toBe("m19");
  });

  it("reads a damaged or foreign file as empty, and replaces it on the next change", async () => {
    const settings = fileUserSettings(file);
    await settings.update({ llm: { model: "m" } });
    writeFileSync(file, "{ not json");
    expect(fileUserSettings(file).llm()).toEqual({});
    writeFileSync(file, JSON.stringify({ llm: { model: 42 } }));
    const replaced = fileUserSettings(file);
    expect(replaced.llm()).toEqual({});
    await replaced.update({ llm: { baseUrl: "http://127.0.0.1:1234/v1" } });
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ llm: { baseUrl: "http://127.0.0.1:1234/v1" } });
  });
});
