// The pool's bookkeeping with an in-memory backend; the docker suite exercises it with real containers.
import { describe, expect, it } from "vitest";
import { WarmPool, type PoolBackend } from "./warm-pool.ts";

function fakeBackend(options: { delayMs?: number; fail?: boolean } = {}) {
  let next = 0;
  const live = new Set<string>();
  const backend: PoolBackend = {
    async create() {
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 1));
      if (options.fail) throw new Error("daemon down");
      const id = `c${next++}`;
      live.add(id);
      return id;
    },
    async remove(id) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      live.delete(id);
    },
  };
  return { backend, live };
}

describe("WarmPool", () => {
  it("fills to its size and refills after a take", async () => {
    const { backend, live } = fakeBackend();
    const pool = new WarmPool("ckpt", 3, backend);
    await pool.whenFull();
    expect(pool.readyIds).toHaveLength(3);
    const id = await pool.take();
    expect(id).toBeDefined();
    await pool.whenFull();
    expect(pool.readyIds).toHaveLength(3);
    expect(live.size).toBe(4);
    await pool.drain();
    expect([...live]).toEqual([id]);
  });

  it("hands an in-flight sandbox to a taker and says 'make your own' beyond that", async () => {
    const { backend } = fakeBackend({ delayMs: 20 });
    const pool = new WarmPool("ckpt", 1, backend);
    const first = pool.take();
    const second = pool.take();
    expect(await second).toBeUndefined();
    expect(await first).toBe("c0");
    await pool.drain();
  });

  it("removes sandboxes that finish after a drain", async () => {
    const { backend, live } = fakeBackend({ delayMs: 10 });
    const pool = new WarmPool("ckpt", 2, backend, 2);
    await pool.drain();
    expect(live.size).toBe(0);
    expect(await pool.take()).toBeUndefined();
  });

  it("stops refilling and rejects whenFull when creation keeps failing", async () => {
    const { backend } = fakeBackend({ fail: true });
    const pool = new WarmPool("ckpt", 2, backend);
    await expect(pool.whenFull()).rejects.toThrow("daemon down");
    await pool.drain();
  });

  it("stops refilling after a shrink but keeps started sandboxes for the coming takes", async () => {
    const { backend, live } = fakeBackend();
    const pool = new WarmPool("ckpt", 2, backend);
    await pool.whenFull();
    pool.resize(0); // the last two forks are about to take from the pool
    expect(await pool.take()).toBeDefined();
    expect(await pool.take()).toBeDefined();
    expect(pool.readyIds).toHaveLength(0);
    expect(await pool.take()).toBeUndefined(); // nothing refilled: the caller starts one itself
    await pool.drain();
    expect(live.size).toBe(2); // the two taken ones are the caller's now
  });
});

it("waits for the removal of sandboxes whose creation finishes during a drain", async () => {
  const { backend, live } = fakeBackend({ delayMs: 30 });
  const pool = new WarmPool("ckpt", 1, backend);
  await pool.whenFull();
  const taken = await pool.take(); // starts a refill that is still in flight when the drain begins
  await pool.drain();
  expect([...live]).toEqual([taken]);
});
